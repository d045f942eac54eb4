import { describeCase } from '../src/index.js';
import { anAdministrativeIntake } from './support/administrativeMediation.factories.js';
import { aDelegation } from './support/delegatedMediation.factories.js';
import { anIntake, CaseDriver, refusal } from './support/factories.js';
import { aPetitionIntake } from './support/petition.factories.js';

const STREET_TARGET = { length: 20, unit: 'day' as const, basis: 'centre policy: street level (cfg)' };
const DISTRICT_TARGET = { length: 30, unit: 'day' as const, basis: 'centre policy: district level (cfg)' };
const open = () => CaseDriver.open('people-mediation', anIntake(), '2026-03-02', { resolutionTarget: STREET_TARGET });

describe('centre events (flows.md "Three-level centres")', () => {
  describe('resolution target (cfg)', () => {
    it('starts the handling level’s target at opening, counted from receipt', () => {
      expect(open().deadline('resolutionTarget')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-23',
        basis: STREET_TARGET.basis,
      });
    });

    it('restarts it with the new level’s target when the case is escalated', () => {
      const c = open().send('case.escalated', { toOrganizationId: 'district', reason: '疑难复杂' }, '2026-03-10', {
        targetRelation: 'ancestor',
        resolutionTarget: DISTRICT_TARGET,
      });
      expect(c.context.organizationId).toBe('district');
      expect(c.deadline('resolutionTarget')).toMatchObject({ dueOn: '2026-04-09', basis: DISTRICT_TARGET.basis });
      expect(c.state).toBe('pendingAcceptance');
    });

    it('drops it when the new organisation has none', () => {
      const c = open().send('case.escalated', { toOrganizationId: 'city', reason: '重大' }, '2026-03-10', {
        targetRelation: 'ancestor',
      });
      expect(c.deadline('resolutionTarget')).toBeUndefined();
    });

    it.each([
      ['people-mediation', anIntake(), 'mediationPeriod'],
      ['administrative-mediation', anAdministrativeIntake('general'), 'acceptanceDecision'],
      ['delegated-mediation', aDelegation(), 'mediatorChoice'],
      ['court-referral', anIntake({ linkedCaseId: 'case-pm-9', amount: '8000.00' }), undefined],
      ['petition', aPetitionIntake(), 'acceptanceDecision'],
    ])('%s: a case a centre opens carries the 化解时限 next to its own first deadline', (flowId, intake, own) => {
      const c = CaseDriver.open(flowId, intake, '2026-03-02', { resolutionTarget: STREET_TARGET });
      expect(c.deadline('resolutionTarget')).toMatchObject({ dueOn: '2026-03-23', basis: STREET_TARGET.basis });
      if (own === 'mediationPeriod') c.send('application.accepted', {}, '2026-03-02');
      if (own) expect(c.deadline(own)).toMatchObject({ status: 'running' });
    });

    it('marks the case overdue when the target passes, without changing the state', () => {
      const c = open().send('deadline.expired', { kind: 'resolutionTarget' }, '2026-03-24');
      expect(describeCase(c.snapshot)).toMatchObject({ state: 'pendingAcceptance', overdue: true });
    });
  });

  describe('escalation, assignment, transfer', () => {
    it('refuses an escalation that is not to an ancestor (街镇 → 区 → 市)', () => {
      for (const targetRelation of ['descendant', 'other', 'self'] as const) {
        const error = refusal(
          open().attempt('case.escalated', { toOrganizationId: 'x', reason: 'r' }, '2026-03-03', { targetRelation }),
        );
        expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'ESCALATION_ONLY_UPWARD' });
      }
    });

    it('assigns only downward, by an organisation at or above the handling one', () => {
      expect(
        refusal(
          open().attempt('case.assigned', { organizationId: 'x', reason: 'r' }, '2026-03-03', {
            targetRelation: 'ancestor',
            actorRelation: 'self',
          }),
        ),
      ).toMatchObject({
        rule: 'ASSIGNMENT_ONLY_DOWNWARD',
      });
      expect(
        refusal(
          open().attempt('case.assigned', { organizationId: 'x', reason: 'r' }, '2026-03-03', {
            targetRelation: 'descendant',
            actorRelation: 'other',
          }),
        ),
      ).toMatchObject({
        rule: 'ASSIGNMENT_ONLY_DOWNWARD',
      });
      const c = open().send('case.assigned', { organizationId: 'community', reason: '就地化解' }, '2026-03-03', {
        targetRelation: 'descendant',
        actorRelation: 'ancestor',
      });
      expect(c.context.organizationId).toBe('community');
    });

    it('transfers sideways to the competent department (吹哨报到), never to the handling body itself', () => {
      expect(
        refusal(
          open().attempt('case.transferred', { organizationId: 'x', reason: 'r' }, '2026-03-03', {
            targetRelation: 'self',
          }),
        ),
      ).toMatchObject({
        rule: 'TRANSFER_TO_ANOTHER_BODY',
      });
      const c = open().send('case.transferred', { organizationId: 'labour-bureau', reason: '劳动争议' }, '2026-03-03', {
        targetRelation: 'other',
      });
      expect(c.context.organizationId).toBe('labour-bureau');
      expect(c.effects).toContainEqual(expect.objectContaining({ type: 'notice.sent', notice: 'caseTransferred' }));
    });
  });

  describe('supervision (督办, PC-Reg Art. 40)', () => {
    it('opens a supervision target on its due date and closes it when answered', () => {
      const c = open().send('case.supervised', { instructions: '五日内化解', dueOn: '2026-03-09' }, '2026-03-03', {
        actorRelation: 'ancestor',
      });
      expect(c.deadline('supervision')).toMatchObject({ sort: 'target', dueOn: '2026-03-09' });
      expect(c.context.supervision).toMatchObject({ instructions: '五日内化解', supervisedOn: '2026-03-03' });
      c.send('supervision.answered', { note: '已化解' }, '2026-03-05');
      expect(c.deadline('supervision')).toBeUndefined();
      expect(c.context.supervision).toBeNull();
    });

    it('refuses supervision from an organisation that is not above the handling one (PC-Reg Art. 40)', () => {
      const error = refusal(
        open().attempt('case.supervised', { instructions: 'x', dueOn: '2026-03-09' }, '2026-03-03', {
          actorRelation: 'self',
        }),
      );
      expect(error).toMatchObject({
        rule: 'SUPERVISION_ONLY_FROM_ABOVE',
        basis: 'PC-Reg Art. 40; flows.md "Three-level centres" (督办)',
      });
    });

    it('refuses a supervision due date that is not after today (PC-Reg Art. 40)', () => {
      const error = refusal(
        open().attempt('case.supervised', { instructions: 'x', dueOn: '2026-03-03' }, '2026-03-03', {
          actorRelation: 'ancestor',
        }),
      );
      expect(error).toMatchObject({ rule: 'SUPERVISION_DUE_IN_FUTURE', basis: 'PC-Reg Art. 40' });
    });

    it('refuses an answer when no supervision is open (PC-Reg Art. 40)', () => {
      expect(refusal(open().attempt('supervision.answered', { note: 'x' }))).toMatchObject({
        rule: 'NO_SUPERVISION_PENDING',
        basis: 'PC-Reg Art. 40',
      });
    });
  });
});
