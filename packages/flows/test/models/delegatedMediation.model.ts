import type { CaseContext } from '../../src/index.js';
import { aDelegation, aSignedAgreement } from '../support/delegatedMediation.factories.js';
import { centreEvents, expiryEvents, type FlowModel, type ModelEvent } from './flowModel.js';

const RECEIVED = '2026-03-02';
const agreement = (signatures: Record<string, unknown>) => aSignedAgreement({ effectiveOn: RECEIVED, signatures });

const withdrawals = (): ModelEvent[] => [
  { type: 'case.withdrawn', payload: { partyId: 'p2' } },
  { type: 'case.withdrawn', payload: { partyId: 'p1' } },
];
const refusals = (): ModelEvent[] => [
  { type: 'party.refused', payload: { partyId: 'p9' } },
  { type: 'party.refused', payload: { partyId: 'p2' } },
];
const extensions = (): ModelEvent[] => [
  { type: 'period.extended', payload: { length: 10, unit: 'day', consentingPartyIds: ['p1'] } },
  { type: 'period.extended', payload: { length: 10, unit: 'day', consentingPartyIds: ['p1', 'p2'] } },
];
const terminations = (reason: string): ModelEvent[] => [
  { type: 'mediation.terminated', payload: { reason, undisputedFacts: ['合同已签订'] } },
];

/** The mediation period runs from the mediator's confirmation and is paused in `paused` and `suspended`. */
function periodInvariant(state: string, context: CaseContext): void {
  expect(context.acceptedOn).toBe(context.openedOn);
  const period = context.deadlines.find((d) => d.kind === 'mediationPeriod');
  if (['awaitingMediator', 'awaitingMediatorConfirmation'].includes(state)) expect(period).toBeUndefined();
  if (['paused', 'suspended'].includes(state)) expect(period?.status).toBe('paused');
  if (['contactingParties', 'mediating'].includes(state)) expect(period?.status).toBe('running');
  if (state === 'agreed') expect(context.agreement?.effectiveOn).toEqual(expect.any(String));
}

export const delegatedMediationModel: FlowModel = {
  flowId: 'delegated-mediation',
  openings: [
    { name: 'with court reference', input: aDelegation(), today: RECEIVED },
    { name: 'without court reference', input: aDelegation({ courtReference: undefined }), today: RECEIVED },
  ],
  events(state, context): ModelEvent[] {
    const common = [...centreEvents(), ...expiryEvents(context)];
    switch (state) {
      case 'awaitingMediator':
        return [
          ...common,
          { type: 'mediator.assigned', payload: { mediatorId: 'm-1', chosenBy: 'parties' } },
          ...refusals(),
          ...withdrawals(),
        ];
      case 'awaitingMediatorConfirmation':
        return [
          ...common,
          { type: 'mediator.confirmed', payload: { confirmedOn: '2026-12-01' } },
          { type: 'mediator.confirmed', payload: {} },
          { type: 'mediator.declined', payload: { reason: '超出擅长领域' } },
          ...refusals(),
          ...withdrawals(),
        ];
      case 'contactingParties':
        return [
          ...common,
          { type: 'parties.reached', payload: {} },
          { type: 'party.unreachable', payload: { partyId: 'p9' } },
          { type: 'party.unreachable', payload: { partyId: 'p2' } },
          ...refusals(),
          ...withdrawals(),
        ];
      case 'mediating':
        return [
          ...common,
          { type: 'session.recorded', payload: { heldOn: '2026-12-01', summary: '未来的笔录' } },
          { type: 'session.recorded', payload: { heldOn: RECEIVED, summary: '第一次调解' } },
          { type: 'appraisal.started', payload: {} },
          { type: 'falseMediation.suspected', payload: { note: '疑似串通' } },
          { type: 'agreement.signed', payload: agreement({ partyIds: ['p1'], mediator: true }) },
          { type: 'agreement.signed', payload: agreement({ partyIds: ['p1', 'p2'], mediator: true }) },
          ...extensions(),
          ...terminations('gapTooWide'),
          { type: 'party.unreachable', payload: { partyId: 'p2' } },
          ...refusals(),
          ...withdrawals(),
        ];
      case 'paused':
        return [
          ...common,
          { type: 'appraisal.completed', payload: {} },
          { type: 'falseMediation.suspected', payload: { note: '鉴定中发现疑似串通' } },
          ...extensions(),
          ...terminations('other'),
          ...withdrawals(),
        ];
      case 'suspended':
        return [
          ...common,
          { type: 'falseMediation.cleared', payload: {} },
          ...terminations('falseMediation'),
          ...withdrawals(),
        ];
      default:
        return common;
    }
  },
  invariants: [periodInvariant],
};
