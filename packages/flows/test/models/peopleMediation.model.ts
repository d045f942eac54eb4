import { anIntake } from '../support/factories.js';
import { centreEvents, expiryEvents, type FlowModel, type ModelEvent } from './flowModel.js';

const signed = (signatures: Record<string, unknown>, form = 'written') => ({
  form,
  effectiveOn: '2026-03-02',
  terms: [{ obligorPartyId: 'p2', description: '赔偿', amount: '500.00', dueOn: '2026-04-30' }],
  signatures,
});

export const peopleMediationModel: FlowModel = {
  flowId: 'people-mediation',
  openings: [
    { name: 'default category', input: anIntake(), today: '2026-03-02' },
    { name: 'medical', input: anIntake({ category: 'medical' }), today: '2026-03-02' },
    { name: 'labour', input: anIntake({ category: 'labour' }), today: '2026-03-02' },
    {
      name: 'received at a street centre, with its resolution target',
      input: anIntake(),
      today: '2026-03-02',
      host: { resolutionTarget: { length: 20, unit: 'day', basis: 'centre policy: street level (cfg)' } },
    },
  ],
  events(state, context): ModelEvent[] {
    const common = [...centreEvents(), ...expiryEvents(context)];
    switch (state) {
      case 'pendingAcceptance':
        return [
          ...common,
          { type: 'application.accepted', payload: {} },
          { type: 'application.accepted', payload: { otherSideConsented: true } },
          { type: 'application.rejected', payload: { reason: 'outOfScope' } },
          { type: 'party.refused', payload: { partyId: 'p2' } },
          { type: 'case.withdrawn', payload: { partyId: 'p2' } },
          { type: 'case.withdrawn', payload: { partyId: 'p1' } },
        ];
      case 'awaitingMediator':
        return [
          ...common,
          { type: 'mediator.assigned', payload: { mediatorId: 'm-1', chosenBy: 'parties' } },
          { type: 'period.extended', payload: { length: 10, unit: 'day', consentingPartyIds: ['p1', 'p2'] } },
          { type: 'party.refused', payload: { partyId: 'p1' } },
          { type: 'mediation.terminated', payload: { reason: 'other' } },
          { type: 'case.withdrawn', payload: { partyId: 'p1' } },
        ];
      case 'mediating':
        return [
          ...common,
          { type: 'session.recorded', payload: { heldOn: '2026-03-02', summary: '第一次调解' } },
          { type: 'appraisal.started', payload: {} },
          { type: 'appraisal.completed', payload: {} },
          { type: 'mediator.recused', payload: { reason: '回避' } },
          { type: 'agreement.signed', payload: signed({ partyIds: ['p1'], mediator: true, committeeSeal: true }) },
          {
            type: 'agreement.signed',
            payload: signed({ partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true }),
          },
          {
            type: 'agreement.signed',
            payload: { form: 'oral', terms: [{ obligorPartyId: 'p2', description: '道歉' }] },
          },
          { type: 'mediation.terminated', payload: { reason: 'noAgreement' } },
          { type: 'party.refused', payload: { partyId: 'p2' } },
          { type: 'case.withdrawn', payload: { partyId: 'p1' } },
        ];
      case 'agreementEffective':
        return [
          ...common,
          { type: 'followUp.recorded', payload: { note: '回访' } },
          { type: 'performance.defaulted', payload: { partyId: 'p2' } },
          { type: 'performance.confirmed', payload: {} },
        ];
      case 'nonPerformance':
        return [
          ...common,
          { type: 'followUp.recorded', payload: { note: '催告' } },
          { type: 'performance.confirmed', payload: {} },
          { type: 'case.closed', payload: { route: 'paymentOrder' } },
        ];
      default:
        return common;
    }
  },
};
