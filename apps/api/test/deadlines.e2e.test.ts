import { DeadlineScheduler } from '../src/deadlines/deadlineScheduler.js';
import { OutboxDispatcher } from '../src/notifications/outboxDispatcher.js';
import { NotificationSender, type OutboxMessage } from '../src/notifications/notificationSender.js';
import { anIntake, DEMO, writtenAgreement, DEMO_MEDIATOR } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

const at = (instant: string) => new Date(instant);

class FlakySender extends NotificationSender {
  delivered: OutboxMessage[] = [];
  down = true;
  async send(message: OutboxMessage): Promise<void> {
    if (this.down) throw new Error('SMS gateway unreachable');
    this.delivered.push(message);
  }
}

let t: TestApp;
let sender: FlakySender;
beforeEach(async () => {
  sender = new FlakySender();
  t = await startTestApp({ sender });
});
afterEach(async () => {
  await t.close();
});

const scheduler = (app: TestApp = t) => app.app.get(DeadlineScheduler);
const send = (id: string, type: string, payload: Record<string, unknown> = {}, app: TestApp = t) =>
  app.http.post(`/api/v1/cases/${id}/events`).send({ type, payload });
const events = async (id: string) =>
  (await t.dataSource.query('SELECT seq, type, actor, meta FROM case_events WHERE case_id = $1 ORDER BY seq', [
    id,
  ])) as {
    seq: number;
    type: string;
    actor: { role: string };
    meta: { late: boolean; lagMs: number; dueOn: string } | null;
  }[];

async function acceptedCase(overrides: Record<string, unknown> = {}): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake(overrides)).expect(201);
  await send(body.id, 'application.accepted').expect(200);
  return body.id;
}

