import { describeCase, EventNotAllowedError, getFlow, RuleViolatedError } from '../src/index.js';
import { aParty, CaseDriver, CREDIT_CODE, ID_NUMBERS, refusal } from './support/factories.js';
import {
  aConfirmationIntake,
  aLinkedAgreementCase,
  aLinkedCaseWithoutAgreement,
  anInlineAgreement,
} from './support/judicialConfirmation.factories.js';

const APPLIED = '2026-03-16';
const ACCEPTED = '2026-03-18';

const openInline = (
  agreement: Record<string, unknown> = {},
  overrides: Record<string, unknown> = {},
  today = APPLIED,
) =>
  CaseDriver.open(
    'judicial-confirmation',
    aConfirmationIntake({ agreement: anInlineAgreement(agreement), ...overrides }),
    today,
  );
const openLinked = (linked = aLinkedAgreementCase(), overrides: Record<string, unknown> = {}, today = APPLIED) =>
  CaseDriver.open('judicial-confirmation', aConfirmationIntake({ linkedCaseId: 'case-pm-1', ...overrides }), today, {
    linkedCase: linked,
  });
const underReview = (agreement: Record<string, unknown> = {}) =>
  openInline(agreement).send('application.accepted', { acceptedOn: ACCEPTED }, ACCEPTED);
const awaitingSupplement = () =>
  underReview().send('supplement.requested', { items: ['调解组织主持调解的证明'], dueOn: '2026-03-25' }, '2026-03-19');
const confirm = (payload: Record<string, unknown> = {}) => ({
  rulingNo: '(2026)京0105民特123号',
  ruledOn: '2026-03-20',
  ...payload,
});

