import { DEMO } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /health', () => {
  it('reports liveness and database readiness, at the root and under /api/v1', async () => {
    expect((await t.anonymous.get('/health').expect(200)).body).toEqual({ status: 'ok', database: 'up' });
    expect((await t.anonymous.get('/api/v1/health').expect(200)).body).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('GET /docs', () => {
  it('serves the OpenAPI document with every resource and the per-flow intake schemas', async () => {
    const { body } = await t.anonymous.get('/docs/openapi.json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/cases',
        '/api/v1/cases/{id}',
        '/api/v1/cases/{id}/events',
        '/api/v1/flows',
        '/api/v1/flows/{id}',
        '/api/v1/organizations',
        '/health',
      ]),
    );
    expect(Object.keys(body.components.schemas.CaseIntake.discriminator.mapping)).toContain('judicial-confirmation');
  });

  it('serves Swagger UI', async () => {
    const response = await t.anonymous.get('/docs/').expect(200);
    expect(response.text).toContain('swagger-ui');
  });
});

describe('GET /api/v1/flows', () => {
  it('lists the six flows', async () => {
    const { body } = await t.http.get('/api/v1/flows').expect(200);
    expect(body.map((f: { id: string }) => f.id).sort()).toEqual(
      [
        'administrative-mediation',
        'court-referral',
        'delegated-mediation',
        'judicial-confirmation',
        'people-mediation',
        'petition',
      ].sort(),
    );
  });

  it('describes a flow: states, events with payload schemas and senders, deadlines, rules, diagram', async () => {
    const { body } = await t.http.get('/api/v1/flows/judicial-confirmation').expect(200);
    expect(body.states.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['applied', 'underReview', 'awaitingSupplement', 'confirmed']),
    );
    const confirmed = body.events.find((e: { type: string }) => e.type === 'agreement.confirmed');
    expect(confirmed).toMatchObject({
      sentBy: ['court'],
      payloadSchema: { type: 'object', additionalProperties: false },
    });
    expect(body.rules.map((r: { code: string }) => r.code)).toContain('CONFIRMATION_WINDOW_EXPIRED');
    expect(body.mermaid).toMatch(/^stateDiagram-v2\n/);
    expect(body.mermaid).toContain('applied --> underReview : application.accepted');
  });

  it('answers 404 FLOW_NOT_FOUND for an unknown flow', async () => {
    const { body } = await t.http.get('/api/v1/flows/arbitration').expect(404);
    expect(body.code).toBe('FLOW_NOT_FOUND');
  });
});

describe('organisations', () => {
  it('returns the demo tree: city centre, two districts with streets, committee, court, petition office', async () => {
    const { body } = await t.http.get('/api/v1/organizations').expect(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ id: DEMO.city, level: 'city' });
    const xuanwu = body[0].children.find((c: { id: string }) => c.id === DEMO.xuanwu);
    expect(xuanwu.children.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'centre',
      'centre',
      'court',
      'petitionOffice',
    ]);
  });

  it('adds a community centre under a street', async () => {
    const { body } = await (
      await t.as('admin')
    )
      .post('/api/v1/organizations')
      .send({ name: '梅园社区', shortName: '梅社', kind: 'centre', level: 'community', parentId: DEMO.meiyuan })
      .expect(201);
    expect(body).toMatchObject({
      parentId: DEMO.meiyuan,
      level: 'community',
      caseNumberPattern: '（{year}）{short}调字第{seq:5}号',
    });
  });

  it.each([
    [
      'a level that skips one',
      { name: 'x', shortName: 'x', kind: 'centre', level: 'community', parentId: DEMO.xuanwu },
      'level',
    ],
    ['a second root', { name: 'x', shortName: 'x', kind: 'centre', level: 'district' }, 'parentId'],
    [
      'an unknown parent',
      { name: 'x', shortName: 'x', kind: 'court', level: 'district', parentId: '00000000-0000-4000-8000-00000000ffff' },
      'parentId',
    ],
    [
      'a pattern without a sequence',
      {
        name: 'x',
        shortName: 'x',
        kind: 'court',
        level: 'district',
        parentId: DEMO.xuanwu,
        caseNumberPattern: '{year}号',
      },
      'caseNumberPattern',
    ],
    [
      'an unknown kind',
      { name: 'x', shortName: 'x', kind: 'palace', level: 'district', parentId: DEMO.xuanwu },
      'kind',
    ],
    [
      'a bad policy',
      {
        name: 'x',
        shortName: 'x',
        kind: 'court',
        level: 'district',
        parentId: DEMO.xuanwu,
        policy: { mediationPeriod: { length: -1, unit: 'day' } },
      },
      'policy',
    ],
    [
      'a policy basis that is not text',
      {
        name: 'x',
        shortName: 'x',
        kind: 'court',
        level: 'district',
        parentId: DEMO.xuanwu,
        policy: { mediationPeriod: { length: 30, unit: 'day', basis: 7 } },
      },
      'policy',
    ],
  ])('refuses %s with 400 naming the field', async (_what, body, field) => {
    const response = await (await t.as('admin')).post('/api/v1/organizations').send(body).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('uses an organisation’s own mediation period for new cases (MoJ-2002 Art. 33 cfg; SZ-DR Art. 25)', async () => {
    const { body: committee } = await (
      await t.as('admin')
    )
      .post('/api/v1/organizations')
      .send({
        name: '深圳模式调委会',
        shortName: '深',
        kind: 'committee',
        level: 'street',
        parentId: DEMO.meiyuan,
        policy: { mediationPeriod: { length: 30, unit: 'day', basis: 'SZ-DR Art. 25' } },
      })
      .expect(201);
    const { body: c } = await t.http
      .post('/api/v1/cases')
      .send({
        flow: 'people-mediation',
        category: 'neighbour',
        summary: '噪音',
        channel: 'phone',
        organizationId: committee.id,
        parties: [{ role: 'applicant', kind: 'person', name: '王五' }],
      })
      .expect(201);
    const { body } = await t.http
      .post(`/api/v1/cases/${c.id}/events`)
      .send({ type: 'application.accepted' })
      .expect(200);
    expect(body.deadlines[0]).toMatchObject({ kind: 'mediationPeriod', dueOn: '2026-04-01', basis: 'SZ-DR Art. 25' });
  });
});

describe('unknown routes', () => {
  it('answer 404 as problem+json', async () => {
    const response = await t.http.get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.body.code).toBe('NOT_FOUND');
  });
});