describe('durable deadlines', () => {
  it('fires a due deadline once, through the runner, the day after its last day (MoJ-2002 Art. 33)', async () => {
    const id = await acceptedCase(); // mediationPeriod: last day 2026-04-02
    t.clock.set(at('2026-04-02T23:59:00+08:00'));
    expect((await scheduler().runOnce()).fired).toBe(0);
    t.clock.set(at('2026-04-03T00:00:05+08:00'));
    expect((await scheduler().runOnce()).fired).toBe(1);
    expect((await scheduler().runOnce()).fired).toBe(0);
    const log = await events(id);
    expect(log.at(-1)).toMatchObject({
      type: 'deadline.expired',
      actor: { role: 'engine' },
      meta: { dueOn: '2026-04-02', late: false, lagMs: 5000 },
    });
    const { body } = await t.http.get(`/api/v1/cases/${id}`).expect(200);
    expect(body).toMatchObject({ state: 'terminated', outcome: { reason: 'expired' }, deadlines: [] });
  });

  it('fires each deadline once when two schedulers share the database', async () => {
    const other = await startTestApp({ databaseUrl: t.databaseUrl, clock: t.clock });
    try {
      const ids = await Promise.all(Array.from({ length: 30 }, () => acceptedCase()));
      t.clock.set(at('2026-04-03T00:00:01+08:00'));
      const [a, b] = await Promise.all([scheduler().runOnce(), scheduler(other).runOnce()]);
      expect(a.fired + b.fired).toBe(30);
      for (const id of ids) expect((await events(id)).filter((e) => e.type === 'deadline.expired')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('fires on restart what fell due while the service was down, and records it as late', async () => {
    const id = await acceptedCase();
    t.clock.set(at('2026-04-05T09:00:00+08:00'));
    t = await t.restart();
    expect((await scheduler().runOnce()).fired).toBe(1);
    const expired = (await events(id)).at(-1)!;
    expect(expired).toMatchObject({ type: 'deadline.expired', meta: { late: true, dueOn: '2026-04-02' } });
    expect(expired.meta!.lagMs).toBe((2 * 24 + 9) * 3600_000);
  });

  it('never fires a deadline the case has left behind (an agreement ended the mediation period)', async () => {
    const id = await acceptedCase();
    await send(id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' }).expect(200);
    t.clock.set(at('2026-03-20T10:00:00+08:00'));
    await send(id, 'agreement.signed', writtenAgreement()).expect(200); // its confirmation window runs to 19 Apr
    t.clock.set(at('2026-04-03T08:00:00+08:00'));
    const pass = await scheduler().runOnce();
    expect(pass.fired).toBe(0);
    expect((await events(id)).map((e) => e.type)).not.toContain('deadline.expired');
  });

  it('cancels a timer row that no longer matches its case instead of firing it', async () => {
    const id = await acceptedCase();
    await t.dataSource.query(`UPDATE deadlines SET kind = 'ghostPeriod' WHERE case_id = $1`, [id]);
    t.clock.set(at('2026-04-03T08:00:00+08:00'));
    expect(await scheduler().runOnce()).toMatchObject({ fired: 0, cancelled: 1 });
    expect(await t.dataSource.query(`SELECT kind FROM deadlines WHERE case_id = $1`, [id])).toEqual([]);
  });

  it('moves the timer with a paused appraisal and recounts across Golden Week (MDR Art. 38)', async () => {
    t.clock.set(at('2026-09-07T10:00:00+08:00'));
    const { body } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ category: 'medical' }))
      .expect(201);
    await send(body.id, 'application.accepted', { otherSideConsented: true }).expect(200);
    await send(body.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' }).expect(200);
    t.clock.set(at('2026-09-18T10:00:00+08:00'));
    await send(body.id, 'appraisal.started').expect(200);
    expect(await t.dataSource.query(`SELECT status, due_on FROM deadlines WHERE case_id = $1`, [body.id])).toEqual([
      { status: 'paused', due_on: null },
    ]);
    t.clock.set(at('2026-10-20T10:00:00+08:00')); // past the original last day (19 Oct): nothing fires while paused
    expect((await scheduler().runOnce()).fired).toBe(0);
    t.clock.set(at('2026-10-12T10:00:00+08:00'));
    await send(body.id, 'appraisal.completed').expect(200);
    expect(await t.dataSource.query(`SELECT status, due_on FROM deadlines WHERE case_id = $1`, [body.id])).toEqual([
      { status: 'running', due_on: '2026-11-10' },
    ]);
  });

  it('sends the reminder 3 working days before the last day, once', async () => {
    const id = await acceptedCase(); // last day Thu 2 Apr; reminder Mon 30 Mar
    t.clock.set(at('2026-03-30T08:00:00+08:00'));
    expect((await scheduler().runOnce()).reminded).toBe(1);
    expect((await scheduler().runOnce()).reminded).toBe(0);
    const rows = await t.dataSource.query(
      `SELECT kind, payload FROM outbox WHERE case_id = $1 AND kind = 'deadline.reminder'`,
      [id],
    );
    expect(rows).toEqual([
      {
        kind: 'deadline.reminder',
        payload: expect.objectContaining({ deadline: 'mediationPeriod', dueOn: '2026-04-02' }),
      },
    ]);
  });

  it('lists the week’s work: deadlines due by a day in an organisation’s subtree', async () => {
    const id = await acceptedCase();
    const { body } = await t.http
      .get('/api/v1/deadlines')
      .query({ dueBefore: '2026-04-05', organizationId: DEMO.xuanwu, kind: 'mediationPeriod' })
      .expect(200);
    expect(body.items).toContainEqual(
      expect.objectContaining({ caseId: id, kind: 'mediationPeriod', dueOn: '2026-04-02', sort: 'limit' }),
    );
    const elsewhere = await t.http.get('/api/v1/deadlines').query({ organizationId: DEMO.qinhuai }).expect(200);
    expect(elsewhere.body.items.map((d: { caseId: string }) => d.caseId)).not.toContain(id);
    await t.http.get('/api/v1/deadlines').query({ dueBefore: '2026-02-30' }).expect(400);
  });
});

describe('the three-level centres', () => {
  it('escalates a case past its street-level target to the district by itself, in the event log', async () => {
    const { body } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: DEMO.meiyuan }))
      .expect(201);
    expect(body.deadlines).toContainEqual(
      expect.objectContaining({
        kind: 'resolutionTarget',
        dueOn: '2026-03-23',
        basis: 'centre policy: street level (cfg)',
      }),
    );
    t.clock.set(at('2026-03-24T00:01:00+08:00'));
    await scheduler().runOnce();
    const { body: after } = await t.http.get(`/api/v1/cases/${body.id}`).expect(200);
    expect(after.organizationId).toBe(DEMO.xuanwu);
    expect(after.deadlines).toContainEqual(
      expect.objectContaining({
        kind: 'resolutionTarget',
        dueOn: '2026-04-23',
        basis: 'centre policy: district level (cfg)',
      }),
    );
    expect((await events(body.id)).slice(-2).map((e) => [e.type, e.actor.role])).toEqual([
      ['deadline.expired', 'engine'],
      ['case.escalated', 'engine'],
    ]);
  });

  it('marks a district case past its target overdue without escalating it', async () => {
    const { body } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: DEMO.xuanwu }))
      .expect(201);
    t.clock.set(at('2026-04-02T00:01:00+08:00'));
    await scheduler().runOnce();
    const { body: after } = await t.http.get(`/api/v1/cases/${body.id}`).expect(200);
    expect(after).toMatchObject({ organizationId: DEMO.xuanwu, overdue: true });
    const overdue = await t.http.get('/api/v1/cases').query({ overdue: true }).expect(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(body.id);
  });

  it('reports a red-risk case to the city centre at once', async () => {
    const { body } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: DEMO.meiyuan, riskLevel: 'red' }))
      .expect(201);
    const rows = await t.dataSource.query(`SELECT recipient FROM outbox WHERE case_id = $1 AND kind = 'risk.red'`, [
      body.id,
    ]);
    expect(rows).toEqual([{ recipient: { type: 'organization', organizationId: DEMO.city } }]);
  });

  it('refuses to escalate downward, to a street (422 ESCALATION_ONLY_UPWARD)', async () => {
    const { body } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: DEMO.xuanwu }))
      .expect(201);
    const response = await send(body.id, 'case.escalated', { toOrganizationId: DEMO.meiyuan, reason: '下放' }).expect(
      422,
    );
    expect(response.body.rule).toBe('ESCALATION_ONLY_UPWARD');
  });
});

