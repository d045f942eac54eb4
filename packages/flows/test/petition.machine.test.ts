import {
  describeCase,
  EventNotAllowedError,
  getFlow,
  RuleViolatedError,
  startCase,
  type CaseContext,
} from '../src/index.js';
import { aParty, CaseDriver, refusal } from './support/factories.js';
import { ABOVE, aPetitionAt, aPetitionIntake } from './support/petition.factories.js';

const RECEIVED = '2026-03-02';
const open = (intake: Record<string, unknown> = {}, today = RECEIVED) =>
  CaseDriver.open('petition', aPetitionIntake(intake), today);
const BELOW = { targetRelation: 'descendant' } as const;
const SIDEWAYS = { targetRelation: 'other' } as const;
const extension = (days = 30) => ({ days, reason: '涉及多个部门，情况复杂', approvedBy: '王主任' });
const civilReferral = (overrides: Record<string, unknown> = {}) => ({
  committeeId: 'org-committee-1',
  disputeNature: 'civil',
  consentingPartyIds: ['p1', 'p2'],
  ...overrides,
});

describe('petition', () => {
  describe('opening', () => {
    it('opens in registered with a 15-day acceptance target from receipt (PC-Reg Arts. 22, 23)', () => {
      const c = open();
      expect(c.state).toBe('registered');
      expect(c.context.facts).toEqual({ petitionType: 'claim' });
      expect(c.deadline('acceptanceDecision')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-17',
        basis: 'PC-Reg Arts. 22, 23',
      });
      expect(c.effects).toEqual([{ type: 'deadline.set', deadline: c.deadline('acceptanceDecision') }]);
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'open', final: false, acceptedOn: null });
    });

    it('counts from receivedOn; a Spring Festival last day moves to a workday (PC-Reg Art. 23; CC Art. 203)', () => {
      // Sun 1 Feb + 15 days = Mon 16 Feb, inside the 15–23 Feb holiday.
      const c = open({ receivedOn: '2026-02-01' }, '2026-02-03');
      expect(c.deadline('acceptanceDecision')).toMatchObject({ endsOn: '2026-02-16', dueOn: '2026-02-24' });
    });

    it('warns when the linked petition was already concluded after re-review (PC-Reg Art. 36)', () => {
      const concluded = aPetitionAt('underRereview').send('rereview.decided', { result: 'notSupported' }, '2026-08-10');
      const c = CaseDriver.open('petition', aPetitionIntake({ receivedOn: '2026-09-01' }), '2026-09-01', {
        linkedCase: concluded.snapshot,
      });
      expect(c.context.warnings).toEqual([
        expect.objectContaining({ code: 'MATTER_ALREADY_REREVIEWED', basis: 'PC-Reg Art. 36' }),
      ]);
      expect(open().context.warnings).toEqual([]);
    });

    it('refuses an intake without a valid petitionType', () => {
      expect(refusal(() => open({ petitionType: 'complaint' }))).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'petitionType' })],
      });
      expect(refusal(() => open({ petitionType: undefined }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('when registered', () => {
    it('forwards to the competent body and restarts the 15 days from its receipt (PC-Reg Arts. 22, 23)', () => {
      const c = open().send(
        'petition.forwarded',
        { organizationId: 'org-dept-1', receivedOn: '2026-03-06' },
        '2026-03-06',
        SIDEWAYS,
      );
      expect(c.state).toBe('registered');
      expect(c.context.organizationId).toBe('org-dept-1');
      // Fri 6 Mar + 15 days = Sat 21 Mar → Mon 23 Mar.
      expect(c.deadline('acceptanceDecision')).toMatchObject({ startedOn: '2026-03-06', dueOn: '2026-03-23' });
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'forwardingDestination',
        to: 'parties',
        details: { organizationId: 'org-dept-1' },
      });
      expect(c.context.records.handOvers).toEqual([
        {
          how: 'forwarded',
          on: '2026-03-06',
          fromOrganizationId: 'org-street-1',
          toOrganizationId: 'org-dept-1',
          receivedOn: '2026-03-06',
        },
      ]);
    });

    it('opens 5 working days for the new body to object to a forwarded petition (PC-Reg Art. 23)', () => {
      const c = open().send('petition.forwarded', { organizationId: 'org-dept-1' }, '2026-03-06', SIDEWAYS);
      expect(c.deadline('objectionWindow')).toMatchObject({
        sort: 'window',
        unit: 'workingDay',
        dueOn: '2026-03-13',
        basis: 'PC-Reg Art. 23',
      });
    });

    it('refuses forwarding to the body holding the petition (PC-Reg Arts. 22, 23)', () => {
      const error = refusal(open().attempt('petition.forwarded', { organizationId: 'org-street-1' }, RECEIVED));
      expect(error).toBeInstanceOf(RuleViolatedError);
      expect(error).toMatchObject({ rule: 'FORWARDING_TO_ANOTHER_BODY', basis: 'PC-Reg Arts. 22, 23' });
    });

    it('refuses forwarding or assigning upward (PC-Reg Arts. 22, 23)', () => {
      expect(
        refusal(open().attempt('petition.forwarded', { organizationId: 'org-district-1' }, RECEIVED, ABOVE)),
      ).toMatchObject({
        rule: 'FORWARDING_NOT_UPWARD',
      });
      const assignUp = open().attempt(
        'petition.assigned',
        { organizationId: 'org-district-1', dueOn: '2026-04-30' },
        RECEIVED,
        ABOVE,
      );
      expect(refusal(assignUp)).toMatchObject({ rule: 'FORWARDING_NOT_UPWARD', basis: 'PC-Reg Arts. 22, 23' });
    });

    it('refuses a forwarding received on a day still to come', () => {
      const error = refusal(
        open().attempt('petition.forwarded', { organizationId: 'org-dept-1', receivedOn: '2026-03-09' }, '2026-03-06'),
      );
      expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
    });

    it('assigns (交办) with a due-date target, the objection window across Spring Festival (PC-Reg Arts. 22, 23)', () => {
      const c = open({ receivedOn: '2026-02-10' }, '2026-02-10').send(
        'petition.assigned',
        { organizationId: 'org-community-1', dueOn: '2026-03-31' },
        '2026-02-12',
        BELOW,
      );
      expect(c.state).toBe('registered');
      expect(c.context.organizationId).toBe('org-community-1');
      expect(c.deadline('assignmentDue')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-31',
        basis: 'PC-Reg Art. 22 (交办)',
      });
      // Working days after Thu 12 Feb: Fri 13, Sat 14 (make-up), then Tue 24, Wed 25, Thu 26 Feb.
      expect(c.deadline('objectionWindow')).toMatchObject({ dueOn: '2026-02-26' });
      // The assigned body's own 15 days run from its receipt.
      expect(c.deadline('acceptanceDecision')).toMatchObject({ startedOn: '2026-02-12', dueOn: '2026-02-27' });
      expect(c.effects).toContainEqual(
        expect.objectContaining({ type: 'notice.sent', notice: 'petitionAssigned', to: 'organization' }),
      );
    });

    it('refuses an assignment whose due date is not after today (PC-Reg Art. 22)', () => {
      const error = refusal(
        open().attempt('petition.assigned', { organizationId: 'org-community-1', dueOn: RECEIVED }, RECEIVED, BELOW),
      );
      expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'ASSIGNMENT_DUE_IN_FUTURE', basis: 'PC-Reg Art. 22' });
    });

    it('records an objection within 5 working days and tells the forwarding body (PC-Reg Art. 23)', () => {
      const c = open()
        .send('petition.forwarded', { organizationId: 'org-dept-1' }, '2026-03-06', SIDEWAYS)
        .send('assignment.objected', { reason: '不属于本单位职权范围' }, '2026-03-13');
      expect(c.state).toBe('registered');
      expect(c.context.records.objections).toEqual([{ on: '2026-03-13', reason: '不属于本单位职权范围' }]);
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'assignmentObjected',
        to: 'organization',
        details: { reason: '不属于本单位职权范围', toOrganizationId: 'org-street-1' },
      });
      expect(c.deadline('objectionWindow')).toBeUndefined();
      expect(refusal(c.attempt('assignment.objected', { reason: '再次异议' }, '2026-03-13'))).toMatchObject({
        rule: 'OBJECTION_OUT_OF_TIME',
        basis: 'PC-Reg Art. 23',
      });
    });

    it('refuses an objection after the 5 working days (PC-Reg Art. 23)', () => {
      const c = open().send(
        'petition.assigned',
        { organizationId: 'org-community-1', dueOn: '2026-04-30' },
        '2026-03-06',
        BELOW,
      );
      const error = refusal(c.attempt('assignment.objected', { reason: '不属于本单位职权范围' }, '2026-03-16'));
      expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'OBJECTION_OUT_OF_TIME', basis: 'PC-Reg Art. 23' });
    });

    it('refuses an objection to a petition nobody forwarded or assigned (PC-Reg Art. 23)', () => {
      expect(refusal(open().attempt('assignment.objected', { reason: 'x' }, RECEIVED))).toMatchObject({
        rule: 'OBJECTION_OUT_OF_TIME',
        basis: 'PC-Reg Art. 23',
      });
    });

    it('lets the objection window lapse without changing the state (PC-Reg Art. 23)', () => {
      const c = open()
        .send('petition.forwarded', { organizationId: 'org-dept-1' }, '2026-03-06', SIDEWAYS)
        .send('deadline.expired', { kind: 'objectionWindow' }, '2026-03-14');
      expect(c.state).toBe('registered');
      expect(c.deadline('objectionWindow')).toMatchObject({ status: 'expired', expiredOn: '2026-03-14' });
      expect(refusal(c.attempt('assignment.objected', { reason: 'x' }, '2026-03-14'))).toMatchObject({
        rule: 'OBJECTION_OUT_OF_TIME',
        basis: 'PC-Reg Art. 23',
      });
    });

    it('marks the case overdue when the 15 days pass, and stays registered (PC-Reg Arts. 22, 23)', () => {
      const c = open().send('deadline.expired', { kind: 'acceptanceDecision' }, '2026-03-18');
      expect(c.state).toBe('registered');
      expect(c.effects).toContainEqual({
        type: 'deadline.overdue',
        kind: 'acceptanceDecision',
        sort: 'target',
        dueOn: '2026-03-17',
      });
      expect(describeCase(c.snapshot).overdue).toBe(true);
    });

    it('refuses the acceptance deadline’s expiry before its last day is over (CPL Art. 85)', () => {
      expect(refusal(open().attempt('deadline.expired', { kind: 'acceptanceDecision' }, '2026-03-17'))).toMatchObject({
        rule: 'DEADLINE_NOT_DUE',
        basis: 'CPL Art. 85; CC Art. 203',
      });
    });

    it('accepts and starts the 60-day handling period, ending on a make-up Saturday (PC-Reg Art. 34)', () => {
      const c = open()
        .send('petition.forwarded', { organizationId: 'org-dept-1' }, '2026-03-06', SIDEWAYS)
        .send('petition.accepted', { acceptedOn: '2026-03-10' }, '2026-03-10');
      expect(c.state).toBe('handling');
      // Tue 10 Mar + 60 days = Sat 9 May, an official make-up working day.
      expect(c.deadline('handlingPeriod')).toMatchObject({
        sort: 'target',
        dueOn: '2026-05-09',
        basis: 'PC-Reg Art. 34',
      });
      expect(c.deadline('acceptanceDecision')).toBeUndefined();
      expect(c.deadline('objectionWindow')).toBeUndefined();
      expect(c.documents()).toEqual(['acceptanceNotice']);
      expect(describeCase(c.snapshot).acceptedOn).toBe('2026-03-10');
    });

    it('moves a handling period ending in the Dragon Boat holiday to the next working day (PC-Reg Art. 34)', () => {
      const c = open({ receivedOn: '2026-04-15' }, '2026-04-15').send('petition.accepted', {}, '2026-04-20');
      expect(c.context.acceptedOn).toBe('2026-04-20');
      expect(c.deadline('handlingPeriod')).toMatchObject({ endsOn: '2026-06-19', dueOn: '2026-06-22' });
    });

    it('refuses an acceptance dated in the future', () => {
      expect(refusal(open().attempt('petition.accepted', { acceptedOn: '2026-03-03' }, RECEIVED))).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
        basis: 'flows.md "Conventions"',
      });
    });

    it('does not accept, with a rejection notice giving the reason (PC-Reg Arts. 19, 23)', () => {
      const c = open().send('petition.rejected', { reason: 'pendingAtLowerBody' }, '2026-03-05');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'notAccepted',
        status: 'notAccepted',
        final: true,
        deadlines: [],
      });
      expect(c.context.outcome).toEqual({ reason: 'pendingAtLowerBody' });
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'rejectionNotice',
        details: { reason: 'pendingAtLowerBody' },
      });
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'acceptanceDecision' });
    });

    it('routes a matter for litigation out of the petition track (诉访分离, PC-Reg Arts. 28, 31)', () => {
      const c = open().send('petition.routedToLegalProcedure', { route: 'litigation' }, '2026-03-04');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'routedToLegalProcedure',
        status: 'referred',
        final: true,
      });
      expect(c.context.outcome).toEqual({ route: 'litigation' });
      expect(c.documents()).toEqual(['routesNotice']);
    });

    it('refuses an opinion before acceptance with 409 and the allowed events', () => {
      const error = refusal(open().attempt('opinion.issued', { result: 'supported' }, RECEIVED));
      expect(error).toBeInstanceOf(EventNotAllowedError);
      expect(error.allowedEvents).toEqual(
        expect.arrayContaining([
          'petition.forwarded',
          'petition.assigned',
          'assignment.objected',
          'petition.accepted',
          'petition.rejected',
          'petition.routedToLegalProcedure',
          'case.escalated',
        ]),
      );
      expect(error.allowedEvents).not.toContain('opinion.issued');
    });
  });

  describe('when handling', () => {
    const handling = (intake: Record<string, unknown> = {}) => aPetitionAt('handling', { intake });

    it('assigns down while handling without restarting the acceptance target (PC-Reg Arts. 22, 23)', () => {
      const c = handling().send(
        'petition.assigned',
        { organizationId: 'org-community-1', dueOn: '2026-04-10' },
        '2026-03-12',
        BELOW,
      );
      expect(c.state).toBe('handling');
      expect(c.context.organizationId).toBe('org-community-1');
      expect(c.deadline('acceptanceDecision')).toBeUndefined();
      expect(c.deadline('assignmentDue')).toMatchObject({ dueOn: '2026-04-10' });
      expect(c.deadline('objectionWindow')).toMatchObject({ dueOn: '2026-03-19' });
      expect(c.deadline('handlingPeriod')).toMatchObject({ dueOn: '2026-05-09' });
      c.send('assignment.objected', { reason: '应由区级部门办理' }, '2026-03-19');
      expect(c.context.records.objections).toHaveLength(1);
    });

    it('marks the case overdue when the assignment’s due date passes, and keeps handling (PC-Reg Art. 22)', () => {
      const c = handling()
        .send('petition.assigned', { organizationId: 'org-community-1', dueOn: '2026-04-10' }, '2026-03-12', BELOW)
        .send('deadline.expired', { kind: 'assignmentDue' }, '2026-04-11');
      expect(c.state).toBe('handling');
      expect(c.effects).toContainEqual({
        type: 'deadline.overdue',
        kind: 'assignmentDue',
        sort: 'target',
        dueOn: '2026-04-10',
      });
    });

    it('extends the handling period once by up to 30 days and tells the petitioner why (PC-Reg Art. 34)', () => {
      const c = handling().send('handling.extended', extension(30), '2026-05-06');
      // From the period's last day, Sat 9 May: + 30 days = Mon 8 Jun.
      expect(c.deadline('handlingPeriod')).toMatchObject({ dueOn: '2026-06-08', extensions: 1 });
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'handlingExtended',
        to: 'parties',
        details: { days: 30, reason: '涉及多个部门，情况复杂' },
      });
      expect(c.context.records.handlingExtension).toEqual({
        on: '2026-05-06',
        days: 30,
        reason: '涉及多个部门，情况复杂',
        approvedBy: '王主任',
      });
    });

    it('refuses an extension longer than 30 days (PC-Reg Art. 34)', () => {
      const error = refusal(handling().attempt('handling.extended', extension(31), '2026-05-06'));
      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'HANDLING_EXTENSION_TOO_LONG',
        basis: 'PC-Reg Art. 34',
      });
    });

    it('refuses a second extension (PC-Reg Art. 34)', () => {
      const c = handling().send('handling.extended', extension(10), '2026-05-06');
      expect(refusal(c.attempt('handling.extended', extension(10), '2026-05-15'))).toMatchObject({
        rule: 'HANDLING_ALREADY_EXTENDED',
        basis: 'PC-Reg Art. 34',
      });
    });

    it('refuses any second extension as HANDLING_ALREADY_EXTENDED, as courts do (PC-Reg Art. 34)', () => {
      const c = handling().send('handling.extended', extension(10), '2026-05-06');
      expect(refusal(c.attempt('handling.extended', extension(31), '2026-05-15'))).toMatchObject({
        rule: 'HANDLING_ALREADY_EXTENDED',
        basis: 'PC-Reg Art. 34',
      });
    });

    it('marks the case overdue when the 60 days pass and keeps handling (PC-Reg Art. 34)', () => {
      const c = handling().send('deadline.expired', { kind: 'handlingPeriod' }, '2026-05-10');
      expect(c.state).toBe('handling');
      expect(c.deadline('handlingPeriod')).toMatchObject({ status: 'expired' });
      c.send('handling.extended', extension(30), '2026-05-11');
      expect(c.deadline('handlingPeriod')).toMatchObject({ status: 'running', dueOn: '2026-06-08' });
    });

    it('refers a civil dispute to a mediation committee with both sides’ consent (PC-Reg Arts. 33, 37)', () => {
      const c = handling({ amount: '12000.00' }).send('mediation.referred', civilReferral(), '2026-03-20');
      expect(c.state).toBe('inMediation');
      const requested = c.effects.find((e) => e.type === 'linkedCase.requested');
      expect(requested).toEqual({
        type: 'linkedCase.requested',
        flowId: 'people-mediation',
        organizationId: 'org-committee-1',
        input: expect.objectContaining({
          category: 'neighbour',
          summary: c.context.summary,
          channel: 'petition',
          organizationId: 'org-committee-1',
          receivedOn: '2026-03-20',
          amount: '12000.00',
          parties: [
            expect.objectContaining({ role: 'applicant', name: '张三', linkedPartyId: 'p1' }),
            expect.objectContaining({ role: 'respondent', linkedPartyId: 'p2' }),
          ],
        }),
      });
      // The committee can open its case from that intake as it stands.
      const linked = startCase('people-mediation', (requested as { input: Record<string, unknown> }).input, {
        today: '2026-03-20',
      });
      expect(linked.snapshot.state).toBe('pendingAcceptance');
      expect(linked.snapshot.context.channel).toBe('petition');
    });

    it('refuses mediation of a petition that is not a request for resolution (PC-Reg Art. 33)', () => {
      const error = refusal(
        handling({ petitionType: 'suggestion' }).attempt('mediation.referred', civilReferral(), '2026-03-20'),
      );
      expect(error).toMatchObject({ rule: 'MEDIATION_ONLY_FOR_CLAIMS', basis: 'PC-Reg Art. 33' });
    });

    it('refuses people’s mediation of an administrative dispute (PC-Reg Arts. 33, 37)', () => {
      const error = refusal(
        handling().attempt('mediation.referred', civilReferral({ disputeNature: 'administrative' }), '2026-03-20'),
      );
      expect(error).toMatchObject({
        rule: 'MEDIATION_ONLY_FOR_CIVIL_DISPUTES',
        basis: 'PC-Reg Arts. 33, 37 (访调对接)',
      });
    });

    it('refuses mediation without the other side’s consent (PC-Reg Art. 33)', () => {
      const error = refusal(
        handling().attempt('mediation.referred', civilReferral({ consentingPartyIds: ['p1'] }), '2026-03-20'),
      );
      expect(error).toMatchObject({ rule: 'MEDIATION_NEEDS_BOTH_SIDES', basis: 'PC-Reg Art. 33' });
    });

    it('refuses mediation when the petition names no other side (PC-Reg Art. 33)', () => {
      const c = handling({ parties: [aParty()] });
      expect(
        refusal(c.attempt('mediation.referred', civilReferral({ consentingPartyIds: ['p1'] }), '2026-03-20')),
      ).toMatchObject({
        rule: 'MEDIATION_NEEDS_BOTH_SIDES',
      });
    });

    it('refuses a consent from someone who is not a party', () => {
      const error = refusal(
        handling().attempt(
          'mediation.referred',
          civilReferral({ consentingPartyIds: ['p1', 'p2', 'p7'] }),
          '2026-03-20',
        ),
      );
      expect(error).toMatchObject({ rule: 'UNKNOWN_PARTY', basis: 'flows.md "Intake"' });
    });

    it('issues the handling opinion and opens the 30-day review request period (PC-Reg Arts. 32, 35)', () => {
      const c = handling()
        .send('petition.assigned', { organizationId: 'org-community-1', dueOn: '2026-04-10' }, '2026-03-12', BELOW)
        .send('opinion.issued', { result: 'supported', servedOn: '2026-05-06' }, '2026-05-06');
      expect(c.state).toBe('opinionIssued');
      expect(c.deadline('reviewRequestPeriod')).toMatchObject({
        sort: 'limit',
        dueOn: '2026-06-05',
        basis: 'PC-Reg Art. 35',
      });
      expect(c.context.deadlines.map((d) => d.kind)).toEqual(['reviewRequestPeriod']);
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'handlingOpinion',
        details: { result: 'supported', basis: 'PC-Reg Art. 32' },
      });
      expect(c.context.records.handlingOpinion).toEqual({ result: 'supported', servedOn: '2026-05-06' });
    });

    it('refuses an opinion served on a day still to come', () => {
      expect(
        refusal(handling().attempt('opinion.issued', { result: 'supported', servedOn: '2026-05-07' }, '2026-05-06')),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });
  });

  describe('when inMediation', () => {
    const inMediation = () => aPetitionAt('handling').send('mediation.referred', civilReferral(), '2026-03-20');

    it('keeps the handling period running during mediation (PC-Reg Art. 34 has no pause)', () => {
      const c = inMediation();
      expect(c.deadline('handlingPeriod')).toMatchObject({ status: 'running', dueOn: '2026-05-09' });
      c.send('deadline.expired', { kind: 'handlingPeriod' }, '2026-05-10');
      expect(c.state).toBe('inMediation');
      expect(c.deadline('handlingPeriod')).toMatchObject({ status: 'expired' });
    });

    it('extends the handling period while mediating (PC-Reg Art. 34)', () => {
      const c = inMediation().send('handling.extended', extension(20), '2026-05-06');
      expect(c.deadline('handlingPeriod')).toMatchObject({ dueOn: '2026-05-29' });
    });

    it('closes as resolved when the mediation agreed (PC-Reg Art. 33)', () => {
      const c = inMediation().send('mediation.concluded', { outcome: 'agreed' }, '2026-04-02');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'closed',
        status: 'resolved',
        final: true,
        deadlines: [],
      });
      expect(c.context.outcome).toEqual({ reason: 'mediationAgreed', decidedBy: 'mediation', result: null });
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'resolved', outcome: 'agreed' });
      expect(c.context.records.mediations).toEqual([
        {
          referredOn: '2026-03-20',
          committeeId: 'org-committee-1',
          consentingPartyIds: ['p1', 'p2'],
          concludedOn: '2026-04-02',
          outcome: 'agreed',
        },
      ]);
    });

    it.each(['failed', 'withdrawn'])(
      'goes back to handling when the mediation ended %s (PC-Reg Art. 33)',
      (outcome) => {
        const c = inMediation().send('mediation.concluded', { outcome }, '2026-04-02');
        expect(c.state).toBe('handling');
        expect(c.deadline('handlingPeriod')).toMatchObject({ dueOn: '2026-05-09' });
        expect(c.send('opinion.issued', { result: 'explained' }, '2026-04-20').state).toBe('opinionIssued');
      },
    );

    it('refuses an opinion while the committee mediates, with 409', () => {
      const error = refusal(inMediation().attempt('opinion.issued', { result: 'supported' }, '2026-04-01'));
      expect(error).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
      expect(error.allowedEvents).toEqual(expect.arrayContaining(['handling.extended', 'mediation.concluded']));
    });
  });

  describe('when opinionIssued', () => {
    it('moves to underReview at the body one level up, with a 30-day decision target (PC-Reg Art. 35)', () => {
      const c = aPetitionAt('underReview');
      expect(c.state).toBe('underReview');
      expect(c.context.organizationId).toBe('org-district-1');
      expect(c.deadline('reviewRequestPeriod')).toBeUndefined();
      expect(c.deadline('reviewDecision')).toMatchObject({
        sort: 'target',
        startedOn: '2026-06-01',
        dueOn: '2026-07-01',
        basis: 'PC-Reg Art. 35',
      });
    });

    it('refuses a review requested from a body that is not above the original one (PC-Reg Art. 35)', () => {
      const c = aPetitionAt('opinionIssued');
      const error = refusal(
        c.attempt('review.requested', { reviewOrganizationId: 'org-street-2' }, '2026-05-20', SIDEWAYS),
      );
      expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'REVIEW_BY_HIGHER_BODY', basis: 'PC-Reg Art. 35' });
    });

    it('refuses a review requested after the 30 days, even before the engine closed the case (PC-Reg Art. 35)', () => {
      const c = aPetitionAt('opinionIssued');
      const error = refusal(
        c.attempt('review.requested', { reviewOrganizationId: 'org-district-1' }, '2026-06-06', ABOVE),
      );
      expect(error).toMatchObject({ rule: 'REVIEW_REQUEST_OUT_OF_TIME', basis: 'PC-Reg Art. 35' });
      expect(c.send('review.requested', { reviewOrganizationId: 'org-district-1' }, '2026-06-05', ABOVE).state).toBe(
        'underReview',
      );
    });

    it('refuses a review of a reply to a suggestion (PC-Reg Arts. 31, 35)', () => {
      const c = aPetitionAt('opinionIssued', { intake: { petitionType: 'suggestion' } });
      const error = refusal(
        c.attempt('review.requested', { reviewOrganizationId: 'org-district-1' }, '2026-05-20', ABOVE),
      );
      expect(error).toMatchObject({ rule: 'REVIEW_ONLY_FOR_CLAIMS', basis: 'PC-Reg Arts. 31, 35' });
    });

    it.each([
      ['supported', 'resolved'],
      ['explained', 'unresolved'],
      ['notSupported', 'unresolved'],
    ])(
      'closes when no review is requested within 30 days; an opinion %s counts as %s (PC-Reg Art. 35)',
      (result, status) => {
        const c = aPetitionAt('opinionIssued', { opinionResult: result }).send(
          'deadline.expired',
          { kind: 'reviewRequestPeriod' },
          '2026-06-06',
        );
        expect(describeCase(c.snapshot)).toMatchObject({ state: 'closed', status, final: true, deadlines: [] });
        expect(c.context.outcome).toEqual({ reason: 'reviewNotRequested', decidedBy: 'handlingOpinion', result });
      },
    );

    it('refuses the review period’s expiry before its last day is over (CPL Art. 85)', () => {
      const error = refusal(
        aPetitionAt('opinionIssued').attempt('deadline.expired', { kind: 'reviewRequestPeriod' }, '2026-06-05'),
      );
      expect(error).toMatchObject({ rule: 'DEADLINE_NOT_DUE', basis: 'CPL Art. 85; CC Art. 203' });
    });
  });

  describe('when underReview', () => {
    it('records the review opinion and opens the 30-day re-review request period (PC-Reg Art. 36)', () => {
      const c = aPetitionAt('reviewDecided');
      expect(c.state).toBe('reviewDecided');
      // Thu 25 Jun + 30 days = Sat 25 Jul → Mon 27 Jul.
      expect(c.deadline('rereviewRequestPeriod')).toMatchObject({
        sort: 'limit',
        endsOn: '2026-07-25',
        dueOn: '2026-07-27',
        basis: 'PC-Reg Art. 36',
      });
      expect(c.deadline('reviewDecision')).toBeUndefined();
      expect(c.documents()).toEqual(['reviewOpinion']);
    });

    it('marks the review overdue after 30 days and stays (PC-Reg Art. 35)', () => {
      const c = aPetitionAt('underReview').send('deadline.expired', { kind: 'reviewDecision' }, '2026-07-02');
      expect(c.state).toBe('underReview');
      expect(describeCase(c.snapshot).overdue).toBe(true);
    });
  });

  describe('when reviewDecided', () => {
    it('moves to underRereview one level above the reviewer, with a 30-day decision target (PC-Reg Art. 36)', () => {
      const c = aPetitionAt('underRereview');
      expect(c.context.organizationId).toBe('org-city-1');
      expect(c.deadline('rereviewDecision')).toMatchObject({
        sort: 'target',
        dueOn: '2026-08-19',
        basis: 'PC-Reg Art. 36',
      });
    });

    it('refuses a re-review requested from a body below the reviewer (PC-Reg Art. 36)', () => {
      const c = aPetitionAt('reviewDecided');
      const error = refusal(
        c.attempt('rereview.requested', { rereviewOrganizationId: 'org-street-1' }, '2026-07-01', BELOW),
      );
      expect(error).toMatchObject({ rule: 'REREVIEW_BY_HIGHER_BODY', basis: 'PC-Reg Art. 36' });
    });

    it('refuses a re-review requested after the 30 days (PC-Reg Art. 36)', () => {
      const c = aPetitionAt('reviewDecided');
      const late = { rereviewOrganizationId: 'org-city-1', requestedOn: '2026-07-28' };
      expect(refusal(c.attempt('rereview.requested', late, '2026-07-28', ABOVE))).toMatchObject({
        rule: 'REREVIEW_REQUEST_OUT_OF_TIME',
        basis: 'PC-Reg Art. 36',
      });
    });

    it('closes on the review opinion when no re-review is requested within 30 days (PC-Reg Art. 36)', () => {
      const c = aPetitionAt('reviewDecided', { opinionResult: 'notSupported', reviewResult: 'supported' });
      c.send('deadline.expired', { kind: 'rereviewRequestPeriod' }, '2026-07-28');
      expect(describeCase(c.snapshot)).toMatchObject({ state: 'closed', status: 'resolved' });
      expect(c.context.outcome).toEqual({
        reason: 'rereviewNotRequested',
        decidedBy: 'reviewOpinion',
        result: 'supported',
      });
    });
  });

  describe('when underRereview', () => {
    const hearingDays = { reviewServedOn: '2026-08-10', rereviewRequestedOn: '2026-08-20' };

    it('pauses the re-review period during a hearing and resumes it across National Day (PC-Reg Art. 36)', () => {
      const c = aPetitionAt('underRereview', { days: hearingDays });
      // Thu 20 Aug + 30 days = Sat 19 Sep; Sun 20 Sep is a make-up working day.
      expect(c.deadline('rereviewDecision')).toMatchObject({ endsOn: '2026-09-19', dueOn: '2026-09-20' });
      c.send('hearing.started', {}, '2026-09-01');
      expect(c.state).toBe('inHearing');
      expect(c.deadline('rereviewDecision')).toMatchObject({
        status: 'paused',
        dueOn: null,
        remaining: { length: 18, unit: 'day' },
      });
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'rereviewDecision' });
      c.send('hearing.ended', {}, '2026-09-15');
      expect(c.state).toBe('underRereview');
      // 18 days left from Tue 15 Sep = Sat 3 Oct, inside National Day (1–7 Oct) → Thu 8 Oct.
      expect(c.deadline('rereviewDecision')).toMatchObject({
        status: 'running',
        endsOn: '2026-10-03',
        dueOn: '2026-10-08',
      });
      expect(c.context.records.hearings).toEqual([{ startedOn: '2026-09-01', endedOn: '2026-09-15' }]);
    });

    it('refuses a re-review decision during the hearing, with 409 naming hearing.ended', () => {
      const c = aPetitionAt('underRereview').send('hearing.started', {}, '2026-07-25');
      const error = refusal(c.attempt('rereview.decided', { result: 'supported' }, '2026-07-30'));
      expect(error).toBeInstanceOf(EventNotAllowedError);
      expect(error.allowedEvents).toContain('hearing.ended');
      expect(error.allowedEvents).not.toContain('hearing.started');
    });

    it('concludes with the re-review opinion; the same request is not accepted again (PC-Reg Art. 36)', () => {
      const c = aPetitionAt('underRereview').send(
        'rereview.decided',
        { result: 'notSupported', servedOn: '2026-08-10' },
        '2026-08-10',
      );
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'concluded',
        status: 'unresolved',
        final: true,
        deadlines: [],
        allowedEvents: [],
      });
      expect(c.context.records.noFurtherAcceptance).toEqual({
        sameFactsAndReasons: true,
        since: '2026-08-10',
        basis: 'PC-Reg Art. 36',
      });
      expect(c.context.outcome).toEqual({
        reason: 'rereviewDecided',
        decidedBy: 'rereviewOpinion',
        result: 'notSupported',
      });
      expect(c.effects).toEqual(
        expect.arrayContaining([
          {
            type: 'document.issued',
            document: 'rereviewOpinion',
            details: { result: 'notSupported', basis: 'PC-Reg Art. 36' },
          },
          { type: 'deadline.cleared', kind: 'rereviewDecision' },
          { type: 'case.ended', status: 'unresolved', outcome: 'failed' },
        ]),
      );
    });

    it('counts a re-review that supports the request as resolved (PC-Reg Arts. 32, 36)', () => {
      const c = aPetitionAt('underRereview').send('rereview.decided', { result: 'supported' }, '2026-08-10');
      expect(describeCase(c.snapshot).status).toBe('resolved');
    });

    it('accepts no event once concluded', () => {
      const c = aPetitionAt('underRereview').send('rereview.decided', { result: 'supported' }, '2026-08-10');
      const error = refusal(c.attempt('review.requested', { reviewOrganizationId: 'org-city-1' }, '2026-08-11', ABOVE));
      expect(error).toMatchObject({ code: 'EVENT_NOT_ALLOWED', allowedEvents: [] });
    });
  });

  describe('centre events', () => {
    it('escalates without changing the state', () => {
      const c = aPetitionAt('handling').send(
        'case.escalated',
        { toOrganizationId: 'org-district-1', reason: '疑难' },
        '2026-03-11',
        ABOVE,
      );
      expect(c.state).toBe('handling');
      expect(c.context.organizationId).toBe('org-district-1');
    });
  });

  describe('status', () => {
    it('counts closed and concluded as unresolved unless an opinion supported the request or mediation agreed', () => {
      const { statusOf } = getFlow('petition');
      expect(statusOf!('closed', {} as CaseContext)).toBe('unresolved');
      expect(statusOf!('concluded', {} as CaseContext)).toBe('unresolved');
      expect(statusOf!('handling', {} as CaseContext)).toBeUndefined();
    });
  });

  describe('payload validation', () => {
    it('names every bad field of an extension', () => {
      const error = refusal(
        aPetitionAt('handling').attempt('handling.extended', { days: 0, reason: '' }, '2026-03-20'),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.problems!.map((p) => p.path).sort()).toEqual([
        'payload.approvedBy',
        'payload.days',
        'payload.reason',
      ]);
    });

    it('refuses a mediation outcome outside agreed, failed, withdrawn', () => {
      const c = aPetitionAt('handling').send('mediation.referred', civilReferral(), '2026-03-20');
      expect(refusal(c.attempt('mediation.concluded', { outcome: 'settled' }, '2026-04-01'))).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'payload.outcome' })],
      });
    });

    it('refuses an unknown legal route', () => {
      expect(refusal(open().attempt('petition.routedToLegalProcedure', { route: 'tv' }, RECEIVED))).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });
  });
});
