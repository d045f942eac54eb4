import {
  characterCount,
  field,
  getFlow,
  intakeSpec,
  sendEvent,
  SESSION_PAYLOAD,
  startCase,
  validateObject,
  validatorOf,
  type CentreEvent,
  type PartyInput,
  type SessionPayload,
  type Static,
} from '../src/index.js';
import { anIntake } from './support/factories.js';

/** U+20BB7, CJK Unified Ideographs Extension B: one character, two UTF-16 units (found in real names). */
const JI = '𠮷';

describe('characters are counted as a person counts them: code points', () => {
  const four = field.object({ name: field.text({ maxLength: 4 }) });

  it(`accepts '${JI.repeat(4)}' against maxLength 4 (eight UTF-16 units, four characters)`, () => {
    expect(JI.repeat(4)).toHaveLength(8);
    expect(characterCount(JI.repeat(4))).toBe(4);
    expect(validateObject(four, { name: JI.repeat(4) })).toEqual([]);
  });

  it(`refuses five of them, saying how many characters the field holds`, () => {
    expect(validateObject(four, { name: JI.repeat(5) })).toEqual([
      { path: 'name', message: 'must have at most 4 characters' },
    ]);
  });

  it('counts with the same function the validator counts with, at every length around the bound', () => {
    for (const text of [
      '',
      'a',
      '张三',
      `${JI}a`,
      JI.repeat(3) + 'ab',
      'abcd',
      'abcde',
      `${JI}${JI}${JI}${JI}`,
      `e\u0301${JI}${JI}`,
    ]) {
      expect([text, validateObject(four, { name: text }).length === 0]).toEqual([
        text,
        characterCount(text) >= 1 && characterCount(text) <= 4,
      ]);
    }
  });

  it('counts minLength the same way: one Extension B character is not empty, nor two characters short', () => {
    const two = field.object({ name: field.text({ minLength: 2, maxLength: 10 }) });
    expect(validateObject(two, { name: JI })).toEqual([{ path: 'name', message: 'must have at least 2 characters' }]);
    expect(validateObject(two, { name: JI + JI })).toEqual([]);
  });

  it('opens a case for a party whose 200-character name is written in Extension B (400 UTF-16 units)', () => {
    const parties = [{ role: 'applicant', kind: 'person', name: JI.repeat(200) }];
    expect(() => startCase('people-mediation', anIntake({ parties }), { today: '2026-03-02' })).not.toThrow();
    const tooLong = [{ role: 'applicant', kind: 'person', name: JI.repeat(201) }];
    expect(() => startCase('people-mediation', anIntake({ parties: tooLong }), { today: '2026-03-02' })).toThrow(
      'parties[0].name must have at most 200 characters',
    );
  });
});

describe('named formats', () => {
  const identified = field.object({
    idNumber: field.optional(field.text({ maxLength: 18, format: 'idNumber' })),
    creditCode: field.optional(field.text({ maxLength: 18, format: 'creditCode' })),
    phone: field.optional(field.text({ maxLength: 20, format: 'phone' })),
  });

  it('idNumber: accepts a resident ID whose GB 11643 (ISO 7064 MOD 11-2) check character matches, X included', () => {
    expect(validateObject(identified, { idNumber: '11010519491231002X' })).toEqual([]);
    expect(validateObject(identified, { idNumber: '32010619850312123X' })).toEqual([]);
  });

  it('idNumber: refuses a wrong GB 11643 check character, an impossible birth date, a lower-case x', () => {
    const message = 'is not a valid resident ID number (18 characters, GB 11643 check digit)';
    for (const idNumber of ['110105194912310021', '110105194902301234', '11010519491231002x', '1101051949123100']) {
      expect([idNumber, validateObject(identified, { idNumber })]).toEqual([idNumber, [{ path: 'idNumber', message }]]);
    }
  });

  it('creditCode: accepts a unified social credit code whose GB 32100 (MOD 31) check character matches', () => {
    expect(validateObject(identified, { creditCode: '91320102MA1P6TQY08' })).toEqual([]);
    expect(validateObject(identified, { creditCode: '91110000100000000R' })).toEqual([]);
  });

  it('creditCode: refuses a wrong GB 32100 check character and letters outside its alphabet (I, O, S, V, Z)', () => {
    const message = 'is not a valid unified social credit code (18 characters, GB 32100 check digit)';
    for (const creditCode of ['91320102MA1P6TQY09', '91320102MA1P6TQYO8', '9132010']) {
      expect([creditCode, validateObject(identified, { creditCode })]).toEqual([
        creditCode,
        [{ path: 'creditCode', message }],
      ]);
    }
  });

  it('phone: digits, spaces and dashes, an optional leading +', () => {
    expect(validateObject(identified, { phone: '+86 138-0013-8000' })).toEqual([]);
    expect(validateObject(identified, { phone: '电话' })).toEqual([
      { path: 'phone', message: 'is not a phone number' },
    ]);
  });

  it('date: legal-time’s calendar date, a leap day only in a leap year', () => {
    const dated = field.object({ on: field.date() });
    expect(validateObject(dated, { on: '2028-02-29' })).toEqual([]);
    expect(validateObject(dated, { on: '2026-02-29' })).toEqual([
      { path: 'on', message: 'must be a real calendar date written YYYY-MM-DD' },
    ]);
  });
});

