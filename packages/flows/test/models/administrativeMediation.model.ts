import type { CaseContext } from '../../src/index.js';
import { anAdministrativeIntake, aSignedStatement } from '../support/administrativeMediation.factories.js';
import { centreEvents, expiryEvents, type FlowModel, type ModelEvent } from './flowModel.js';

const RECEIVED = '2026-03-02';
const statement = (signatures: Record<string, unknown>) => aSignedStatement({ effectiveOn: RECEIVED, signatures });

const withdrawals = (): ModelEvent[] => [
  { type: 'case.withdrawn', payload: { partyId: 'p2' } },
  { type: 'case.withdrawn', payload: { partyId: 'p1' } },
];
const lawsuits = (): ModelEvent[] => [
  { type: 'lawsuit.filed', payload: { courtId: 'court-1', filedOn: '2026-12-01' } },
  { type: 'lawsuit.filed', payload: { courtId: 'court-1' } },
];
const periodEvents = (): ModelEvent[] => [
  { type: 'period.extended', payload: { length: 10, unit: 'day', consentingPartyIds: ['p1'] } },
  { type: 'period.extended', payload: { length: 10, unit: 'day', consentingPartyIds: ['p1', 'p2'] } },
  { type: 'mediation.failed', payload: { reason: 'noAgreement' } },
];

const domainOf = (context: CaseContext) => context.facts.domain as string;

/**
 * Acceptance sets acceptedOn; the period runs from acceptance (traffic: from the start) and pauses for appraisal except
 * in traffic.
 */
function acceptanceAndPeriodInvariant(state: string, context: CaseContext): void {
  const period = context.deadlines.find((d) => d.kind === 'mediationPeriod');
  if (state === 'pendingAcceptance') expect(context.acceptedOn).toBeNull();
  if (['awaitingStart', 'mediating', 'paused', 'agreementSigned', 'failed'].includes(state))
    expect(context.acceptedOn).not.toBeNull();
  if (state === 'awaitingStart') {
    expect(domainOf(context)).toBe('trafficAccident');
    expect(period).toBeUndefined();
  }
  if (state === 'mediating') expect(period?.status).toBe('running');
  if (state === 'paused') expect(period?.status).toBe(domainOf(context) === 'trafficAccident' ? 'running' : 'paused');
  if (state !== 'pendingAcceptance')
    expect(context.deadlines.find((d) => d.kind === 'acceptanceDecision')).toBeUndefined();
  if (state === 'agreementSigned') expect(context.agreement?.boundPartyIds.length).toBeGreaterThan(0);
}

export const administrativeMediationModel: FlowModel = {
  flowId: 'administrative-mediation',
  openings: [
    { name: 'trafficAccident', input: anAdministrativeIntake('trafficAccident'), today: RECEIVED },
    { name: 'medical', input: anAdministrativeIntake('medical'), today: RECEIVED },
    { name: 'consumer', input: anAdministrativeIntake('consumer'), today: RECEIVED },
    { name: 'publicSecurity', input: anAdministrativeIntake('publicSecurity'), today: RECEIVED },
    { name: 'general', input: anAdministrativeIntake('general'), today: RECEIVED },
  ],
  events(state, context): ModelEvent[] {
    const common = [...centreEvents(), ...expiryEvents(context)];
    switch (state) {
      case 'pendingAcceptance':
        return [
          ...common,
          { type: 'application.accepted', payload: {} },
          { type: 'application.accepted', payload: { otherSideConsented: true }, host: { acceptedElsewhere: true } },
          { type: 'application.accepted', payload: { otherSideConsented: true } },
          { type: 'application.accepted', payload: { acceptedOn: '2026-12-01', otherSideConsented: true } },
          { type: 'application.rejected', payload: { reason: 'outOfCompetence' } },
          ...lawsuits(),
          ...withdrawals(),
        ];
      case 'awaitingStart':
        return [
          ...common,
          { type: 'mediation.started', payload: { startsOn: '2026-12-01' } },
          { type: 'mediation.started', payload: {} },
          ...lawsuits(),
          ...withdrawals(),
        ];
      case 'mediating':
        return [
          ...common,
          { type: 'appraisal.started', payload: {} },
          { type: 'agreement.signed', payload: statement({ partyIds: ['p1'], mediator: true }) },
          { type: 'agreement.signed', payload: statement({ partyIds: ['p1', 'p2'], mediator: true }) },
          ...periodEvents(),
          ...lawsuits(),
          ...withdrawals(),
        ];
      case 'paused':
        return [
          ...common,
          { type: 'appraisal.completed', payload: {} },
          ...periodEvents(),
          ...lawsuits(),
          ...withdrawals(),
        ];
      default:
        return common;
    }
  },
  invariants: [acceptanceAndPeriodInvariant],
};
