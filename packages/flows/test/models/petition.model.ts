import type { CaseContext } from '../../src/index.js';
import { aParty, anIntake } from '../support/factories.js';
import { centreEvents, expiryEvents, type FlowModel, type ModelEvent } from './flowModel.js';

const RECEIVED = '2026-03-02';
const ABOVE = { targetRelation: 'ancestor' } as const;

const claim = (overrides: Record<string, unknown> = {}) =>
  anIntake({ petitionType: 'claim', channel: 'letter', ...overrides });

const handOvers = (): ModelEvent[] => [
  { type: 'petition.forwarded', payload: { organizationId: 'org-dept-1' }, host: { targetRelation: 'other' } },
  { type: 'petition.forwarded', payload: { organizationId: 'org-district' }, host: ABOVE },
  {
    type: 'petition.assigned',
    payload: { organizationId: 'org-community-1', dueOn: '2026-04-30' },
    host: { targetRelation: 'descendant' },
  },
  {
    type: 'petition.assigned',
    payload: { organizationId: 'org-community-1', dueOn: RECEIVED },
    host: { targetRelation: 'descendant' },
  },
  { type: 'assignment.objected', payload: { reason: '不属于本单位职权范围' } },
  { type: 'assignment.objected', payload: { reason: '逾期异议' }, today: '2026-06-01' },
];

const extensions = (): ModelEvent[] => [
  { type: 'handling.extended', payload: { days: 30, reason: '情况复杂', approvedBy: '王主任' } },
  { type: 'handling.extended', payload: { days: 31, reason: '情况复杂', approvedBy: '王主任' } },
];

export const petitionModel: FlowModel = {
  flowId: 'petition',
  openings: [
    { name: 'claim', input: claim(), today: RECEIVED },
    { name: 'suggestion', input: anIntake({ petitionType: 'suggestion', channel: 'online' }), today: RECEIVED },
    { name: 'claim without respondent', input: claim({ parties: [aParty()] }), today: RECEIVED },
  ],
  events(state, context): ModelEvent[] {
    const common = [...centreEvents(), ...expiryEvents(context)];
    switch (state) {
      case 'registered':
        return [
          ...common,
          ...handOvers(),
          { type: 'petition.accepted', payload: { acceptedOn: RECEIVED } },
          { type: 'petition.accepted', payload: { acceptedOn: '2026-12-01' } },
          { type: 'petition.rejected', payload: { reason: 'outOfCompetence' } },
          { type: 'petition.routedToLegalProcedure', payload: { route: 'litigation' } },
        ];
      case 'handling':
        return [
          ...common,
          ...handOvers(),
          ...extensions(),
          {
            type: 'mediation.referred',
            payload: { committeeId: 'org-committee-1', disputeNature: 'civil', consentingPartyIds: ['p1', 'p2'] },
          },
          {
            type: 'mediation.referred',
            payload: {
              committeeId: 'org-committee-1',
              disputeNature: 'administrative',
              consentingPartyIds: ['p1', 'p2'],
            },
          },
          {
            type: 'mediation.referred',
            payload: { committeeId: 'org-committee-1', disputeNature: 'civil', consentingPartyIds: ['p1'] },
          },
          { type: 'opinion.issued', payload: { result: 'supported', servedOn: RECEIVED } },
          { type: 'opinion.issued', payload: { result: 'notSupported', servedOn: RECEIVED } },
        ];
      case 'inMediation':
        return [
          ...common,
          ...extensions(),
          { type: 'mediation.concluded', payload: { outcome: 'agreed' } },
          { type: 'mediation.concluded', payload: { outcome: 'failed' } },
        ];
      case 'opinionIssued':
        return [
          ...common,
          { type: 'review.requested', payload: { reviewOrganizationId: 'org-district' }, host: ABOVE },
          {
            type: 'review.requested',
            payload: { reviewOrganizationId: 'org-street-2' },
            host: { targetRelation: 'other' },
          },
          {
            type: 'review.requested',
            payload: { reviewOrganizationId: 'org-district' },
            host: ABOVE,
            today: '2026-12-01',
          },
        ];
      case 'underReview':
        return [...common, { type: 'review.decided', payload: { result: 'explained' } }];
      case 'reviewDecided':
        return [
          ...common,
          { type: 'rereview.requested', payload: { rereviewOrganizationId: 'org-city' }, host: ABOVE },
          {
            type: 'rereview.requested',
            payload: { rereviewOrganizationId: 'org-street-2' },
            host: { targetRelation: 'descendant' },
          },
        ];
      case 'underRereview':
        return [
          ...common,
          { type: 'hearing.started', payload: {} },
          { type: 'rereview.decided', payload: { result: 'notSupported' } },
        ];
      case 'inHearing':
        return [
          ...common,
          { type: 'hearing.ended', payload: {} },
          { type: 'rereview.decided', payload: { result: 'supported' } },
        ];
      default:
        return common;
    }
  },
  invariants: [
    (state: string, context: CaseContext) => {
      if (!['registered', 'notAccepted', 'routedToLegalProcedure'].includes(state))
        expect(context.acceptedOn).toEqual(expect.any(String));
      if (state === 'handling' || state === 'inMediation') {
        expect(context.deadlines.map((d) => d.kind)).toContain('handlingPeriod');
      }
      if (state === 'inHearing') {
        // A hearing stops the clock; a decision already overdue stays overdue (PC-Reg Art. 36).
        expect(['paused', 'expired']).toContain(context.deadlines.find((d) => d.kind === 'rereviewDecision')?.status);
      }
      if (state === 'closed' || state === 'concluded') {
        expect(context.outcome).toEqual(expect.objectContaining({ decidedBy: expect.any(String) }));
      }
      if (state === 'concluded') {
        expect(context.records.noFurtherAcceptance).toMatchObject({
          sameFactsAndReasons: true,
          basis: 'PC-Reg Art. 36',
        });
      }
    },
  ],
};