describe('judicialConfirmation', () => {
  describe('opening', () => {
    it('opens in applied, status open, with a 3-day acceptance target from appliedOn (SPC-Confirm-2011 Art. 4)', () => {
      const c = openInline();
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'applied',
        status: 'open',
        final: false,
        acceptedOn: null,
      });
      expect(c.deadline('acceptanceDecision')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-19',
        basis: 'SPC-Confirm-2011 Art. 4',
      });
      expect(c.effects).toEqual([
        {
          type: 'document.issued',
          document: 'application',
          details: { basis: 'CPL Art. 205; CPL-Interp Arts. 353-354' },
        },
        { type: 'deadline.set', deadline: c.deadline('acceptanceDecision') },
      ]);
      expect(c.context.facts).toMatchObject({
        appliedOn: APPLIED,
        agreementSource: 'inline',
        subject: 'propertyObligation',
      });
    });

    it('moves the acceptance target’s last day off the Qingming holiday (SPC-Confirm-2011 Art. 4; CPL Art. 85)', () => {
      // 1 Apr + 3 days = Sat 4 Apr; 4–6 Apr are holidays, so the last day is Tue 7 Apr.
      const c = openInline({}, { appliedOn: '2026-04-01', receivedOn: '2026-04-01' }, '2026-04-01');
      expect(c.deadline('acceptanceDecision')?.dueOn).toBe('2026-04-07');
    });

    it('defaults appliedOn to today', () => {
      const { appliedOn: _appliedOn, ...intake }: Record<string, unknown> = aConfirmationIntake({
        agreement: anInlineAgreement(),
      });
      const c = CaseDriver.open('judicial-confirmation', intake, '2026-03-17');
      expect(c.context.facts.appliedOn).toBe('2026-03-17');
      expect(c.deadline('acceptanceDecision')?.dueOn).toBe('2026-03-20');
    });

    it('holds the inline agreement, bound parties matched to the applicants by ID number (CPL Art. 205)', () => {
      const c = openInline();
      expect(c.context.agreement).toEqual({
        form: 'written',
        effectiveOn: '2026-03-10',
        boundPartyIds: ['p1', 'p2'],
        terms: anInlineAgreement().terms,
      });
    });

    it('takes up a linked agreementConfirmable case’s agreement, in this case’s party ids (PML Art. 33)', () => {
      // Here 李四 is p1 and 张三 is p2: the reverse of the linked case.
      const c = openLinked(aLinkedAgreementCase(), {
        parties: [
          aParty({ name: '李四', idNumber: ID_NUMBERS.li, linkedPartyId: 'p2' }),
          aParty({ linkedPartyId: 'p1' }),
        ],
      });
      expect(c.state).toBe('applied');
      expect(c.context.agreement).toMatchObject({
        effectiveOn: '2026-03-10',
        boundPartyIds: ['p2', 'p1'],
        terms: [expect.objectContaining({ obligorPartyId: 'p1', dueOn: '2026-04-30' })],
        signatures: { partyIds: ['p2', 'p1'], mediator: true, committeeSeal: true },
      });
      expect(c.context.facts).toMatchObject({
        agreementSource: 'linkedCase',
        linkedFlowId: 'people-mediation',
        subject: null,
      });
    });

    it('takes up a linked agreement after a default (nonPerformance) while the window is open (PML Art. 33)', () => {
      expect(openLinked(aLinkedAgreementCase('2026-03-10', { defaulted: true })).state).toBe('applied');
    });

    it('refuses a linked case that holds no confirmable agreement (PML Art. 33; CPL Art. 205)', () => {
      const error = refusal(() => openLinked(aLinkedCaseWithoutAgreement()));
      expect(error).toBeInstanceOf(RuleViolatedError);
      expect(error).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'LINKED_AGREEMENT_NOT_CONFIRMABLE',
        basis: 'PML Art. 33; CPL Art. 205',
      });
    });

    it('refuses a linked case id when the host did not pass the linked case (PML Art. 33)', () => {
      const attempt = () =>
        CaseDriver.open('judicial-confirmation', aConfirmationIntake({ linkedCaseId: 'case-pm-1' }), APPLIED);
      expect(refusal(attempt)).toMatchObject({
        rule: 'LINKED_AGREEMENT_NOT_CONFIRMABLE',
        basis: 'PML Art. 33; CPL Art. 205',
      });
    });

    it('refuses a linked case of a flow this library does not know', () => {
      const unknown = { ...aLinkedAgreementCase(), flowId: 'commercial-mediation' };
      expect(refusal(() => openLinked(unknown))).toMatchObject({
        rule: 'LINKED_AGREEMENT_NOT_CONFIRMABLE',
        basis: 'PML Art. 33; CPL Art. 205',
      });
    });

    it('refuses an application naming no agreement (CPL-Interp Art. 354)', () => {
      const attempt = () => CaseDriver.open('judicial-confirmation', aConfirmationIntake(), APPLIED);
      expect(refusal(attempt)).toMatchObject({
        rule: 'AGREEMENT_REQUIRED',
        basis: 'CPL-Interp Art. 354; SPC-Confirm-2011 Art. 3',
      });
    });

    it('refuses an application naming both a linked case and an inline agreement (CPL-Interp Art. 354)', () => {
      const attempt = () => openLinked(aLinkedAgreementCase(), { agreement: anInlineAgreement() });
      expect(refusal(attempt)).toMatchObject({
        rule: 'AGREEMENT_REQUIRED',
        basis: 'CPL-Interp Art. 354; SPC-Confirm-2011 Art. 3',
      });
    });

    it('accepts an application on the window’s last day, moved off Qingming (PML Art. 33; CPL Art. 205)', () => {
      // Effective Fri 6 Mar: 30 days end Sun 5 Apr, inside the 4–6 Apr holiday, so the window runs to Tue 7 Apr.
      const c = openInline(
        { effectiveOn: '2026-03-06' },
        { appliedOn: '2026-04-07', receivedOn: '2026-04-07' },
        '2026-04-07',
      );
      expect(c.state).toBe('applied');
      expect(c.context.facts.confirmationWindowDueOn).toBe('2026-04-07');
    });

    it('refuses an application after the 30-day window from the agreement’s effect (PML Art. 33; CPL Art. 205)', () => {
      const attempt = () =>
        openInline({ effectiveOn: '2026-03-06' }, { appliedOn: '2026-04-08', receivedOn: '2026-04-08' }, '2026-04-08');
      expect(refusal(attempt)).toMatchObject({
        code: 'RULE_VIOLATED',
        rule: 'CONFIRMATION_WINDOW_EXPIRED',
        basis: 'PML Art. 33; CPL Art. 205',
      });
    });

    it('counts the window of a linked agreement from its effectiveOn (PML Art. 33; CPL Art. 205)', () => {
      // Effective Tue 10 Mar: the window ends Thu 9 Apr.
      expect(openLinked(aLinkedAgreementCase(), { appliedOn: '2026-04-09' }, '2026-04-09').state).toBe('applied');
      const attempt = () => openLinked(aLinkedAgreementCase(), { appliedOn: '2026-04-10' }, '2026-04-10');
      expect(refusal(attempt)).toMatchObject({
        rule: 'CONFIRMATION_WINDOW_EXPIRED',
        basis: 'PML Art. 33; CPL Art. 205',
      });
    });

    it('refuses an application one bound party did not join (CPL Art. 205; CPL-Interp Art. 351)', () => {
      const attempt = () =>
        openInline({}, { parties: [aParty(), aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li })] });
      expect(refusal(attempt)).toMatchObject({
        rule: 'JOINT_APPLICATION_REQUIRED',
        basis: 'PML Art. 33; CPL Art. 205; CPL-Interp Art. 351',
      });
    });

    it('matches inline bound parties by ID number, not by name (CPL Art. 205)', () => {
      const attempt = () =>
        openInline({}, { parties: [aParty(), aParty({ name: '李四', idNumber: ID_NUMBERS.wang })] });
      expect(refusal(attempt)).toMatchObject({
        rule: 'JOINT_APPLICATION_REQUIRED',
        basis: 'PML Art. 33; CPL Art. 205; CPL-Interp Art. 351',
      });
    });

    it('matches an organisation by credit code, and a bound party without any number by name (CPL Art. 205)', () => {
      const c = openInline(
        { boundParties: [{ name: '张三' }, { name: '某某物业公司', creditCode: CREDIT_CODE }] },
        {
          parties: [
            aParty({ idNumber: undefined }),
            aParty({ kind: 'organization', name: '物业公司', idNumber: undefined, creditCode: CREDIT_CODE }),
          ],
        },
      );
      expect(c.context.agreement?.boundPartyIds).toEqual(['p1', 'p2']);
    });

    it('refuses a linked agreement when a bound party is not among the applicants (CPL Art. 205)', () => {
      const attempt = () =>
        openLinked(aLinkedAgreementCase(), {
          parties: [aParty({ linkedPartyId: 'p1' }), aParty({ name: '李四', idNumber: ID_NUMBERS.li })],
        });
      expect(refusal(attempt)).toMatchObject({
        rule: 'JOINT_APPLICATION_REQUIRED',
        basis: 'PML Art. 33; CPL Art. 205; CPL-Interp Art. 351',
      });
    });

    it('refuses an inline agreement that takes effect after today', () => {
      const attempt = () => openInline({ effectiveOn: '2026-03-17' });
      expect(refusal(attempt)).toMatchObject({ rule: 'DATE_NOT_IN_FUTURE', basis: 'flows.md "Conventions"' });
    });

    it('refuses an inline term whose obligor is not a party', () => {
      const attempt = () => openInline({ terms: [{ obligorPartyId: 'p9', description: '付款' }] });
      expect(refusal(attempt)).toMatchObject({ rule: 'UNKNOWN_PARTY', basis: 'flows.md "Intake"' });
    });

    it.each([
      ['identityRelation', 'IDENTITY_RELATION', 'CPL-Interp Art. 355(3)'],
      ['realRightOwnership', 'OWNERSHIP_CONFIRMATION', 'CPL-Interp Art. 355(5)'],
      ['ipOwnership', 'OWNERSHIP_CONFIRMATION', 'CPL-Interp Art. 355(5)'],
    ])('opens with a warning when the subject is %s (%s, %s)', (subject, code, basis) => {
      const c = openInline({ subject });
      expect(c.state).toBe('applied');
      expect(c.context.warnings).toEqual([expect.objectContaining({ code, basis })]);
    });

    it('opens without a warning for property terms of a family agreement (CPL-Interp Art. 355)', () => {
      expect(openInline({ subject: 'familyProperty' }).context.warnings).toEqual([]);
    });

    it('refuses a malformed inline agreement, naming every bad field', () => {
      const attempt = () =>
        openInline({
          subject: 'custody',
          boundParties: [{ name: '张三', idNumber: ID_NUMBERS.zhang.replace('X', '1') }],
          terms: [],
        });
      // Too few bound parties, and the one given has a wrong GB 11643 check digit: both are named.
      expect(
        refusal(attempt)
          .problems!.map((p) => p.path)
          .sort(),
      ).toEqual([
        'agreement.boundParties',
        'agreement.boundParties[0].idNumber',
        'agreement.subject',
        'agreement.terms',
      ]);
      const badId = () =>
        openInline({ boundParties: [{ name: '张三', idNumber: '110105194912310021' }, { name: '李四' }] });
      expect(refusal(badId)).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'agreement.boundParties[0].idNumber' })],
      });
    });

    it('refuses an appliedOn after today', () => {
      const attempt = () => openInline({}, { appliedOn: '2026-03-17' });
      expect(refusal(attempt)).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'appliedOn' })],
      });
    });
  });

  describe('when applied', () => {
    it('moves to underReview: 15-day review, 30-day procedure targets (SPC-Confirm-2011 Art. 5; CPL Art. 187)', () => {
      const c = openInline().send('application.accepted', { acceptedOn: ACCEPTED }, ACCEPTED);
      expect(c.state).toBe('underReview');
      expect(describeCase(c.snapshot).acceptedOn).toBe(ACCEPTED);
      expect(c.deadline('acceptanceDecision')).toBeUndefined();
      expect(c.deadline('reviewDecision')).toMatchObject({
        sort: 'target',
        dueOn: '2026-04-02',
        basis: 'SPC-Confirm-2011 Art. 5',
      });
      expect(c.deadline('specialProcedurePeriod')).toMatchObject({
        sort: 'target',
        dueOn: '2026-04-17',
        basis: 'CPL Art. 187',
      });
      expect(c.documents()).toEqual(['acceptanceNotice']);
      expect(c.effects).toContainEqual({ type: 'deadline.cleared', kind: 'acceptanceDecision' });
    });

    it('moves both review targets off Labour Day and its weekend (SPC-Confirm-2011 Art. 5; CPL Arts. 85, 187)', () => {
      // From Thu 16 Apr: 15 days end Fri 1 May (holiday 1–5 May) → Wed 6 May; 30 days end Sat 16 May → Mon 18 May.
      const c = openInline({}, {}, APPLIED).send('application.accepted', { acceptedOn: '2026-04-16' }, '2026-04-16');
      expect(c.deadline('reviewDecision')?.dueOn).toBe('2026-05-06');
      expect(c.deadline('specialProcedurePeriod')?.dueOn).toBe('2026-05-18');
    });

    it('counts acceptance from today when acceptedOn is left out (SPC-Confirm-2011 Art. 5)', () => {
      const c = openInline().send('application.accepted', {}, '2026-03-17');
      expect(c.context.acceptedOn).toBe('2026-03-17');
      expect(c.deadline('reviewDecision')?.dueOn).toBe('2026-04-01');
    });

    it('refuses an acceptance dated after today', () => {
      expect(
        refusal(openInline().attempt('application.accepted', { acceptedOn: '2026-03-19' }, ACCEPTED)),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
        basis: 'flows.md "Conventions"',
      });
    });

    it('moves to notAccepted on application.rejected, with the ruling (CPL-Interp Art. 355)', () => {
      const c = openInline().send(
        'application.rejected',
        { reason: 'noJurisdiction', rulingNo: '(2026)京0105民特1号' },
        '2026-03-17',
      );
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'notAccepted',
        status: 'notAccepted',
        final: true,
        deadlines: [],
      });
      expect(c.context.outcome).toEqual({ reason: 'noJurisdiction', rulingNo: '(2026)京0105民特1号' });
      expect(c.effects).toContainEqual({
        type: 'document.issued',
        document: 'ruling',
        details: { ruling: 'notAccepted', rulingNo: '(2026)京0105民特1号', reason: 'noJurisdiction' },
      });
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'notAccepted', outcome: 'failed' });
    });

    it('moves to withdrawn when the court allows a withdrawal before acceptance (CPL-Interp Art. 357)', () => {
      const c = openInline().send(
        'application.withdrawn',
        { rulingNo: 'R-1', deemed: false, partyId: 'p2' },
        '2026-03-17',
      );
      expect(describeCase(c.snapshot)).toMatchObject({ state: 'withdrawn', status: 'withdrawn', final: true });
      expect(c.context.outcome).toEqual({ reason: 'withdrawn', rulingNo: 'R-1', deemed: false, partyId: 'p2' });
    });

    it('marks the case overdue when the 3-day acceptance target passes; state stays (SPC-Confirm-2011 Art. 4)', () => {
      const c = openInline().send('deadline.expired', { kind: 'acceptanceDecision' }, '2026-03-20');
      expect(c.state).toBe('applied');
      expect(c.deadline('acceptanceDecision')).toMatchObject({ status: 'expired', expiredOn: '2026-03-20' });
      expect(describeCase(c.snapshot).overdue).toBe(true);
      expect(c.effects).toContainEqual({
        type: 'deadline.overdue',
        kind: 'acceptanceDecision',
        sort: 'target',
        dueOn: '2026-03-19',
      });
    });

    it('refuses the acceptance target’s expiry on its last day (CPL Art. 85)', () => {
      expect(
        refusal(openInline().attempt('deadline.expired', { kind: 'acceptanceDecision' }, '2026-03-19')),
      ).toMatchObject({
        rule: 'DEADLINE_NOT_DUE',
        basis: 'CPL Art. 85; CC Art. 203',
      });
    });

    it('refuses a ruling on the agreement before acceptance with 409 and the allowed events', () => {
      const error = refusal(openInline().attempt('agreement.confirmed', confirm(), ACCEPTED));
      expect(error).toBeInstanceOf(EventNotAllowedError);
      expect(error.allowedEvents).toEqual(
        expect.arrayContaining([
          'application.accepted',
          'application.rejected',
          'application.withdrawn',
          'case.escalated',
          'deadline.expired',
        ]),
      );
      expect(error.allowedEvents).not.toContain('agreement.confirmed');
    });
  });

  describe('when underReview', () => {
    it('moves to awaitingSupplement with a target on the court’s due date (CPL-Interp Arts. 354, 356)', () => {
      const c = awaitingSupplement();
      expect(c.state).toBe('awaitingSupplement');
      expect(c.deadline('supplementDue')).toMatchObject({
        sort: 'target',
        dueOn: '2026-03-25',
        basis: 'CPL-Interp Arts. 354, 356',
      });
      expect(c.deadline('reviewDecision')?.dueOn).toBe('2026-04-02');
      expect(c.effects).toContainEqual({
        type: 'notice.sent',
        notice: 'supplementRequested',
        to: 'parties',
        details: { items: ['调解组织主持调解的证明'], dueOn: '2026-03-25' },
      });
    });

    it('refuses a supplement time limit that is not after today (CPL-Interp Art. 356)', () => {
      const error = refusal(
        underReview().attempt('supplement.requested', { items: ['身份证明'], dueOn: '2026-03-19' }, '2026-03-19'),
      );
      expect(error).toMatchObject({ rule: 'SUPPLEMENT_DUE_IN_FUTURE', basis: 'CPL-Interp Arts. 354, 356' });
    });

    it('extends the review target once by up to 10 days (SPC-Confirm-2011 Art. 5)', () => {
      // 2 Apr + 10 days = Sun 12 Apr → Mon 13 Apr. The CPL Art. 187 target does not move.
      const c = underReview().send('review.extended', { days: 10, approvedBy: '院长王某' }, '2026-03-30');
      expect(c.deadline('reviewDecision')).toMatchObject({ dueOn: '2026-04-13', extensions: 1 });
      expect(c.deadline('specialProcedurePeriod')?.dueOn).toBe('2026-04-17');
      expect(c.context.records.reviewExtension).toEqual({ days: 10, approvedBy: '院长王某', on: '2026-03-30' });
    });

    it('refuses a second extension of the review period (SPC-Confirm-2011 Art. 5)', () => {
      const c = underReview().send('review.extended', { days: 5, approvedBy: '院长王某' }, '2026-03-30');
      expect(refusal(c.attempt('review.extended', { days: 5, approvedBy: '院长王某' }, '2026-04-06'))).toMatchObject({
        rule: 'REVIEW_ALREADY_EXTENDED',
        basis: 'SPC-Confirm-2011 Art. 5',
      });
    });

    it('refuses an extension longer than 10 days (SPC-Confirm-2011 Art. 5)', () => {
      expect(
        refusal(underReview().attempt('review.extended', { days: 11, approvedBy: '院长王某' }, '2026-03-30')),
      ).toMatchObject({
        rule: 'REVIEW_EXTENSION_TOO_LONG',
        basis: 'SPC-Confirm-2011 Art. 5',
      });
    });

    it('refuses a second extension as REVIEW_ALREADY_EXTENDED whatever its length (SPC-Confirm-2011 Art. 5)', () => {
      const c = underReview().send('review.extended', { days: 5, approvedBy: '院长王某' }, '2026-03-30');
      expect(refusal(c.attempt('review.extended', { days: 11, approvedBy: '院长王某' }, '2026-04-06'))).toMatchObject({
        rule: 'REVIEW_ALREADY_EXTENDED',
        basis: 'SPC-Confirm-2011 Art. 5',
      });
    });

    it('marks the case overdue when the review target passes, again once extended (SPC-Confirm-2011 Art. 5)', () => {
      const c = underReview().send('deadline.expired', { kind: 'reviewDecision' }, '2026-04-03');
      expect(c.state).toBe('underReview');
      expect(c.deadline('reviewDecision')?.status).toBe('expired');
      c.send('review.extended', { days: 10, approvedBy: '院长王某' }, '2026-04-03');
      expect(c.deadline('reviewDecision')).toMatchObject({ status: 'running', dueOn: '2026-04-13' });
    });

    it('marks the case overdue when the 30-day special-procedure target passes (CPL Art. 187)', () => {
      const c = underReview().send('deadline.expired', { kind: 'specialProcedurePeriod' }, '2026-04-18');
      expect(c.state).toBe('underReview');
      expect(c.deadline('specialProcedurePeriod')).toMatchObject({ status: 'expired', expiredOn: '2026-04-18' });
    });

    it('moves to confirmed, recording each party’s 15-day objection period (CPL Art. 206; CPL-Interp Art. 372)', () => {
      // Served Fri 20 Mar: 15 days end Sat 4 Apr, inside the Qingming holiday → Tue 7 Apr.
      const c = underReview().send('agreement.confirmed', confirm({ servedOn: '2026-03-20' }), '2026-03-20');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'confirmed',
        status: 'resolved',
        final: true,
        deadlines: [],
        allowedEvents: [],
      });
      const period = { from: '2026-03-20', dueOn: '2026-04-07', basis: 'CPL-Interp Art. 372', provisional: false };
      expect(c.context.records.objectionUntil).toEqual({ p1: period, p2: period });
      expect(c.context.records.ruling).toEqual({ rulingNo: '(2026)京0105民特123号', ruledOn: '2026-03-20' });
      expect(c.context.agreement?.effectiveOn).toBe('2026-03-10');
      expect(c.documents()).toEqual(['ruling']);
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'resolved', outcome: 'agreed' });
      expect(c.effects).toEqual(
        expect.arrayContaining([
          { type: 'deadline.cleared', kind: 'reviewDecision' },
          { type: 'deadline.cleared', kind: 'specialProcedurePeriod' },
        ]),
      );
    });

    it('counts the objection period from each party’s service, none if not served yet (CPL-Interp Art. 372)', () => {
      const c = underReview().send(
        'agreement.confirmed',
        confirm({ partyServices: [{ partyId: 'p2', servedOn: '2026-03-25' }] }),
        '2026-03-25',
      );
      expect(c.context.records.objectionUntil).toEqual({
        p1: null,
        p2: { from: '2026-03-25', dueOn: '2026-04-09', basis: 'CPL-Interp Art. 372', provisional: false },
      });
    });

    it('records the 2-year enforcement period from the last term’s due date (CPL Art. 250)', () => {
      const c = underReview().send('agreement.confirmed', confirm({ servedOn: '2026-03-20' }), '2026-03-20');
      // Terms due 31 May and 30 Jun 2026: two years from Fri 30 Jun 2026 is Fri 30 Jun 2028 (no 2028 schedule loaded
      // yet).
      expect(c.context.records.enforcementUntil).toMatchObject({
        from: '2026-06-30',
        dueOn: '2028-06-30',
        basis: 'CPL Art. 250',
      });
    });

    it('records the enforcement period from the ruling when no term has a due date (CPL Art. 250)', () => {
      const c = underReview({ terms: [{ obligorPartyId: 'p2', description: '赔礼道歉' }] });
      c.send('agreement.confirmed', confirm(), '2026-03-20');
      expect(c.context.records.enforcementUntil).toMatchObject({
        from: '2026-03-20',
        dueOn: '2028-03-20',
        basis: 'CPL Art. 250',
      });
    });

    it.each([
      ['a ruling', { ruledOn: '2026-03-21' }],
      ['a service', { servedOn: '2026-03-21' }],
      ['a party’s service', { partyServices: [{ partyId: 'p1', servedOn: '2026-03-21' }] }],
    ])('refuses %s dated after today', (_what, payload) => {
      expect(refusal(underReview().attempt('agreement.confirmed', confirm(payload), '2026-03-20'))).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
        basis: 'flows.md "Conventions"',
      });
    });

    it.each([
      ['on every party', { servedOn: '2026-03-19' }],
      ['on one party', { partyServices: [{ partyId: 'p2', servedOn: '2026-03-18' }] }],
    ])(
      'refuses a service %s dated before the ruling, which would end the 15 days to object early (CPL-Interp Art. 372)',
      (_what, payload) => {
        expect(refusal(underReview().attempt('agreement.confirmed', confirm(payload), '2026-03-20'))).toMatchObject({
          code: 'RULE_VIOLATED',
          rule: 'SERVICE_BEFORE_RULING',
          basis: 'CPL-Interp Art. 372',
        });
        // Served the day of the ruling is fine.
        expect(underReview().send('agreement.confirmed', confirm({ servedOn: '2026-03-20' }), '2026-03-20').state).toBe(
          'confirmed',
        );
      },
    );

    it('refuses a service on someone who is not a party', () => {
      const payload = confirm({ partyServices: [{ partyId: 'p7', servedOn: '2026-03-20' }] });
      expect(refusal(underReview().attempt('agreement.confirmed', payload, '2026-03-20'))).toMatchObject({
        rule: 'UNKNOWN_PARTY',
        basis: 'flows.md "Intake"',
      });
    });

    it('moves to dismissed, naming re-mediation and litigation (CPL-Interp Art. 358; CPL Art. 206)', () => {
      const c = underReview().send('application.dismissed', { reason: 'involuntary', rulingNo: 'R-9' }, '2026-03-25');
      expect(describeCase(c.snapshot)).toMatchObject({
        state: 'dismissed',
        status: 'unresolved',
        final: true,
        deadlines: [],
      });
      expect(c.context.outcome).toEqual({ reason: 'involuntary', rulingNo: 'R-9' });
      expect(c.effects).toContainEqual(
        expect.objectContaining({
          type: 'notice.sent',
          notice: 'confirmationDismissed',
          details: { remainingRoutes: ['mediation', 'litigation'], basis: 'CPL Art. 206' },
        }),
      );
      expect(c.effects).toContainEqual({ type: 'case.ended', status: 'unresolved', outcome: 'failed' });
    });

    it('dismisses an identity-relation agreement found after acceptance (CPL-Interp Art. 355)', () => {
      const c = underReview({ subject: 'identityRelation' }).send(
        'application.dismissed',
        { reason: 'identityRelation', rulingNo: 'R-2' },
        '2026-03-19',
      );
      expect(c.state).toBe('dismissed');
    });

    it('moves to withdrawn when the court allows a withdrawal before its ruling (CPL-Interp Art. 357)', () => {
      expect(underReview().send('application.withdrawn', { rulingNo: 'R-3', deemed: false }, '2026-03-19').state).toBe(
        'withdrawn',
      );
    });

    it('refuses a withdrawal naming someone who is not a party', () => {
      expect(
        refusal(underReview().attempt('application.withdrawn', { rulingNo: 'R-3', deemed: false, partyId: 'p5' })),
      ).toMatchObject({
        rule: 'UNKNOWN_PARTY',
        basis: 'flows.md "Intake"',
      });
    });
  });

  describe('when awaitingSupplement', () => {
    it('returns to underReview on supplement.provided and clears the supplement target', () => {
      const c = awaitingSupplement().send('supplement.provided', { providedOn: '2026-03-24' }, '2026-03-24');
      expect(c.state).toBe('underReview');
      expect(c.deadline('supplementDue')).toBeUndefined();
      expect(c.deadline('reviewDecision')?.status).toBe('running');
      expect(c.context.records.supplements).toEqual([{ on: '2026-03-24', providedOn: '2026-03-24' }]);
    });

    it('refuses a supplement dated after today', () => {
      expect(
        refusal(awaitingSupplement().attempt('supplement.provided', { providedOn: '2026-03-25' }, '2026-03-24')),
      ).toMatchObject({
        rule: 'DATE_NOT_IN_FUTURE',
        basis: 'flows.md "Conventions"',
      });
    });

    it('marks the supplement overdue after its day; it may count as withdrawn (CPL-Interp Art. 357)', () => {
      const c = awaitingSupplement().send('deadline.expired', { kind: 'supplementDue' }, '2026-03-26');
      expect(c.state).toBe('awaitingSupplement');
      expect(c.deadline('supplementDue')?.status).toBe('expired');
      c.send('application.withdrawn', { rulingNo: 'R-4', deemed: true, partyId: 'p2' }, '2026-03-27');
      expect(c.state).toBe('withdrawn');
      expect(c.context.outcome).toEqual({ reason: 'deemedWithdrawn', rulingNo: 'R-4', deemed: true, partyId: 'p2' });
    });

    it('extends the review target while waiting (SPC-Confirm-2011 Art. 5)', () => {
      const c = awaitingSupplement().send('review.extended', { days: 7, approvedBy: '院长王某' }, '2026-03-24');
      expect(c.deadline('reviewDecision')?.dueOn).toBe('2026-04-09');
    });

    it('moves to dismissed on application.dismissed (CPL-Interp Art. 358)', () => {
      expect(
        awaitingSupplement().send('application.dismissed', { reason: 'unclearContent', rulingNo: 'R-5' }, '2026-03-24')
          .state,
      ).toBe('dismissed');
    });

    it('refuses a confirmation before the supplement arrives with 409', () => {
      const error = refusal(awaitingSupplement().attempt('agreement.confirmed', confirm(), '2026-03-20'));
      expect(error).toMatchObject({ code: 'EVENT_NOT_ALLOWED' });
      expect(error.allowedEvents).toEqual(
        expect.arrayContaining(['supplement.provided', 'review.extended', 'application.dismissed']),
      );
    });
  });

  describe('the flow', () => {
    it('lets only the court send its events', () => {
      const flow = getFlow('judicial-confirmation');
      const own = Object.entries(flow.events).filter(
        ([type]) => !type.startsWith('case.') && !type.startsWith('supervision.') && !type.startsWith('deadline.'),
      );
      expect(own.map(([, spec]) => spec.by)).toEqual(own.map(() => ['court']));
    });

    it('accepts no event after confirmation', () => {
      const c = underReview().send('agreement.confirmed', confirm(), '2026-03-20');
      const error = refusal(
        c.attempt('case.escalated', { toOrganizationId: 'court-mid-1', reason: 'x' }, '2026-03-21', {
          targetRelation: 'ancestor',
        }),
      );
      expect(error).toMatchObject({ code: 'EVENT_NOT_ALLOWED', allowedEvents: [] });
    });

    it('names every bad field of a payload', () => {
      const error = refusal(underReview().attempt('application.dismissed', { reason: 'tooLate', extra: true }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.problems!.map((p) => p.path).sort()).toEqual([
        'payload.extra',
        'payload.reason',
        'payload.rulingNo',
      ]);
    });

    it('refuses a review extension of zero days as invalid', () => {
      const error = refusal(underReview().attempt('review.extended', { days: 0, approvedBy: '院长王某' }));
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        problems: [expect.objectContaining({ path: 'payload.days' })],
      });
    });
  });
});
