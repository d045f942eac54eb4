import { anIntake, DEMO_MEDIATOR } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;
let second: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // A second service instance on the same database: races between instances hit the SQL version guard.
  second = await startTestApp({ databaseUrl: t.databaseUrl, clock: t.clock });
});
afterAll(async () => {
  await second.close();
  await t.close();
});

async function mediatingCase(): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  await t.http.post(`/api/v1/cases/${body.id}/events`).send({ type: 'application.accepted' }).expect(200);
  await t.http
    .post(`/api/v1/cases/${body.id}/events`)
    .send({ type: 'mediator.assigned', payload: { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' } })
    .expect(200);
  return body.id;
}

const session = (i: number) => ({
  type: 'session.recorded',
  payload: { heldOn: '2026-03-02', summary: `第${i}次调解` },
});

async function eventLog(caseId: string): Promise<{ seq: number; type: string; payload: { summary?: string } }[]> {
  return t.dataSource.query('SELECT seq, type, payload FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId]);
}

describe('concurrent events on one case', () => {
  it('lets exactly one of twenty requests with the same If-Match win; the rest get 412 and write nothing', async () => {
    const id = await mediatingCase();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? second : t).http.post(`/api/v1/cases/${id}/events`).set('If-Match', '"3"').send(session(i)),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    expect(responses.find((r) => r.status === 412)!.body.code).toBe('VERSION_CONFLICT');
    const log = await eventLog(id);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    const [{ version }] = await t.dataSource.query('SELECT version FROM cases WHERE id = $1', [id]);
    expect(version).toBe(4);
  });

  it('lands each of twenty requests without If-Match exactly once, across two instances, with no gaps', async () => {
    const id = await mediatingCase();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? second : t).http.post(`/api/v1/cases/${id}/events`).send(session(i)),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const log = await eventLog(id);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const summaries = log
      .slice(3)
      .map((e) => e.payload.summary)
      .sort();
    expect(summaries).toEqual(Array.from({ length: 20 }, (_, i) => `第${i}次调解`).sort());
    const versions = responses.map((r) => r.body.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
    const { body } = await t.http.get(`/api/v1/cases/${id}`).expect(200);
    expect(body.records.sessions).toHaveLength(20);
  });
});

describe('Idempotency-Key', () => {
  it('returns the first answer to a retry and writes nothing new', async () => {
    const id = await mediatingCase();
    const first = await t.http
      .post(`/api/v1/cases/${id}/events`)
      .set('Idempotency-Key', 'retry-1')
      .send(session(1))
      .expect(200);
    const retry = await second.http
      .post(`/api/v1/cases/${id}/events`)
      .set('Idempotency-Key', 'retry-1')
      .send(session(1))
      .expect(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await eventLog(id)).toHaveLength(4);
  });

  it('lands ten concurrent retries with one key once', async () => {
    const id = await mediatingCase();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? second : t).http.post(`/api/v1/cases/${id}/events`).set('Idempotency-Key', 'burst').send(session(7)),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => r.body.version))).toEqual(new Set([4]));
    expect(await eventLog(id)).toHaveLength(4);
  });

  it('refuses the same key for a different event with 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const id = await mediatingCase();
    await t.http.post(`/api/v1/cases/${id}/events`).set('Idempotency-Key', 'k').send(session(1)).expect(200);
    const reused = await t.http
      .post(`/api/v1/cases/${id}/events`)
      .set('Idempotency-Key', 'k')
      .send(session(2))
      .expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await eventLog(id)).toHaveLength(4);
  });

  it('records nothing under the key when the event is refused, so a corrected retry can use it', async () => {
    const id = await mediatingCase();
    await t.http
      .post(`/api/v1/cases/${id}/events`)
      .set('Idempotency-Key', 'fix')
      .send({ type: 'session.recorded', payload: { heldOn: '2026-02-30', summary: 'x' } })
      .expect(400);
    await t.http.post(`/api/v1/cases/${id}/events`).set('Idempotency-Key', 'fix').send(session(1)).expect(200);
  });
});
