import { describeCase, EventNotAllowedError, RuleViolatedError } from '../src/index.js';
import { aParty, anIntake, CaseDriver, ID_NUMBERS, refusal } from './support/factories.js';

const RECEIVED = '2026-03-02';
const open = (overrides: Record<string, unknown> = {}) =>
  CaseDriver.open('people-mediation', anIntake(overrides), RECEIVED);
const accepted = (overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) =>
  open(overrides).send('application.accepted', payload, RECEIVED);
const mediating = (overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) =>
  accepted(overrides, payload).send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03');

const writtenAgreement = (overrides: Record<string, unknown> = {}) => ({
  form: 'written',
  effectiveOn: '2026-03-10',
  terms: [{ obligorPartyId: 'p2', description: '修复排水管道', amount: '3000.00', dueOn: '2026-04-30' }],
  signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
  ...overrides,
});

describe('peopleMediation', () => {
  describe('opening', () => {
    it('opens in pendingAcceptance with status open and parties numbered p1, p2', () => {
      const c = open();
      expect(c.state).toBe('pendingAcceptance');
      expect(c.context.parties.map((p) => p.id)).toEqual(['p1', 'p2']);
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'open', final: false, acceptedOn: null });
    });
  });

  describe('when pendingAcceptance', () => {
    it('moves to awaitingMediator on application.accepted, starting a 1-month period (MoJ-2002 Art. 33)', () => {
      const c = accepted();
      expect(c.state).toBe('awaitingMediator');
      expect(c.deadline('mediationPeriod')).toMatchObject({
        sort: 'limit',
        dueOn: '2026-04-02',
        basis: 'MoJ-2002 Art. 33',
        status: 'running',
        remindOn: '2026-03-30',
      });
      expect(c.documents()).toEqual(['acceptanceNotice']);
      expect(c.effects).toContainEqual({ type: 'deadline.set', deadline: c.deadline('mediationPeriod') });
      expect(describeCase(c.snapshot).acceptedOn).toBe(RECEIVED);
    });

    it('uses the organisation’s configured period, not one month, citing the local rule (SZ-DR Art. 25, cfg)', () => {
      const policy = { mediationPeriod: { length: 30, unit: 'day' as const, basis: 'SZ-DR Art. 25' } };
      const c = CaseDriver.open('people-mediation', anIntake(), RECEIVED, { policy });
      c.send('application.accepted', {}, RECEIVED);
      expect(c.deadline('mediationPeriod')).toMatchObject({ dueOn: '2026-04-01', basis: 'SZ-DR Art. 25' });
    });

    it('cites local policy, not MoJ-2002 Art. 33, for a configured period that names no rule (cfg)', () => {
      const c = CaseDriver.open('people-mediation', anIntake(), RECEIVED, {
        policy: { mediationPeriod: { length: 30, unit: 'day' } },
      });
      c.send('application.accepted', {}, RECEIVED);
      expect(c.deadline('mediationPeriod')).toMatchObject({ dueOn: '2026-04-01', basis: 'local policy (cfg)' });
      expect(open().send('application.accepted', {}, RECEIVED).deadline('mediationPeriod')).toMatchObject({
        basis: 'MoJ-2002 Art. 33',
      });
    });

    it('refuses an acceptance dated before receipt: it shortens the period (MoJ-2002 Art. 33; MDR Art. 38)', () => {
      const c = open();
      const error = refusal(c.attempt('application.accepted', { acceptedOn: '2025-03-02' }, '2026-03-03'));
      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'ACCEPTANCE_BEFORE_RECEIPT',
        basis: 'MoJ-2002 Art. 33; MDR Art. 38',
      });
      expect(c.state).toBe('pendingAcceptance');
      expect(
        c.send('application.accepted', { acceptedOn: RECEIVED }, '2026-03-03').deadline('mediationPeriod')?.dueOn,
      ).toBe('2026-04-02');
    });

    it('moves to notAccepted on application.rejected with the reason (PML Art. 25; MoJ-2002 Art. 22)', () => {
      const c = open().send('application.rejected', { reason: 'criminalOrPublicOrder' });
      expect(c.state).toBe('notAccepted');
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'notAccepted', final: true, deadlines: [] });
      expect(c.context.outcome).toEqual({ reason: 'criminalOrPublicOrder' });
    });

    it('does not accept a case one party clearly refuses (PML Art. 17)', () => {
      const c = open().send('party.refused', { partyId: 'p2' });
      expect(c.state).toBe('notAccepted');
      expect(c.context.outcome).toEqual({ reason: 'partyRefuses' });
    });

    it('refuses a mediator before acceptance with 409 and the allowed events', () => {
      const error = refusal(open().attempt('mediator.assigned', { mediatorId: 'm', chosenBy: 'committee' }));
      expect(error).toBeInstanceOf(EventNotAllowedError);
      expect(error.allowedEvents).toEqual(
        expect.arrayContaining([
          'application.accepted',
          'application.rejected',
          'party.refused',
          'case.withdrawn',
          'case.escalated',
        ]),
      );
      expect(error.allowedEvents).not.toContain('mediator.assigned');
    });
  });

  describe('medical disputes (MDR Arts. 31, 38, 39)', () => {
    it('counts 30 working days from acceptance for a medical dispute (MDR Art. 38)', () => {
      const c = accepted({ category: 'medical' }, { otherSideConsented: true });
      expect(c.deadline('mediationPeriod')).toMatchObject({
        sort: 'limit',
        unit: 'workingDay',
        dueOn: '2026-04-14',
        basis: 'MDR Art. 38',
      });
    });

    it('refuses a medical dispute without both sides’ application or consent (MDR Art. 31)', () => {
      const error = refusal(open({ category: 'medical' }).attempt('application.accepted', {}));
      expect(error).toBeInstanceOf(RuleViolatedError);
      expect(error).toMatchObject({ rule: 'MEDICAL_MEDIATION_NEEDS_BOTH_SIDES', basis: 'MDR Art. 31' });
    });

    it('refuses a medical dispute a court or the health department already accepted (MDR Art. 31)', () => {
      const c = open({ category: 'medical' });
      const error = refusal(
        c.attempt('application.accepted', { otherSideConsented: true }, RECEIVED, { acceptedElsewhere: true }),
      );
      expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE' });
    });

    it('pauses the period during appraisal and resumes it with the time left (MDR Art. 38)', () => {
      const c = mediating({ category: 'medical' }, { otherSideConsented: true });
      c.send('appraisal.started', {}, '2026-03-13');
      expect(c.deadline('mediationPeriod')).toMatchObject({
        status: 'paused',
        dueOn: null,
        remaining: { length: 21, unit: 'workingDay' },
      });
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'mediationPeriod' });
      c.send('appraisal.completed', {}, '2026-04-20');
      // 21 working days from Mon 20 Apr, across Labour Day (1–5 May) and the make-up Saturday 9 May.
      expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'running', dueOn: '2026-05-21' });
    });

    it('refuses an oral agreement in a medical dispute (MDR Art. 39)', () => {
      const c = mediating({ category: 'medical' }, { otherSideConsented: true });
      const error = refusal(
        c.attempt('agreement.signed', writtenAgreement({ form: 'oral', signatures: undefined }), '2026-03-10'),
      );
      expect(error).toMatchObject({
        rule: 'WRITTEN_AGREEMENT_REQUIRED',
        basis: 'MDR Art. 39 (medical); LDMAL Art. 14 (labour)',
      });
    });
  });

  describe('labour disputes (LDMAL Art. 14)', () => {
    it('sets a 15-day target from receipt, not a limit (LDMAL Art. 14)', () => {
      const c = accepted({ category: 'labour', receivedOn: '2026-02-27' }, { acceptedOn: RECEIVED });
      expect(c.deadline('mediationPeriod')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-16',
        basis: 'LDMAL Art. 14',
      });
    });

    it('keeps mediating and issues an arbitration notice when the 15 days pass (LDMAL Art. 14)', () => {
      const c = mediating({ category: 'labour' });
      c.send('deadline.expired', { kind: 'mediationPeriod' }, '2026-03-18');
      expect(c.state).toBe('mediating');
      expect(c.deadline('mediationPeriod')).toMatchObject({ status: 'expired', expiredOn: '2026-03-18' });
      expect(c.documents()).toEqual(['arbitrationNotice']);
      expect(describeCase(c.snapshot).overdue).toBe(true);
    });
  });

  describe('when mediating', () => {
    it('records a session (PML Art. 27)', () => {
      const c = mediating().send('session.recorded', { heldOn: '2026-03-04', summary: '双方陈述' }, '2026-03-04');
      expect(c.context.records.sessions).toEqual([{ on: '2026-03-04', heldOn: '2026-03-04', summary: '双方陈述' }]);
      expect(c.documents()).toEqual(['mediationRecord']);
    });

    it('refuses a session dated in the future', () => {
      const error = refusal(
        mediating().attempt('session.recorded', { heldOn: '2026-03-09', summary: 'x' }, '2026-03-04'),
      );
      expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
    });

    it('makes a written agreement effective once all parties, mediator and committee seal signed (PML Art. 29)', () => {
      const c = mediating().send('agreement.signed', writtenAgreement(), '2026-03-10');
      expect(c.state).toBe('agreementEffective');
      expect(c.context.agreement).toMatchObject({
        form: 'written',
        effectiveOn: '2026-03-10',
        boundPartyIds: ['p1', 'p2'],
      });
      expect(c.deadline('mediationPeriod')).toBeUndefined();
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'mediationPeriod' });
      expect(describeCase(c.snapshot).status).toBe('resolved');
    });

    it('opens the 30-day judicial-confirmation window from the agreement’s effect (PML Art. 33; CPL Art. 205)', () => {
      const c = mediating().send('agreement.signed', writtenAgreement(), '2026-03-10');
      expect(c.deadline('confirmationWindow')).toMatchObject({
        sort: 'window',
        dueOn: '2026-04-09',
        basis: 'PML Art. 33; CPL Art. 205',
      });
      expect(c.deadline('performanceDue')).toMatchObject({ sort: 'target', dueOn: '2026-04-30' });
    });

    it.each([
      ['a bound party', { partyIds: ['p1'], mediator: true, committeeSeal: true }],
      ['the mediator', { partyIds: ['p1', 'p2'], mediator: false, committeeSeal: true }],
      ['the committee seal', { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: false }],
    ])('refuses a written agreement without %s (PML Art. 29)', (_missing, signatures) => {
      const c = mediating();
      const error = refusal(c.attempt('agreement.signed', writtenAgreement({ signatures }), '2026-03-10'));
      expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'WRITTEN_AGREEMENT_UNSIGNED', basis: 'PML Art. 29' });
      expect(c.state).toBe('mediating');
    });

    it('makes an oral agreement effective the day it is reached, without signatures (PML Art. 30)', () => {
      const c = mediating().send(
        'agreement.signed',
        { form: 'oral', terms: [{ obligorPartyId: 'p2', description: '道歉' }] },
        '2026-03-11',
      );
      expect(c.context.agreement).toMatchObject({ form: 'oral', effectiveOn: '2026-03-11' });
    });

    it('refuses an agreement effective before acceptance: it shortens the confirmation window (PML Art. 33)', () => {
      const c = mediating();
      const error = refusal(
        c.attempt('agreement.signed', writtenAgreement({ effectiveOn: '2026-02-10' }), '2026-03-10'),
      );
      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'AGREEMENT_BEFORE_ACCEPTANCE',
        basis: 'PML Arts. 28, 33',
      });
      expect(c.state).toBe('mediating');
      c.send('agreement.signed', writtenAgreement({ effectiveOn: RECEIVED }), '2026-03-10');
      expect(c.deadline('confirmationWindow')?.dueOn).toBe('2026-04-01');
    });

    it('refuses an agreement that binds someone who is not a party', () => {
      const error = refusal(
        mediating().attempt('agreement.signed', writtenAgreement({ boundPartyIds: ['p1', 'p9'] }), '2026-03-10'),
      );
      expect(error).toMatchObject({ rule: 'UNKNOWN_PARTY', basis: 'flows.md "Intake"' });
    });

    it('terminates with a notice naming arbitration, administrative and litigation routes (PML Art. 26)', () => {
      const c = mediating().send('mediation.terminated', { reason: 'noAgreement' }, '2026-03-20');
      expect(c.state).toBe('terminated');
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'terminationNotice',
        details: { reason: 'noAgreement', remainingRoutes: ['arbitration', 'administrative', 'litigation'] },
      });
      expect(describeCase(c.snapshot)).toMatchObject({ status: 'unresolved', final: true, deadlines: [] });
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'unresolved', outcome: 'failed' });
    });

    it('reports a dispute that may turn criminal when terminating for risk (PML Art. 25)', () => {
      const c = mediating().send('mediation.terminated', { reason: 'riskReported' }, '2026-03-20');
      expect(c.effects).toContainEqual(expect.objectContaining({ type: 'notice.sent', notice: 'riskReported' }));
    });

    it('terminates when a party refuses to continue (PML Art. 23)', () => {
      const c = mediating().send('party.refused', { partyId: 'p2' }, '2026-03-05');
      expect(c.state).toBe('terminated');
      expect(c.context.outcome).toEqual({ reason: 'partyRefused' });
    });

    it('goes back to awaitingMediator when the mediator recuses', () => {
      const c = mediating().send('mediator.recused', { reason: '亲属关系' }, '2026-03-04');
      expect(c.state).toBe('awaitingMediator');
      expect(c.context.records.mediatorId).toBeUndefined();
    });

    it('terminates the case when the mediation period expires (limit; MoJ-2002 Art. 33)', () => {
      const c = mediating().send('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-03');
      expect(c.state).toBe('terminated');
      expect(c.context.outcome).toEqual({ reason: 'expired' });
      expect(c.documents()).toEqual(['terminationNotice']);
    });

    it('refuses an expiry before the period’s last day is over (CPL Art. 85)', () => {
      const error = refusal(mediating().attempt('deadline.expired', { kind: 'mediationPeriod' }, '2026-04-02'));
      expect(error).toMatchObject({ rule: 'DEADLINE_NOT_DUE', basis: 'CPL Art. 85; CC Art. 203' });
    });

    it('refuses an expiry of a deadline the case does not have', () => {
      const error = refusal(mediating().attempt('deadline.expired', { kind: 'confirmationWindow' }, '2026-06-01'));
      expect(error).toMatchObject({ rule: 'DEADLINE_NOT_RUNNING', basis: 'flows.md "Deadlines"' });
    });

    it('extends the period with every party’s consent (PML Art. 23)', () => {
      const c = mediating().send(
        'period.extended',
        { length: 15, unit: 'day', consentingPartyIds: ['p1', 'p2'] },
        '2026-03-25',
      );
      expect(c.deadline('mediationPeriod')).toMatchObject({ dueOn: '2026-04-17', extensions: 1 });
    });

    it('refuses an extension one party did not consent to (PML Art. 23)', () => {
      const error = refusal(
        mediating().attempt('period.extended', { length: 15, unit: 'day', consentingPartyIds: ['p1'] }),
      );
      expect(error).toMatchObject({
        rule: 'ALL_PARTIES_MUST_CONSENT',
        basis: 'PML Art. 23; MDR Art. 38; SPC-Online Art. 24',
      });
    });

    it('lets only an applicant withdraw', () => {
      expect(refusal(mediating().attempt('case.withdrawn', { partyId: 'p2' }))).toMatchObject({
        rule: 'WITHDRAWAL_BY_APPLICANT',
      });
      expect(mediating().send('case.withdrawn', { partyId: 'p1' }).state).toBe('withdrawn');
    });
  });

  describe('after the agreement', () => {
    const agreed = () => mediating().send('agreement.signed', writtenAgreement(), '2026-03-10');

    it('offers judicial confirmation after a default while the window is open (PML Art. 33)', () => {
      const c = agreed().send('performance.defaulted', { partyId: 'p2' }, '2026-03-20');
      expect(c.state).toBe('nonPerformance');
      expect(c.effects).toContainEqual(
        expect.objectContaining({
          notice: 'nonPerformanceRoutes',
          details: { defaultingPartyId: 'p2', routes: ['judicialConfirmation', 'paymentOrder', 'litigation'] },
        }),
      );
      expect(describeCase(c.snapshot).status).toBe('resolved');
    });

    it('no longer offers judicial confirmation once the 30-day window has lapsed (PML Art. 33)', () => {
      const c = agreed().send('deadline.expired', { kind: 'confirmationWindow' }, '2026-04-10');
      expect(c.state).toBe('agreementEffective');
      expect(c.deadline('confirmationWindow')).toMatchObject({ status: 'expired' });
      expect(c.effects).toContainEqual({
        type: 'deadline.overdue',
        kind: 'confirmationWindow',
        sort: 'window',
        dueOn: '2026-04-09',
      });
      c.send('performance.defaulted', { partyId: 'p2' }, '2026-05-02');
      expect(c.effects).toContainEqual(
        expect.objectContaining({ details: { defaultingPartyId: 'p2', routes: ['paymentOrder', 'litigation'] } }),
      );
    });

    it('records follow-up visits (PML Art. 31)', () => {
      const c = agreed().send('followUp.recorded', { note: '已部分履行' }, '2026-03-25');
      expect(c.context.records.followUps).toEqual([{ on: '2026-03-25', note: '已部分履行' }]);
    });

    it('ends as performed, with no deadline left', () => {
      const c = agreed().send('performance.confirmed', {}, '2026-04-30');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'performed',
        status: 'resolved',
        final: true,
        deadlines: [],
        allowedEvents: [],
      });
      expect(c.effects).toEqual(
        expect.arrayContaining([
          { type: 'deadline.cleared', kind: 'confirmationWindow' },
          { type: 'case.ended', status: 'resolved', outcome: 'agreed' },
        ]),
      );
    });

    it('closes after non-performance with the route enforcement took', () => {
      const c = agreed()
        .send('performance.defaulted', { partyId: 'p2' }, '2026-03-20')
        .send('case.closed', { route: 'judicialConfirmation' }, '2026-03-21');
      expect(c.state).toBe('closed');
      expect(c.context.outcome).toMatchObject({ route: 'judicialConfirmation' });
    });

    it('accepts no event after a final state', () => {
      const c = agreed().send('performance.confirmed', {}, '2026-04-30');
      const error = refusal(
        c.attempt('case.escalated', { toOrganizationId: 'org-district-1', reason: 'x' }, '2026-05-01', {
          targetRelation: 'ancestor',
        }),
      );
      expect(error).toMatchObject({ code: 'EVENT_NOT_ALLOWED', allowedEvents: [] });
    });
  });

  describe('payload validation', () => {
    it('names every bad field', () => {
      const error = refusal(
        mediating().attempt('agreement.signed', { form: 'scroll', terms: [{ obligorPartyId: 'p2' }], extra: 1 }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.problems!.map((p) => p.path).sort()).toEqual([
        'payload.extra',
        'payload.form',
        'payload.terms[0].description',
      ]);
    });

    it('refuses an unknown event type as invalid, naming the field', () => {
      const error = refusal(open().attempt('case.teleported'));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', problems: [expect.objectContaining({ path: 'type' })] });
    });

    it('refuses an intake with a wrong ID check digit', () => {
      const attempt = () =>
        CaseDriver.open(
          'people-mediation',
          anIntake({ parties: [aParty({ idNumber: ID_NUMBERS.zhang.replace('X', '1') })] }),
          RECEIVED,
        );
      expect(refusal(attempt)).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'parties[0].idNumber' })],
      });
    });

    it('refuses an intake without an applicant', () => {
      const attempt = () =>
        CaseDriver.open('people-mediation', anIntake({ parties: [aParty({ role: 'respondent' })] }), RECEIVED);
      expect(refusal(attempt)).toMatchObject({
        problems: [{ path: 'parties', message: 'must include at least one applicant' }],
      });
    });
  });
});
