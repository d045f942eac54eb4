import { anIntake, DEMO, writtenAgreement } from './support/factories.js';
import { startTestApp, type Client, type TestApp } from './support/testApp.js';

let t: TestApp;
let court: Client;
beforeAll(async () => {
  t = await startTestApp();
  court = await t.as('court'); // the 玄武 basic court
});
afterAll(async () => {
  await t.close();
});

const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload }).expect(200);

async function agreedCaseAt(organizationId: string) {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake({ organizationId })).expect(201);
  await send(body.id, 'application.accepted');
  await send(body.id, 'mediator.assigned', { mediatorId: await t.mediatorAt(organizationId), chosenBy: 'committee' });
  await send(body.id, 'agreement.signed', writtenAgreement());
  return body as { id: string; caseNumber: string };
}

const lookUp = (client: Client, caseNumber: string) =>
  client.get(`/api/v1/linkable-cases?caseNumber=${encodeURIComponent(caseNumber)}`);

describe('GET /linkable-cases: the case a judicial confirmation continues from, by its number', () => {
  it('finds its district’s unreadable case by party name, agreement masked (CPL Art. 205; PML Art. 33)', async () => {
    const agreed = await agreedCaseAt(DEMO.meiyuanCommittee);
    await court.get(`/api/v1/cases/${agreed.id}`).expect(404);
    const { body } = await lookUp(court, agreed.caseNumber).expect(200);
    expect(body).toMatchObject({
      id: agreed.id,
      caseNumber: agreed.caseNumber,
      flowId: 'people-mediation',
      state: 'agreementEffective',
      category: 'neighbour',
    });
    expect(body.parties).toEqual([
      { id: 'p1', role: 'applicant', kind: 'person', name: '张三' },
      { id: 'p2', role: 'respondent', kind: 'person', name: '李四' },
    ]);
    expect(body.agreement).toMatchObject({
      form: 'written',
      boundPartyIds: ['p1', 'p2'],
      terms: [{ obligorPartyId: 'p2', description: '承担维修费用', amount: '3000.00', dueOn: '2026-04-30' }],
    });
    // Names only: no ID number or phone leaves through the lookup.
    expect(JSON.stringify(body)).not.toMatch(/11010519491231002X|1380013800/);
  });

  it('answers a case of another district as a missing number (404), so its existence does not leak', async () => {
    const elsewhere = await agreedCaseAt(DEMO.fuzimiao); // 秦淮, not the 玄武 court's district
    const outside = await lookUp(court, elsewhere.caseNumber).expect(404);
    const missing = await lookUp(court, '（2026）玄梅人调字第99999号').expect(404);
    expect(outside.body.code).toBe('CASE_NOT_FOUND');
    expect(Object.keys(outside.body).sort()).toEqual(Object.keys(missing.body).sort());
    expect(JSON.stringify(outside.body)).not.toContain(elsewhere.id);
  });

  it('gives reception only the cases it sees, and refuses a query without a number (400 with the field)', async () => {
    const elsewhere = await agreedCaseAt(DEMO.fuzimiao);
    const reception = await t.as('reception'); // 梅园新村 street
    await lookUp(reception, elsewhere.caseNumber).expect(404);
    const own = await agreedCaseAt(DEMO.meiyuanCommittee);
    await lookUp(reception, own.caseNumber).expect(200);
    const bad = await court.get('/api/v1/linkable-cases').expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('caseNumber');
  });
});
