import { getFlow, InvalidEventError, startCase, validateObject } from '../src/index.js';
import { anAdministrativeIntake, aSignedStatement } from './support/administrativeMediation.factories.js';
import { aDelegation, aSignedAgreement } from './support/delegatedMediation.factories.js';
import { aConfirmationIntake } from './support/judicialConfirmation.factories.js';
import { aParty, anIntake, CaseDriver, ID_NUMBERS, refusal } from './support/factories.js';

/**
 * What the documents ask for and the events now carry (issue 15): each party's 民族 and 职业
 * (PML Art. 29(1)), the agreement's facts, disputed issues, responsibilities and manner and place
 * of performance (PML Art. 29(2)-(3)), and a session's place and participants (PML Arts. 20, 27).
 */
const RECEIVED = '2026-03-02';
const peopleMediating = () =>
  CaseDriver.open('people-mediation', anIntake(), RECEIVED)
    .send('application.accepted', {}, RECEIVED)
    .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'committee' }, '2026-03-03');
const delegatedMediating = () =>
  CaseDriver.open('delegated-mediation', aDelegation(), RECEIVED)
    .send('mediator.assigned', { mediatorId: 'm-1', chosenBy: 'parties' }, '2026-03-03')
    .send('mediator.confirmed', { confirmedOn: '2026-03-05' }, '2026-03-05')
    .send('parties.reached', {}, '2026-03-06');
const administrativeMediating = () =>
  CaseDriver.open('administrative-mediation', anAdministrativeIntake('general'), RECEIVED).send(
    'application.accepted',
    {},
    RECEIVED,
  );

const CONTENTS = {
  facts: '李四家卫生间排水管渗漏，致楼下张三家天花板受损。',
  disputedIssues: '渗漏原因及维修费用的承担。',
  responsibilities: [
    { partyId: 'p2', text: '未及时维修排水管道，承担主要责任。' },
    { partyId: 'p1', text: '发现渗漏后未及时告知，承担次要责任。' },
  ],
  performance: { manner: '银行转账', place: '梅园新村人民调解委员会' },
};

const FLOWS = [
  {
    flow: 'people-mediation',
    mediating: peopleMediating,
    agreement: (o: Record<string, unknown> = {}) => ({
      form: 'written',
      effectiveOn: '2026-03-10',
      terms: [{ obligorPartyId: 'p2', description: '修复排水管道', dueOn: '2026-04-30' }],
      signatures: { partyIds: ['p1', 'p2'], mediator: true, committeeSeal: true },
      ...o,
    }),
    today: '2026-03-10',
  },
  { flow: 'delegated-mediation', mediating: delegatedMediating, agreement: aSignedAgreement, today: '2026-03-20' },
  {
    flow: 'administrative-mediation',
    mediating: administrativeMediating,
    agreement: aSignedStatement,
    today: '2026-03-16',
  },
] as const;

describe('party details (PML Art. 29(1))', () => {
  it('opens a case with each party’s ethnicity and occupation (PML Art. 29(1))', () => {
    const c = CaseDriver.open(
      'people-mediation',
      anIntake({ parties: [aParty({ ethnicity: '回族', occupation: '教师' }), aParty({ role: 'respondent' })] }),
      RECEIVED,
    );
    expect(c.context.parties[0]).toMatchObject({ ethnicity: '回族', occupation: '教师' });
    expect(c.context.parties[1]).not.toHaveProperty('ethnicity');
  });

  it('refuses an ethnicity longer than 20 characters, naming the field', () => {
    const attempt = () =>
      startCase('people-mediation', anIntake({ parties: [aParty({ ethnicity: '族'.repeat(21) })] }), {
        today: RECEIVED,
      });
    expect(attempt).toThrow(InvalidEventError);
    expect(refusal(attempt).problems?.map((p) => p.path)).toEqual(['parties[0].ethnicity']);
  });
});