describe('notifications', () => {
  it('writes them in the same transaction as the event, and delivers each once after a sender outage', async () => {
    const id = await acceptedCase();
    const written = await t.dataSource.query(`SELECT kind FROM outbox WHERE case_id = $1 ORDER BY id`, [id]);
    expect(written).toEqual([{ kind: 'document.acceptanceNotice' }]);
    const dispatcher = t.app.get(OutboxDispatcher);
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, failed: 1 });
    const [pending] = await t.dataSource.query(
      `SELECT attempts, available_at, last_error, delivered_at FROM outbox WHERE case_id = $1`,
      [id],
    );
    expect(pending).toMatchObject({ attempts: 1, last_error: 'SMS gateway unreachable', delivered_at: null });
    expect(pending.available_at.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, failed: 0 }); // backing off
    sender.down = false;
    t.clock.set(new Date(t.clock.now().getTime() + 10 * 60_000));
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 1, failed: 0 });
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, failed: 0 });
    expect(sender.delivered.map((m) => m.kind)).toEqual(['document.acceptanceNotice']);
  });

  it('writes none when the event is refused', async () => {
    const id = await acceptedCase();
    await send(id, 'agreement.signed', writtenAgreement()).expect(409);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE case_id = $1`, [id])).toEqual([
      { n: 1 },
    ]);
  });
});
