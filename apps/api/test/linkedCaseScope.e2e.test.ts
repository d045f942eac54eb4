import { aParty, anIntake, DEMO, ID_NUMBERS, writtenAgreement } from './support/factories.js';
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
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload });

/** A people's mediation case whose written agreement took effect today, at `organizationId`. */
async function agreedCaseAt(organizationId: string) {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake({ organizationId })).expect(201);
  await send(body.id, 'application.accepted').expect(200);
  await send(body.id, 'mediator.assigned', {
    mediatorId: await t.mediatorAt(organizationId),
    chosenBy: 'committee',
  }).expect(200);
  await send(body.id, 'agreement.signed', writtenAgreement()).expect(200);
  return body as { id: string; caseNumber: string };
}

const confirmationOf = (linkedCaseId: string) =>
  anIntake({
    flow: 'judicial-confirmation',
    organizationId: DEMO.xuanwuCourt,
    summary: '申请司法确认调解协议',
    linkedCaseId,
    parties: [aParty({ linkedPartyId: 'p1' }), aParty({ name: '李四', idNumber: ID_NUMBERS.li, linkedPartyId: 'p2' })],
  });

async function stateOf(id: string) {
  const [row] = await t.dataSource.query(`SELECT version, links FROM cases WHERE id = $1`, [id]);
  const events = await t.dataSource.query(
    `SELECT seq, type, payload, actor FROM case_events WHERE case_id = $1 ORDER BY seq`,
    [id],
  );
  return {
    version: row.version as number,
    links: row.links as unknown[],
    events: events as { seq: number; type: string; payload: Record<string, unknown>; actor: Record<string, unknown> }[],
  };
}

/** The problem document with the case id it names taken out, to compare two refusals' shape and words. */
const withoutId = (body: Record<string, unknown>, id: string) =>
  JSON.parse(JSON.stringify(body).replaceAll(id, '<id>'));

describe('linkedCaseId outside the caller’s scope is no such case (docs/security.md "Scope")', () => {
  it('answers another district’s case as a missing one (400 on linkedCaseId), leaving it untouched', async () => {
    const elsewhere = await agreedCaseAt(DEMO.fuzimiao); // 秦淮, not the 玄武 court's district
    const before = await stateOf(elsewhere.id);
    const missingId = '6f1c2a7e-0000-4000-8000-000000000000';
    const outside = await court.post('/api/v1/cases').send(confirmationOf(elsewhere.id)).expect(400);
    const missing = await court.post('/api/v1/cases').send(confirmationOf(missingId)).expect(400);
    expect(withoutId(outside.body, elsewhere.id)).toEqual(withoutId(missing.body, missingId));
    expect(outside.body.errors).toEqual([{ field: 'linkedCaseId', message: `no case ${elsewhere.id}` }]);
    expect(JSON.stringify(outside.body)).not.toContain(elsewhere.caseNumber);
    expect(await stateOf(elsewhere.id)).toEqual(before);
  });

  it('refuses it to reception as well: a street names only cases it sees', async () => {
    const elsewhere = await agreedCaseAt(DEMO.fuzimiao);
    const reception = await t.as('reception'); // 梅园新村 street
    const response = await reception
      .post('/api/v1/cases')
      .send(anIntake({ linkedCaseId: elsewhere.id }))
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'linkedCaseId', message: `no case ${elsewhere.id}` }]);
    const own = await agreedCaseAt(DEMO.meiyuanCommittee);
    await reception
      .post('/api/v1/cases')
      .send(anIntake({ linkedCaseId: own.id }))
      .expect(201);
  });

  it('lets a basic court name a case of its district that it cannot read (CPL Art. 205; PML Art. 33)', async () => {
    const agreed = await agreedCaseAt(DEMO.meiyuanCommittee);
    await court.get(`/api/v1/cases/${agreed.id}`).expect(404);
    const { body } = await court.post('/api/v1/cases').send(confirmationOf(agreed.id)).expect(201);
    expect(body.linkedCases).toEqual([
      { id: agreed.id, caseNumber: agreed.caseNumber, flowId: 'people-mediation', relation: 'continuesFrom' },
    ]);
    // It holds the agreement it is asked to confirm, in its own party ids — not the linked case's parties or trail.
    expect(body.agreement).toMatchObject({
      terms: [expect.objectContaining({ obligorPartyId: 'p2', amount: '3000.00' })],
    });
    await court.get(`/api/v1/cases/${agreed.id}/events`).expect(404);
  });
});

describe('a link is an audited change of both cases', () => {
  it('writes case.linked in the linked case’s trail, by the new case’s opener, its version bumped', async () => {
    const agreed = await agreedCaseAt(DEMO.meiyuanCommittee);
    const before = await stateOf(agreed.id);
    const { body } = await court.post('/api/v1/cases').send(confirmationOf(agreed.id)).expect(201);
    const after = await stateOf(agreed.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.links).toEqual([
      { id: body.id, caseNumber: body.caseNumber, flowId: 'judicial-confirmation', relation: 'continuedBy' },
    ]);
    expect(after.events.at(-1)).toEqual({
      seq: after.version,
      type: 'case.linked',
      payload: {
        linkedCaseId: body.id,
        caseNumber: body.caseNumber,
        flowId: 'judicial-confirmation',
        relation: 'continuedBy',
      },
      actor: expect.objectContaining({ userId: '00000000-0000-4000-8000-0000000000a4', role: 'court' }),
    });
    // The linked case's readers see it in the trail, and its version (ETag) moved on.
    const { body: trail } = await t.http.get(`/api/v1/cases/${agreed.id}/events`).expect(200);
    expect(trail.items.at(-1)).toMatchObject({ type: 'case.linked', version: after.version });
    const stale = await send(agreed.id, 'performance.confirmed').set('If-Match', `"${before.version}"`).expect(412);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    // The flow still drives the case: the host event changed neither its state nor what it accepts.
    await send(agreed.id, 'performance.confirmed').expect(200);
  });

  it('writes neither the link nor the event when the opening is refused (one transaction)', async () => {
    const { body: pending } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    const before = await stateOf(pending.id);
    // No agreement to confirm yet: 422, and the linked case is as it was.
    await court.post('/api/v1/cases').send(confirmationOf(pending.id)).expect(422);
    expect(await stateOf(pending.id)).toEqual(before);
  });

  it('lands the link even while the linked case changes under it (the version guard retries)', async () => {
    const agreed = await agreedCaseAt(DEMO.meiyuanCommittee);
    const supervisor = await t.as('city-supervisor');
    const churn = (async () => {
      for (let i = 0; i < 3; i++) {
        await supervisor
          .post(`/api/v1/cases/${agreed.id}/events`)
          .send({ type: 'case.supervised', payload: { instructions: `第${i + 1}次督办`, dueOn: '2026-03-09' } })
          .expect(200);
        await send(agreed.id, 'supervision.answered', { note: `第${i + 1}次反馈` }).expect(200);
      }
    })();
    const opened = await court.post('/api/v1/cases').send(confirmationOf(agreed.id));
    await churn;
    expect(opened.status).toBe(201);
    const after = await stateOf(agreed.id);
    expect(after.events.map((e) => e.seq)).toEqual(after.events.map((_, i) => i + 1));
    expect(after.events.filter((e) => e.type === 'case.linked')).toHaveLength(1);
  });
});
