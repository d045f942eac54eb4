import { getFlow, intakeSpec, validateObject, validatorOf } from '@jiefen/flows';
import { aParty, anIntake, DEMO_MEDIATOR } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

/**
 * Lengths are counted in characters as a person counts them (Unicode code points), by the flows
 * library's schema, which is the only validator of a payload: '𠮷' (U+20BB7, CJK Extension B,
 * found in real names) is one character, though JavaScript's `length` says two. The HTTP answer is
 * the library's, word for word.
 */
const JI = '𠮷';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const libraryProblems = (intake: Record<string, unknown>) => {
  const { flow, ...fields } = intake;
  return validateObject(intakeSpec(getFlow(String(flow)).intake), fields).map((p) => ({
    field: p.path,
    message: p.message,
  }));
};

describe('character counting through HTTP', () => {
  it(`accepts a party name of 200 '${JI}' (its maxLength; 400 UTF-16 units), as the library does`, async () => {
    const intake = anIntake({
      parties: [
        aParty({ name: JI.repeat(200) }),
        aParty({ role: 'respondent', name: `${JI}${JI}${JI}${JI}`, idNumber: undefined }),
      ],
    });
    expect(libraryProblems(intake)).toEqual([]);
    const response = await t.http.post('/api/v1/cases').send(intake).expect(201);
    expect(response.body.parties.map((p: { name: string }) => p.name)).toEqual([JI.repeat(200), JI.repeat(4)]);
  });

  it(`refuses 201 of them with the library’s own message and field`, async () => {
    const intake = anIntake({ parties: [aParty({ name: JI.repeat(201) })] });
    const expected = [{ field: 'parties[0].name', message: 'must have at most 200 characters' }];
    expect(libraryProblems(intake)).toEqual(expected);
    const response = await t.http.post('/api/v1/cases').send(intake).expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: expected });
  });

  it(`counts event text alike: 2000 × '${JI}' as summary is recorded, 2001 refused at payload.summary`, async () => {
    const opened = (await t.http.post('/api/v1/cases').send(anIntake()).expect(201)).body as { id: string };
    const send = (type: string, payload: Record<string, unknown>) =>
      t.http.post(`/api/v1/cases/${opened.id}/events`).send({ type, payload });
    await send('application.accepted', {}).expect(200);
    await send('mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' }).expect(200);
    const refused = await send('session.recorded', { heldOn: '2026-03-02', summary: JI.repeat(2001) }).expect(400);
    const payload = { heldOn: '2026-03-02', summary: JI.repeat(2001) };
    const library = validateObject(getFlow('people-mediation').events['session.recorded']!.payload, payload, 'payload');
    expect(refused.body.errors).toEqual(library.map((p) => ({ field: p.path, message: p.message })));
    expect(refused.body.errors).toEqual([{ field: 'payload.summary', message: 'must have at most 2000 characters' }]);
    await send('session.recorded', { heldOn: '2026-03-02', summary: JI.repeat(2000) }).expect(200);
  });
});

describe('one validation per request', () => {
  /**
   * Counts the calls of a schema's compiled check (the validator is kept with the schema, so the service uses this
   * one).
   */
  const counting = (schema: Parameters<typeof validatorOf>[0]) => {
    const validator = validatorOf(schema);
    const check = validator.Check.bind(validator);
    let calls = 0;
    validator.Check = ((value: unknown) => {
      calls++;
      return check(value);
    }) as typeof validator.Check;
    return { calls: () => calls, restore: () => (validator.Check = check as typeof validator.Check) };
  };

  it('checks an intake once: the service before reading the organisation; startCase trusts it', async () => {
    const counter = counting(intakeSpec(getFlow('people-mediation').intake));
    try {
      await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
      expect(counter.calls()).toBe(1);
    } finally {
      counter.restore();
    }
  });

  it('checks an event payload once, though both the service and sendEvent ask', async () => {
    const opened = (await t.http.post('/api/v1/cases').send(anIntake()).expect(201)).body as { id: string };
    const send = (type: string, payload: Record<string, unknown>) =>
      t.http.post(`/api/v1/cases/${opened.id}/events`).send({ type, payload });
    await send('application.accepted', {}).expect(200);
    await send('mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' }).expect(200);
    const counter = counting(getFlow('people-mediation').events['session.recorded']!.payload);
    try {
      await send('session.recorded', { heldOn: '2026-03-02', summary: '双方到场陈述' }).expect(200);
      expect(counter.calls()).toBe(1);
    } finally {
      counter.restore();
    }
  });
});
