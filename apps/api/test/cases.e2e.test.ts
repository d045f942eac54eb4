import { aParty, anIntake, DEMO, ID_NUMBERS, writtenAgreement, DEMO_MEDIATOR } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function openCase(overrides: Record<string, unknown> = {}) {
  const response = await t.http.post('/api/v1/cases').send(anIntake(overrides)).expect(201);
  return response.body as { id: string; version: number; caseNumber: string };
}

const send = (id: string, type: string, payload: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).set(headers).send({ type, payload });

async function mediatingCase() {
  const c = await openCase();
  await send(c.id, 'application.accepted').expect(200);
  await send(c.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' }).expect(200);
  return c;
}

describe('POST /api/v1/cases', () => {
  it('opens a case: 201 with Location, ETag "1" and a case number per organisation and year', async () => {
    const response = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    expect(response.headers.location).toBe(`/api/v1/cases/${response.body.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body).toMatchObject({
      version: 1,
      state: 'pendingAcceptance',
      status: 'open',
      flow: { id: 'people-mediation', version: 1 },
    });
    expect(response.body.caseNumber).toMatch(/^（2026）玄梅人调字第\d{5}号$/);
    const next = await openCase();
    expect(Number(next.caseNumber.slice(-6, -1))).toBe(Number(response.body.caseNumber.slice(-6, -1)) + 1);
  });

  it('masks ID numbers and phones of the parties', async () => {
    const response = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    expect(response.body.parties[0]).toMatchObject({
      id: 'p1',
      name: '张三',
      idNumber: '110105********002X',
      phone: '138****8000',
    });
    expect(JSON.stringify(response.body)).not.toContain(ID_NUMBERS.zhang);
  });

  it.each([
    ['an unknown flow', { flow: 'arbitration' }, 'flow'],
    ['a wrong type', { summary: 42 }, 'summary'],
    ['an impossible date', { receivedOn: '2026-02-30' }, 'receivedOn'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    [
      'an ID number with a wrong check digit',
      { parties: [aParty({ idNumber: '110105194912310021' })] },
      'parties[0].idNumber',
    ],
    ['an unknown organisation', { organizationId: '00000000-0000-4000-8000-00000000ffff' }, 'organizationId'],
    ['an amount that is not a decimal', { amount: '12,000' }, 'amount'],
  ])('refuses %s with 400 naming the field', async (_what, overrides, field) => {
    const response = await t.http.post('/api/v1/cases').send(anIntake(overrides)).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('names every bad field at once', async () => {
    const response = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ summary: '', channel: 'pigeon', riskLevel: 'purple' }))
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'channel',
      'riskLevel',
      'summary',
    ]);
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const response = await t.http
      .post('/api/v1/cases')
      .set('content-type', 'application/json')
      .send('{"flow": "people-mediation",')
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a 1 MB string with 413 and writes nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM cases');
    const response = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ summary: 'x'.repeat(1024 * 1024) }))
      .expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM cases')).toEqual(before);
  });

  it('refuses a summary longer than 2000 characters with 400', async () => {
    const response = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ summary: '纠'.repeat(2001) }))
      .expect(400);
    expect(response.body.errors[0].field).toBe('summary');
  });
});

describe('GET /api/v1/cases/:id', () => {
  it('shows state, status, deadlines, allowed events and parties', async () => {
    const c = await openCase();
    await send(c.id, 'application.accepted').expect(200);
    const response = await t.http.get(`/api/v1/cases/${c.id}`).expect(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.body).toMatchObject({
      state: 'awaitingMediator',
      status: 'open',
      acceptedOn: '2026-03-02',
      deadlines: [
        { kind: 'mediationPeriod', sort: 'limit', dueOn: '2026-04-02', basis: 'MoJ-2002 Art. 33', status: 'running' },
      ],
    });
    expect(response.body.allowedEvents).toContain('mediator.assigned');
  });

  it('answers 404 CASE_NOT_FOUND for an unknown case and 400 for an invalid UUID', async () => {
    const missing = await t.http.get('/api/v1/cases/6f1c2a7e-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.code).toBe('CASE_NOT_FOUND');
    const invalid = await t.http.get('/api/v1/cases/not-a-uuid').expect(400);
    expect(invalid.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'id', message: 'must be a UUID' }],
    });
  });
});

describe('POST /api/v1/cases/:id/events', () => {
  it('runs the people’s mediation journey to a performed agreement, with the audit trail in order', async () => {
    const c = await mediatingCase();
    await send(c.id, 'session.recorded', { heldOn: '2026-03-02', summary: '双方到场陈述' }).expect(200);
    const signed = await send(c.id, 'agreement.signed', writtenAgreement()).expect(200);
    expect(signed.headers.etag).toBe('"5"');
    expect(signed.body).toMatchObject({ state: 'agreementEffective', status: 'resolved', version: 5 });
    expect(signed.body.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'confirmationWindow',
      'performanceDue',
    ]);
    await send(c.id, 'performance.confirmed').expect(200);
    const events = await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200);
    expect(events.body.items.map((e: { seq: number; type: string }) => [e.seq, e.type])).toEqual([
      [1, 'case.opened'],
      [2, 'application.accepted'],
      [3, 'mediator.assigned'],
      [4, 'session.recorded'],
      [5, 'agreement.signed'],
      [6, 'performance.confirmed'],
    ]);
    expect(JSON.stringify(events.body)).not.toContain(ID_NUMBERS.zhang);
    const rows = await t.dataSource.query('SELECT kind FROM deadlines WHERE case_id = $1', [c.id]);
    expect(rows).toEqual([]);
  });

  it('answers 409 EVENT_NOT_ALLOWED with the state and the allowed events', async () => {
    const c = await openCase();
    const response = await send(c.id, 'agreement.signed', writtenAgreement()).expect(409);
    expect(response.body).toMatchObject({ code: 'EVENT_NOT_ALLOWED', state: 'pendingAcceptance' });
    expect(response.body.allowedEvents).toEqual(
      expect.arrayContaining(['application.accepted', 'application.rejected']),
    );
  });

  it('answers 422 RULE_VIOLATED with the rule and its article, and changes nothing (PML Art. 29)', async () => {
    const c = await mediatingCase();
    const response = await send(
      c.id,
      'agreement.signed',
      writtenAgreement({ signatures: { partyIds: ['p1'], mediator: true, committeeSeal: true } }),
    ).expect(422);
    expect(response.body).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'WRITTEN_AGREEMENT_UNSIGNED',
      basis: 'PML Art. 29',
    });
    const after = await t.http.get(`/api/v1/cases/${c.id}`).expect(200);
    expect(after.body).toMatchObject({ version: 3, state: 'mediating' });
    const events = await t.http.get(`/api/v1/cases/${c.id}/events`).expect(200);
    expect(events.body.items).toHaveLength(3);
  });

  it.each([
    ['an unknown event type', { type: 'case.teleported' }, 'type'],
    ['a malformed event type', { type: 'Teleport!' }, 'type'],
    [
      'a bad payload field',
      { type: 'mediator.assigned', payload: { mediatorId: 'm', chosenBy: 'lottery' } },
      'payload.chosenBy',
    ],
    [
      'an unknown payload field',
      { type: 'application.accepted', payload: { acceptedOn: '2026-03-02', colour: 'red' } },
      'payload.colour',
    ],
    [
      'an impossible date in a payload',
      { type: 'application.accepted', payload: { acceptedOn: '2026-02-30' } },
      'payload.acceptedOn',
    ],
    ['a payload that is not an object', { type: 'application.accepted', payload: 'yes' }, 'payload'],
  ])('refuses %s with 400 naming the field', async (_what, body, field) => {
    const c = await openCase();
    const response = await t.http.post(`/api/v1/cases/${c.id}/events`).send(body).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 404 for an event on an unknown case', async () => {
    const response = await send('6f1c2a7e-0000-4000-8000-000000000000', 'application.accepted').expect(404);
    expect(response.body.code).toBe('CASE_NOT_FOUND');
  });

  it('refuses a malformed If-Match with 400', async () => {
    const c = await openCase();
    const response = await send(c.id, 'application.accepted', {}, { 'If-Match': 'version one' }).expect(400);
    expect(response.body.errors[0].field).toBe('If-Match');
  });

  it('refuses a centre event to an unknown organisation with 400', async () => {
    const c = await openCase();
    const response = await send(c.id, 'case.escalated', {
      toOrganizationId: '00000000-0000-4000-8000-00000000ffff',
      reason: '疑难',
    }).expect(400);
    expect(response.body.errors[0].field).toBe('payload.toOrganizationId');
  });

  it('escalates only upward: to the district, not to a sibling street (flows.md three-level centres)', async () => {
    const c = await openCase({ organizationId: DEMO.meiyuan });
    const sideways = await send(c.id, 'case.escalated', { toOrganizationId: DEMO.xinjiekou, reason: '疑难' }).expect(
      422,
    );
    expect(sideways.body.rule).toBe('ESCALATION_ONLY_UPWARD');
    const up = await send(c.id, 'case.escalated', { toOrganizationId: DEMO.xuanwu, reason: '疑难' }).expect(200);
    expect(up.body).toMatchObject({ organizationId: DEMO.xuanwu, state: 'pendingAcceptance' });
  });
});

describe('GET /api/v1/cases', () => {
  it('pages newest first with a keyset cursor, without duplicates or gaps', async () => {
    const summary = `分页测试-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      t.clock.set(new Date(Date.parse('2026-03-02T10:00:00+08:00') + i * 1000));
      ids.push((await openCase({ summary: `${summary}-${i}` })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
        .get('/api/v1/cases')
        .query({ q: summary, limit: 10, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...response.body.items.map((i) => i.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    t.clock.setToday('2026-03-02');
  });

  it('filters by organisation subtree, status, flow and category', async () => {
    const street = await openCase({ organizationId: DEMO.fuzimiao, category: 'property' });
    const inDistrict = await t.http
      .get('/api/v1/cases')
      .query({ organizationId: DEMO.qinhuai, category: 'property' })
      .expect(200);
    expect(inDistrict.body.items.map((i: { id: string }) => i.id)).toContain(street.id);
    const elsewhere = await t.http
      .get('/api/v1/cases')
      .query({ organizationId: DEMO.xuanwu, category: 'property' })
      .expect(200);
    expect(elsewhere.body.items.map((i: { id: string }) => i.id)).not.toContain(street.id);
    const open = await t.http
      .get('/api/v1/cases')
      .query({ status: 'open', flow: 'people-mediation', limit: 100 })
      .expect(200);
    expect(open.body.items.every((i: { status: string }) => i.status === 'open')).toBe(true);
  });

  it('filters by subtree and status at every depth of the tree, page by page', async () => {
    const summary = `子树测试-${Date.now()}`;
    const at = (second: number) => t.clock.set(new Date(Date.parse('2026-03-02T11:00:00+08:00') + second * 1000));
    at(1);
    const atCommittee = (await openCase({ summary })).id; // 金陵 / 玄武 / 梅园新村 / committee
    at(2);
    const atStreet = (await openCase({ summary, organizationId: DEMO.xinjiekou })).id; // 金陵 / 玄武 / 新街口
    at(3);
    const elsewhere = (await openCase({ summary, organizationId: DEMO.fuzimiao })).id; // 金陵 / 秦淮 / 夫子庙
    t.clock.setToday('2026-03-02');
    const list = async (organizationId: string, status = 'open') => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get('/api/v1/cases')
          .query({ organizationId, status, q: summary, limit: 1, ...(cursor ? { cursor } : {}) })
          .expect(200);
        ids.push(...response.body.items.map((i) => i.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      return ids;
    };
    expect(await list(DEMO.city)).toEqual([elsewhere, atStreet, atCommittee]);
    expect(await list(DEMO.xuanwu)).toEqual([atStreet, atCommittee]);
    expect(await list(DEMO.meiyuan)).toEqual([atCommittee]);
    expect(await list(DEMO.meiyuanCommittee)).toEqual([atCommittee]);
    expect(await list(DEMO.qinhuai)).toEqual([elsewhere]);
    expect(await list(DEMO.xuanwu, 'resolved')).toEqual([]);
  });

  it.each([
    ['limit', { limit: 0 }],
    ['limit', { limit: 'ten' }],
    ['status', { status: 'lost' }],
    ['openedFrom', { openedFrom: '2026-02-30' }],
    ['cursor', { cursor: 'bm90LWEtY3Vyc29y' }],
    ['overdue', { overdue: 'maybe' }],
  ])('refuses a bad %s with 400', async (field, query) => {
    const response = await t.http.get('/api/v1/cases').query(query).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
