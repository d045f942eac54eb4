import { describeCase, EventNotAllowedError, getFlow, startCase } from '../src/index.js';
import { aParty, anIntake, CaseDriver, refusal } from './support/factories.js';

const OPENED = '2026-03-02';
const open = (overrides: Record<string, unknown> = {}) =>
  CaseDriver.open('court-referral', anIntake({ linkedCaseId: 'case-pm-9', amount: '8000.00', ...overrides }), OPENED);
const submitted = (submittedOn = OPENED) =>
  open().send('referral.submitted', { courtId: 'court-basic-1', submittedOn }, submittedOn);
const awaitingMaterials = () =>
  submitted().send('materials.requested', { items: ['被告住所证明'], dueOn: '2026-03-13' }, '2026-03-05');
const delegated = () =>
  submitted().send(
    'mediation.delegated',
    { organizationId: 'org-street-1', courtReference: '(2026)京0105民诉前调1号' },
    '2026-03-04',
  );

describe('courtReferral', () => {
  describe('opening', () => {
    it('opens in preparing, counted as accepted from its receipt since it has no acceptance step', () => {
      const c = open({ receivedOn: '2026-02-27' });
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'preparing',
        status: 'open',
        final: false,
        acceptedOn: '2026-02-27',
        deadlines: [],
      });
    });

    it('refuses a referral without a respondent to sue (CPL Art. 122)', () => {
      const attempt = () => open({ parties: [aParty()] });
      expect(refusal(attempt)).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'DEFENDANT_REQUIRED',
        basis: 'CPL Art. 122',
      });
    });
  });

  describe('when preparing', () => {
    it('moves to submitted on referral.submitted with a 7-day registration target (CPL Art. 126)', () => {
      const c = submitted();
      expect(c.state).toBe('submitted');
      expect(c.deadline('registrationDecision')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-09',
        basis: 'CPL Art. 126',
      });
      expect(c.context.records).toMatchObject({ courtId: 'court-basic-1', submittedOn: OPENED });
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'referralSubmitted',
        to: 'court',
        details: { courtId: 'court-basic-1' },
      });
    });

    it('moves the registration target off the Qingming holiday (CPL Arts. 85, 126)', () => {
      // Mon 30 Mar + 7 days = Mon 6 Apr, the last Qingming holiday → Tue 7 Apr.
      const c = open().send(
        'referral.submitted',
        { courtId: 'court-basic-1', submittedOn: '2026-03-30' },
        '2026-03-31',
      );
      expect(c.deadline('registrationDecision')?.dueOn).toBe('2026-04-07');
    });

    it('refuses a submission dated after today', () => {
      const error = refusal(
        open().attempt('referral.submitted', { courtId: 'court-basic-1', submittedOn: '2026-03-03' }, OPENED),
      );
      expect(error).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
    });

    it('moves to withdrawn on referral.withdrawn', () => {
      const c = open().send('referral.withdrawn', { reason: '当事人不再起诉' });
      expect(describeCase(c.snapshot)).toMatchObject({ state: 'withdrawn', status: 'withdrawn', final: true });
      expect(c.context.outcome).toEqual({ reason: 'withdrawnByClaimant' });
    });

    it('refuses a registration before submission with 409 and the allowed events', () => {
      const error = refusal(open().attempt('filing.registered', { courtCaseNo: '(2026)京0105民初1号' }));
      expect(error).toBeInstanceOf(EventNotAllowedError);
      expect(error.allowedEvents).toEqual(
        expect.arrayContaining(['referral.submitted', 'referral.withdrawn', 'case.escalated']),
      );
      expect(error.allowedEvents).not.toContain('filing.registered');
    });
  });

  describe('when submitted', () => {
    it('moves to registered on filing.registered with the court’s case number (CPL Art. 126)', () => {
      const c = submitted().send(
        'filing.registered',
        { courtCaseNo: '(2026)京0105民初88号', registeredOn: '2026-03-06' },
        '2026-03-06',
      );
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'registered',
        status: 'referred',
        final: true,
        deadlines: [],
      });
      expect(c.context.records).toMatchObject({ courtCaseNo: '(2026)京0105民初88号', registeredOn: '2026-03-06' });
      expect(c.documents()).toEqual(['filingReceipt']);
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'registrationDecision' });
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'referred', outcome: 'failed' });
    });

    it('refuses a registration dated after today', () => {
      expect(
        refusal(
          submitted().attempt('filing.registered', { courtCaseNo: 'X', registeredOn: '2026-03-07' }, '2026-03-06'),
        ),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });

    it('moves to notRegistered on filing.rejected, with an appealable ruling (CPL Arts. 126, 127)', () => {
      const c = submitted().send(
        'filing.rejected',
        { reason: 'arbitrationAgreement', rulingNo: '(2026)京0105民初89号' },
        '2026-03-06',
      );
      expect(describeCase(c.snapshot)).toMatchObject({ state: 'notRegistered', status: 'unresolved', final: true });
      expect(c.context.outcome).toEqual({ reason: 'arbitrationAgreement', rulingNo: '(2026)京0105民初89号' });
      expect(c.effects).toContainEqual(
        expect.objectContaining({
          type: 'document.issued',
          document: 'ruling',
          details: expect.objectContaining({ appealable: true, basis: 'CPL Art. 126' }),
        }),
      );
    });

    it('stops the registration target while the filing is completed; court due date set (CPL-Interp Art. 126)', () => {
      const c = awaitingMaterials();
      expect(c.state).toBe('awaitingMaterials');
      expect(c.deadline('registrationDecision')).toBeUndefined();
      expect(c.deadline('materialsDue')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-13',
        basis: 'CPL-Interp Art. 126',
      });
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'materialsRequested',
        to: 'parties',
        details: { items: ['被告住所证明'], dueOn: '2026-03-13' },
      });
    });

    it('refuses a completion time limit that is not after today (CPL-Interp Art. 126)', () => {
      const error = refusal(
        submitted().attempt('materials.requested', { items: ['x'], dueOn: '2026-03-05' }, '2026-03-05'),
      );
      expect(error).toMatchObject({ rule: 'MATERIALS_DUE_IN_FUTURE', basis: 'CPL-Interp Art. 126' });
    });

    it('marks the case overdue when the court’s 7 days pass; the state stays (CPL Art. 126)', () => {
      const c = submitted().send('deadline.expired', { kind: 'registrationDecision' }, '2026-03-10');
      expect(c.state).toBe('submitted');
      expect(describeCase(c.snapshot).overdue).toBe(true);
    });

    it('refuses an expiry on the last day itself (CPL Art. 85)', () => {
      expect(
        refusal(submitted().attempt('deadline.expired', { kind: 'registrationDecision' }, '2026-03-09')),
      ).toMatchObject({
        rule: 'DEADLINE_NOT_DUE',
      });
    });

    it('moves to awaitingDelegatedMediation, asking for a linked delegated mediation (SPC-Invited Art. 11)', () => {
      const c = delegated();
      expect(c.state).toBe('awaitingDelegatedMediation');
      expect(c.deadline('registrationDecision')).toBeUndefined();
      const request = c.effects.find((e) => e.type === 'linkedCase.requested');
      expect(request).toEqual({
        type: 'linkedCase.requested',
        flowId: 'delegated-mediation',
        organizationId: 'org-street-1',
        input: {
          category: 'neighbour',
          summary: anIntake().summary,
          parties: [
            expect.objectContaining({ name: '张三', role: 'applicant', linkedPartyId: 'p1' }),
            expect.objectContaining({ name: '李四', linkedPartyId: 'p2' }),
          ],
          channel: 'courtDelegation',
          organizationId: 'org-street-1',
          receivedOn: '2026-03-04',
          amount: '8000.00',
          riskLevel: 'none',
          courtId: 'court-basic-1',
          courtReference: '(2026)京0105民诉前调1号',
        },
      });
    });

    it('asks for a delegated-mediation case that the delegated-mediation flow can open', () => {
      const request = delegated().effects.find((e) => e.type === 'linkedCase.requested');
      const opened = startCase('delegated-mediation', request!.type === 'linkedCase.requested' ? request!.input : {}, {
        today: '2026-03-04',
      });
      expect(opened.snapshot.context).toMatchObject({ channel: 'courtDelegation', organizationId: 'org-street-1' });
    });

    it('moves to withdrawn on referral.withdrawn', () => {
      expect(submitted().send('referral.withdrawn', {}).state).toBe('withdrawn');
    });
  });

  describe('when awaitingMaterials', () => {
    it('returns to submitted and restarts the 7 days from the completed filing (CPL-Interp Art. 126)', () => {
      // Wed 11 Mar + 7 days = Wed 18 Mar.
      const c = awaitingMaterials().send('materials.provided', { providedOn: '2026-03-11' }, '2026-03-12');
      expect(c.state).toBe('submitted');
      expect(c.deadline('materialsDue')).toBeUndefined();
      expect(c.deadline('registrationDecision')).toMatchObject({
        status: 'running',
        dueOn: '2026-03-18',
        basis: 'CPL Art. 126; CPL-Interp Art. 126',
      });
    });

    it('refuses completed materials dated after today', () => {
      expect(
        refusal(awaitingMaterials().attempt('materials.provided', { providedOn: '2026-03-13' }, '2026-03-12')),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
      });
    });

    it('marks the materials overdue when the court’s day passes (CPL-Interp Art. 126)', () => {
      const c = awaitingMaterials().send('deadline.expired', { kind: 'materialsDue' }, '2026-03-14');
      expect(c.state).toBe('awaitingMaterials');
      expect(c.deadline('materialsDue')?.status).toBe('expired');
    });

    it('moves to withdrawn on referral.withdrawn', () => {
      expect(awaitingMaterials().send('referral.withdrawn', {}).state).toBe('withdrawn');
    });

    it('refuses a registration while the filing is incomplete with 409', () => {
      expect(refusal(awaitingMaterials().attempt('filing.registered', { courtCaseNo: 'X' }))).toMatchObject({
        code: 'EVENT_NOT_ALLOWED',
      });
    });
  });

  describe('when awaitingDelegatedMediation', () => {
    it('goes to court on failure: 7 days to register if insisted (SPC-Invited Art. 21; SPC-Online Art. 21)', () => {
      // Fri 10 Apr + 7 days = Fri 17 Apr.
      const c = delegated().send('mediation.concluded', { outcome: 'failed' }, '2026-04-10');
      expect(c.state).toBe('submitted');
      expect(c.deadline('registrationDecision')).toMatchObject({
        sort: 'target',
        unit: 'day',
        dueOn: '2026-04-17',
        basis: 'CPL Art. 126; SPC-Invited Art. 21; SPC-Online Art. 21',
      });
    });

    it.each(['agreed', 'withdrawn'])(
      'moves to withdrawn when the delegated mediation ended %s: the parties settled',
      (outcome) => {
        const c = delegated().send('mediation.concluded', { outcome }, '2026-04-10');
        expect(describeCase(c.snapshot)).toMatchObject({ state: 'withdrawn', status: 'withdrawn', final: true });
        expect(c.context.outcome).toEqual({ reason: 'settledInDelegatedMediation', mediationOutcome: outcome });
      },
    );

    it('moves to registered on registering anyway, telling the delegate (CPL Art. 126; SPC-Invited Art. 26)', () => {
      const c = delegated().send('filing.registered', { courtCaseNo: '(2026)京0105民初90号' }, '2026-03-20');
      expect(c.state).toBe('registered');
      expect(c.effects).toContainEqual(
        expect.objectContaining({ type: 'notice.sent', notice: 'filingRegistered', to: 'organization' }),
      );
    });

    it('refuses a withdrawal of the referral during delegated mediation with 409', () => {
      expect(refusal(delegated().attempt('referral.withdrawn', {}))).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
    });
  });

  describe('the flow', () => {
    it('lets the engine alone report the delegated mediation’s end, and the court alone decide on the filing', () => {
      const { events } = getFlow('court-referral');
      expect(events['mediation.concluded']!.by).toEqual(['engine']);
      for (const type of ['materials.requested', 'filing.registered', 'filing.rejected', 'mediation.delegated'])
        expect(events[type]!.by).toEqual(['court']);
    });

    it('names every bad field of a payload', () => {
      const error = refusal(delegated().attempt('mediation.concluded', { outcome: 'maybe', extra: 1 }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.problems!.map((p) => p.path).sort()).toEqual(['payload.extra', 'payload.outcome']);
    });

    it('accepts no event after registration', () => {
      const c = submitted().send('filing.registered', { courtCaseNo: 'X' }, '2026-03-06');
      expect(refusal(c.attempt('referral.withdrawn', {}))).toMatchObject({
        code: 'EVENT_NOT_ALLOWED',
        allowedEvents: [],
      });
    });
  });
});