describe.each(FLOWS)('agreement.signed in $flow (PML Art. 29)', ({ flow, mediating, agreement, today }) => {
  it('keeps the facts, disputed issues, responsibilities, manner and place of performance (PML Art. 29)', () => {
    const c = mediating().send('agreement.signed', agreement(CONTENTS), today);
    expect(c.context.agreement).toMatchObject(CONTENTS);
  });

  it('signs a written agreement without them: PML Art. 29 says it "may" state them (可以载明)', () => {
    const c = mediating().send('agreement.signed', agreement(), today);
    expect(c.context.agreement).not.toHaveProperty('responsibilities');
    expect(c.context.agreement).not.toHaveProperty('performance');
  });

  it('refuses a responsibility of someone who is not a party, like an unknown obligor (flows.md "Intake")', () => {
    const c = mediating();
    const responsibilities = [{ partyId: 'p9', text: '承担全部责任' }];
    const error = refusal(c.attempt('agreement.signed', agreement({ responsibilities }), today));
    expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'UNKNOWN_PARTY', basis: 'flows.md "Intake"' });
    const obligor = refusal(
      c.attempt('agreement.signed', agreement({ terms: [{ obligorPartyId: 'p9', description: 'x' }] }), today),
    );
    expect(obligor).toMatchObject({ rule: error.rule, basis: error.basis });
  });

  it('refuses a responsibility without its text and an unknown performance field, naming them', () => {
    const payload = agreement({ responsibilities: [{ partyId: 'p1' }], performance: { time: '三日内' } });
    const problems = validateObject(getFlow(flow).events['agreement.signed']!.payload, payload);
    expect(problems.map((p) => p.path).sort()).toEqual(['performance.time', 'responsibilities[0].text']);
  });
});

describe.each([
  { flow: 'people-mediation', mediating: peopleMediating },
  { flow: 'delegated-mediation', mediating: delegatedMediating },
])('session.recorded in $flow (PML Arts. 20, 27)', ({ mediating }) => {
  const session = {
    heldOn: '2026-03-09',
    summary: '双方陈述了漏水经过。',
    place: '梅园新村人民调解委员会调解室',
    presentPartyIds: ['p1', 'p2'],
    participants: [{ name: '王五', capacity: '社区网格员' }],
  };

  it('records the place, the parties present and the invited participants (PML Arts. 20, 27)', () => {
    const c = mediating().send('session.recorded', session, '2026-03-09');
    expect(c.context.records.sessions).toEqual([{ on: '2026-03-09', ...session }]);
    expect(c.documents()).toEqual(['mediationRecord']);
  });

  it('refuses a party present who is not a party of the case (flows.md "Intake")', () => {
    const error = refusal(
      mediating().attempt('session.recorded', { ...session, presentPartyIds: ['p1', 'p7'] }, '2026-03-09'),
    );
    expect(error).toMatchObject({ code: 'RULE_VIOLATED', rule: 'UNKNOWN_PARTY', basis: 'flows.md "Intake"' });
  });

  it('refuses a participant without a capacity, naming the field', () => {
    const c = mediating();
    const attempt = c.attempt('session.recorded', { ...session, participants: [{ name: '王五' }] }, '2026-03-09');
    expect(refusal(attempt).problems?.map((p) => p.path)).toEqual(['payload.participants[0].capacity']);
  });
});

describe('judicial confirmation of an agreement that states them (CPL-Interp Art. 353)', () => {
  it('takes the facts, responsibilities and performance with the linked agreement, in its own party ids', () => {
    const linked = peopleMediating().send('agreement.signed', FLOWS[0].agreement(CONTENTS), '2026-03-10');
    // Here 李四 is p1 and 张三 p2: the reverse of the linked case.
    const c = CaseDriver.open(
      'judicial-confirmation',
      aConfirmationIntake({
        linkedCaseId: 'case-pm-1',
        parties: [
          aParty({ name: '李四', idNumber: ID_NUMBERS.li, linkedPartyId: 'p2' }),
          aParty({ linkedPartyId: 'p1' }),
        ],
      }),
      '2026-03-16',
      { linkedCase: linked.snapshot },
    );
    expect(c.context.agreement).toMatchObject({
      facts: CONTENTS.facts,
      disputedIssues: CONTENTS.disputedIssues,
      responsibilities: [
        { partyId: 'p1', text: CONTENTS.responsibilities[0]!.text },
        { partyId: 'p2', text: CONTENTS.responsibilities[1]!.text },
      ],
      performance: CONTENTS.performance,
    });
  });
});