describe('one schema object per payload', () => {
  it('is plain JSON Schema: JSON of it keeps every keyword and drops TypeBox’s markers', () => {
    expect(JSON.parse(JSON.stringify(SESSION_PAYLOAD))).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['heldOn', 'summary'],
      properties: {
        heldOn: { type: 'string', format: 'date' },
        summary: { type: 'string', minLength: 1, maxLength: 2000 },
        place: { type: 'string', minLength: 1, maxLength: 200, description: '地点' },
        presentPartyIds: {
          type: 'array',
          items: { type: 'string', minLength: 1, maxLength: 64 },
          minItems: 1,
          maxItems: 100,
          description: '到场的当事人: parties of the case present',
        },
        participants: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'capacity'],
            properties: {
              name: { type: 'string', minLength: 1, maxLength: 200 },
              capacity: {
                type: 'string',
                minLength: 1,
                maxLength: 100,
                description: '身份, e.g. 当事人亲属, 邻里, 特邀专家 (PML Art. 20)',
              },
            },
          },
          minItems: 1,
          maxItems: 100,
          description: '参加人: others who took part (PML Art. 20), not the mediator or the parties',
        },
      },
    });
  });

  it('is compiled once: the validator is kept with the schema, and a flow’s intake is one schema object', () => {
    expect(validatorOf(SESSION_PAYLOAD)).toBe(validatorOf(SESSION_PAYLOAD));
    expect(validatorOf(SESSION_PAYLOAD).IsAccelerated()).toBe(true);
    const flow = getFlow('people-mediation');
    expect(intakeSpec(flow.intake)).toBe(intakeSpec(flow.intake));
  });

  it('refuses null for an optional field: a field left out is absent, not null', () => {
    const opened = startCase('people-mediation', anIntake(), { today: '2026-03-02' }).snapshot;
    expect(() =>
      sendEvent(opened, { type: 'application.accepted', payload: { acceptedOn: null } }, { today: '2026-03-02' }),
    ).toThrow('payload.acceptedOn must be a real calendar date written YYYY-MM-DD');
  });

  it('gives the payload’s TypeScript type (Static), checked by the compiler', () => {
    const session: SessionPayload = { heldOn: '2026-03-02', summary: '双方到场' };
    const same: Static<typeof SESSION_PAYLOAD> = session;
    // @ts-expect-error summary is required
    const incomplete: SessionPayload = { heldOn: '2026-03-02' };
    const party: PartyInput = { role: 'applicant', kind: 'person', name: '张三' };
    // @ts-expect-error not a party role
    const wrongRole: PartyInput = { role: 'judge', kind: 'person', name: '张三' };
    const escalated: CentreEvent = { type: 'case.escalated', payload: { toOrganizationId: 'org-1', reason: '超时' } };
    // @ts-expect-error case.supervised takes instructions and dueOn
    const wrongPayload: CentreEvent = { type: 'case.supervised', payload: { note: 'x' } };
    expect([same, incomplete, party, wrongRole, escalated, wrongPayload]).toHaveLength(6);
  });
});
