import { anIntake, writtenAgreement, DEMO_MEDIATOR } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;
afterAll(async () => {
  await t.close();
});

it('keeps a journey across a restart of the service: nothing lost, the deadline still there', async () => {
  t = await startTestApp();
  const { body: opened } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  await t.http.post(`/api/v1/cases/${opened.id}/events`).send({ type: 'application.accepted' }).expect(200);
  await t.http
    .post(`/api/v1/cases/${opened.id}/events`)
    .send({ type: 'mediator.assigned', payload: { mediatorId: DEMO_MEDIATOR, chosenBy: 'parties' } })
    .expect(200);
  const before = await t.http.get(`/api/v1/cases/${opened.id}`).expect(200);

  t = await t.restart();

  const after = await t.http.get(`/api/v1/cases/${opened.id}`).expect(200);
  expect(after.body).toEqual(before.body);
  await t.http
    .post(`/api/v1/cases/${opened.id}/events`)
    .set('If-Match', '"3"')
    .send({ type: 'agreement.signed', payload: writtenAgreement() })
    .expect(200);
  const { body: events } = await t.http.get(`/api/v1/cases/${opened.id}/events`).expect(200);
  expect(events.items.map((e: { type: string }) => e.type)).toEqual([
    'case.opened',
    'application.accepted',
    'mediator.assigned',
    'agreement.signed',
  ]);
  const { body: next } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  expect(Number(next.caseNumber.slice(-6, -1))).toBe(Number(opened.caseNumber.slice(-6, -1)) + 1);
});
