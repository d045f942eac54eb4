import { anIntake } from '../support/factories.js';
import { centreEvents, expiryEvents, type FlowModel, type ModelEvent } from './flowModel.js';

const OPENED = '2026-03-02';

const registration = (): ModelEvent => ({ type: 'filing.registered', payload: { courtCaseNo: '(2026)京0105民初1号' } });
const withdrawal = (): ModelEvent => ({ type: 'referral.withdrawn', payload: {} });

export const courtReferralModel: FlowModel = {
  flowId: 'court-referral',
  openings: [{ name: 'after failed mediation', input: anIntake({ linkedCaseId: 'case-pm-9' }), today: OPENED }],
  events(state, context): ModelEvent[] {
    const common = [...centreEvents(), ...expiryEvents(context)];
    switch (state) {
      case 'preparing':
        return [
          ...common,
          withdrawal(),
          { type: 'referral.submitted', payload: { courtId: 'court-basic-1', submittedOn: OPENED } },
          { type: 'referral.submitted', payload: { courtId: 'court-basic-1', submittedOn: '2026-03-03' } },
        ];
      case 'submitted':
        return [
          ...common,
          withdrawal(),
          registration(),
          { type: 'filing.rejected', payload: { reason: 'noJurisdiction', rulingNo: 'R-1' } },
          { type: 'materials.requested', payload: { items: ['证据目录'], dueOn: '2026-03-13' } },
          { type: 'materials.requested', payload: { items: ['证据目录'], dueOn: OPENED } },
          { type: 'mediation.delegated', payload: { organizationId: 'org-street-1' } },
        ];
      case 'awaitingMaterials':
        return [
          ...common,
          withdrawal(),
          { type: 'materials.provided', payload: {} },
          { type: 'materials.provided', payload: { providedOn: '2026-03-03' } },
        ];
      case 'awaitingDelegatedMediation':
        return [
          ...common,
          registration(),
          { type: 'mediation.concluded', payload: { outcome: 'failed' } },
          { type: 'mediation.concluded', payload: { outcome: 'agreed' } },
          { type: 'mediation.concluded', payload: { outcome: 'withdrawn' } },
        ];
      default:
        return common;
    }
  },
  invariants: [
    // No acceptance step: the case counts as accepted from its opening (flows.md "Status and the resolution rate").
    (_state, context) => expect(context.acceptedOn).not.toBeNull(),
    (state, context) => {
      const kinds = context.deadlines.map((d) => d.kind);
      if (state === 'submitted') expect(kinds).toContain('registrationDecision');
      if (state === 'awaitingMaterials' || state === 'awaitingDelegatedMediation')
        expect(kinds).not.toContain('registrationDecision');
    },
  ],
};
