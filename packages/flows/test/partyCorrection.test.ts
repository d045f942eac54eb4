import { describeCase, getFlow, listFlows } from '../src/index.js';
import { anAdministrativeIntake } from './support/administrativeMediation.factories.js';
import { aDelegation } from './support/delegatedMediation.factories.js';
import { anIntake, CaseDriver, CREDIT_CODE, ID_NUMBERS, refusal } from './support/factories.js';
import { aConfirmationIntake, aLinkedAgreementCase } from './support/judicialConfirmation.factories.js';
import { aPetitionIntake } from './support/petition.factories.js';

/** A freshly opened case of each flow (its first, non-final state). */
const OPENINGS: Record<string, () => CaseDriver> = {
  'people-mediation': () => CaseDriver.open('people-mediation', anIntake(), '2026-03-02'),
  'administrative-mediation': () =>
    CaseDriver.open('administrative-mediation', anAdministrativeIntake('general'), '2026-03-02'),
  'court-referral': () =>
    CaseDriver.open('court-referral', anIntake({ linkedCaseId: 'case-pm-9', amount: '8000.00' }), '2026-03-02'),
  'delegated-mediation': () => CaseDriver.open('delegated-mediation', aDelegation(), '2026-03-02'),
  'judicial-confirmation': () =>
    CaseDriver.open('judicial-confirmation', aConfirmationIntake({ linkedCaseId: 'case-pm-1' }), '2026-03-16', {
      linkedCase: aLinkedAgreementCase(),
    }),
  petition: () => CaseDriver.open('petition', aPetitionIntake(), '2026-03-02'),
};

const REASON = '姓名误写，经核对身份证件更正';

describe('party.corrected (更正当事人信息; flows.md "Intake")', () => {
  it('is an event of every flow, accepted in its first state, which it leaves unchanged', () => {
    expect(Object.keys(OPENINGS).sort()).toEqual(
      listFlows()
        .map((f) => f.id)
        .sort(),
    );
    for (const [flowId, open] of Object.entries(OPENINGS)) {
      const c = open();
      const state = c.state;
      expect(describeCase(c.snapshot).allowedEvents).toContain('party.corrected');
      c.send('party.corrected', { partyId: 'p1', changes: { name: '张叁' }, reason: REASON }, '2026-03-17');
      expect({ flowId, state: c.state, name: c.context.parties[0]!.name }).toEqual({ flowId, state, name: '张叁' });
    }
  });

  it('replaces only the details given, on that party only; id, role and kind stay', () => {
    const c = OPENINGS['people-mediation']!();
    const [before1, before2] = c.context.parties;
    c.send(
      'party.corrected',
      {
        partyId: 'p2',
        changes: { idNumber: ID_NUMBERS.wang, address: '南京市玄武区梅园新村 8 号', occupation: '教师' },
        reason: REASON,
      },
      '2026-03-03',
    );
    expect(c.context.parties[0]).toEqual(before1);
    expect(c.context.parties[1]).toEqual({
      ...before2,
      idNumber: ID_NUMBERS.wang,
      address: '南京市玄武区梅园新村 8 号',
      occupation: '教师',
    });
    expect(c.effects).toEqual([]);
  });

  it('flows.md "Intake": a party the case does not have is refused with UNKNOWN_PARTY', () => {
    const attempt = OPENINGS['people-mediation']!().attempt('party.corrected', {
      partyId: 'p9',
      changes: { name: '王五' },
      reason: REASON,
    });
    expect(refusal(attempt)).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'UNKNOWN_PARTY',
      basis: 'flows.md "Intake"',
    });
  });

  it('refuses an empty change, a changed role or kind, and a bad ID number (GB 11643) as invalid payloads', () => {
    const c = OPENINGS['people-mediation']!();
    const problems = (changes: Record<string, unknown>) =>
      refusal(c.attempt('party.corrected', { partyId: 'p1', changes, reason: REASON })).problems?.map((p) => p.path);
    expect(problems({})).toEqual(['payload.changes']);
    expect(problems({ kind: 'organization' })).toEqual(expect.arrayContaining(['payload.changes.kind']));
    expect(problems({ role: 'respondent' })).toEqual(expect.arrayContaining(['payload.changes.role']));
    expect(problems({ idNumber: '110105194912310021' })).toEqual(['payload.changes.idNumber']);
    const noReason = refusal(c.attempt('party.corrected', { partyId: 'p1', changes: { name: 'x' } }));
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(noReason.problems?.map((p) => p.path)).toEqual(['payload.reason']);
  });

  it('is not accepted once the case has ended: a final state takes no event (409)', () => {
    const c = OPENINGS['people-mediation']!().send('application.rejected', { reason: 'outOfScope' }, '2026-03-03');
    expect(describeCase(c.snapshot).final).toBe(true);
    const error = refusal(c.attempt('party.corrected', { partyId: 'p1', changes: { name: '张叁' }, reason: REASON }));
    expect(error.code).toBe('EVENT_NOT_ALLOWED');
  });

  it('is sent by those who open or handle the flow’s cases: reception and mediator, the court for confirmation', () => {
    const by = (flowId: string) => [...getFlow(flowId).events['party.corrected']!.by].sort();
    expect(by('people-mediation')).toEqual(['mediator', 'reception']);
    expect(by('petition')).toEqual(['mediator', 'reception']);
    expect(by('administrative-mediation')).toEqual(['mediator', 'reception']);
    expect(by('judicial-confirmation')).toEqual(['court']);
    expect(by('delegated-mediation')).toEqual(['court', 'mediator', 'reception']);
    for (const flow of listFlows()) expect(flow.events['party.corrected']!.by).not.toContain('supervisor');
  });

  it('CPL Art. 205: a judicial confirmation opened after the correction names the corrected party as bound', () => {
    const linked = CaseDriver.open('people-mediation', anIntake(), '2026-03-02')
      .send('party.corrected', { partyId: 'p2', changes: { name: '李肆' }, reason: REASON }, '2026-03-02')
      .send('application.accepted', {}, '2026-03-02')
      .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03')
      .send(
        'agreement.signed',
        {
          form: 'written',
          effectiveOn: '2026-03-10',
          terms: [{ obligorPartyId: 'p2', description: '赔偿修缮费用', amount: '3000.00' }],
          signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
        },
        '2026-03-10',
      );
    const c = CaseDriver.open(
      'judicial-confirmation',
      aConfirmationIntake({ linkedCaseId: 'case-pm-1' }),
      '2026-03-16',
      {
        linkedCase: linked.snapshot,
      },
    );
    expect(c.context.facts.boundParties).toEqual([
      { name: '张三', partyId: 'p1' },
      { name: '李肆', partyId: 'p2' },
    ]);
  });

  it('judicial confirmation: the corrected credit code is the applicant’s from then on', () => {
    const c = CaseDriver.open(
      'judicial-confirmation',
      aConfirmationIntake({ linkedCaseId: 'case-pm-1' }),
      '2026-03-16',
      { linkedCase: aLinkedAgreementCase() },
    );
    c.send('party.corrected', { partyId: 'p2', changes: { creditCode: CREDIT_CODE }, reason: REASON }, '2026-03-16');
    expect(c.context.parties[1]).toMatchObject({ id: 'p2', creditCode: CREDIT_CODE, role: 'applicant' });
    expect(c.context.agreement?.boundPartyIds).toEqual(['p1', 'p2']);
  });
});
