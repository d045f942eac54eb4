import type { CaseContext } from '../../src/index.js';
import {
  aConfirmationIntake,
  aLinkedAgreementCase,
  anInlineAgreement,
} from '../support/judicialConfirmation.factories.js';
import { centreEvents, expiryEvents, type FlowModel, type ModelEvent } from './flowModel.js';

const APPLIED = '2026-03-16';
const ruling = (payload: Record<string, unknown> = {}) => ({
  rulingNo: '(2026)京0105民特1号',
  ruledOn: APPLIED,
  ...payload,
});

const extensions = (): ModelEvent[] => [
  { type: 'review.extended', payload: { days: 10, approvedBy: '院长王某' } },
  { type: 'review.extended', payload: { days: 11, approvedBy: '院长王某' } },
];

const endings = (): ModelEvent[] => [
  { type: 'application.dismissed', payload: { reason: 'publicOrThirdPartyHarm', rulingNo: 'R-2' } },
  { type: 'application.withdrawn', payload: { rulingNo: 'R-3', deemed: true, partyId: 'p2' } },
  { type: 'application.withdrawn', payload: { rulingNo: 'R-3', deemed: false, partyId: 'p9' } },
];

export const judicialConfirmationModel: FlowModel = {
  flowId: 'judicial-confirmation',
  openings: [
    { name: 'inline agreement', input: aConfirmationIntake({ agreement: anInlineAgreement() }), today: APPLIED },
    {
      name: 'inline identity-relation agreement (warning)',
      input: aConfirmationIntake({ agreement: anInlineAgreement({ subject: 'identityRelation' }) }),
      today: APPLIED,
    },
    {
      name: 'linked people-mediation agreement',
      input: aConfirmationIntake({ linkedCaseId: 'case-pm-1' }),
      today: APPLIED,
      host: { linkedCase: aLinkedAgreementCase() },
    },
  ],
  events(state, context): ModelEvent[] {
    const common = [...centreEvents(), ...expiryEvents(context)];
    switch (state) {
      case 'applied':
        return [
          ...common,
          { type: 'application.accepted', payload: {} },
          { type: 'application.accepted', payload: { acceptedOn: '2026-03-17' } },
          { type: 'application.rejected', payload: { reason: 'identityRelation', rulingNo: 'R-1' } },
          { type: 'application.withdrawn', payload: { rulingNo: 'R-3', deemed: false } },
        ];
      case 'underReview':
        return [
          ...common,
          ...extensions(),
          ...endings(),
          { type: 'supplement.requested', payload: { items: ['财产权利证明'], dueOn: '2026-03-25' } },
          { type: 'supplement.requested', payload: { items: ['财产权利证明'], dueOn: APPLIED } },
          { type: 'agreement.confirmed', payload: ruling({ servedOn: APPLIED }) },
          { type: 'agreement.confirmed', payload: ruling({ ruledOn: '2026-03-17' }) },
        ];
      case 'awaitingSupplement':
        return [
          ...common,
          ...extensions(),
          ...endings(),
          { type: 'supplement.provided', payload: {} },
          { type: 'supplement.provided', payload: { providedOn: '2026-03-17' } },
        ];
      default:
        return common;
    }
  },
  invariants: [
    // The agreement is always on the case: a confirmation always has one to confirm (PML Art. 33).
    (_state, context: CaseContext) => expect(context.agreement?.effectiveOn).toEqual(expect.any(String)),
    (state, context) => {
      if (['underReview', 'awaitingSupplement', 'confirmed', 'dismissed'].includes(state))
        expect(context.acceptedOn).not.toBeNull();
      if (state === 'applied') expect(context.acceptedOn).toBeNull();
    },
    (state, context) => {
      if (state === 'underReview' || state === 'awaitingSupplement') {
        expect(context.deadlines.map((d) => d.kind)).toEqual(
          expect.arrayContaining(['reviewDecision', 'specialProcedurePeriod']),
        );
      }
      if (state === 'awaitingSupplement') expect(context.deadlines.map((d) => d.kind)).toContain('supplementDue');
    },
    (state, context) => {
      if (state === 'confirmed')
        expect(context.records.enforcementUntil).toEqual(expect.objectContaining({ basis: 'CPL Art. 250' }));
    },
  ],
};
