import { anIntake, DEMO, writtenAgreement } from './support/factories.js';
import { startTestApp, type TestApp } from './support/testApp.js';

let t: TestApp;

const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload }).expect(200);

async function openCase(overrides: Record<string, unknown> = {}) {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake(overrides)).expect(201);
  return body.id as string;
}

async function accepted(overrides: Record<string, unknown> = {}) {
  const id = await openCase(overrides);
  await send(id, 'application.accepted');
  await send(id, 'mediator.assigned', {
    mediatorId: await t.mediatorAt(String(overrides.organizationId ?? DEMO.meiyuanCommittee)),
    chosenBy: 'committee',
  });
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  // 玄武: at the 梅园新村 committee one resolved, one still being mediated, one never accepted;
  // at 新街口 one that ended without agreement. 秦淮: at 夫子庙 one resolved. All accepted on the
  // test day, 2026-03-02.
  await send(await accepted(), 'agreement.signed', writtenAgreement());
  await accepted({ category: 'contract' });
  await openCase();
  await send(await accepted({ organizationId: DEMO.xinjiekou }), 'mediation.terminated', { reason: 'noAgreement' });
  await send(
    await accepted({ organizationId: DEMO.fuzimiao, category: 'contract' }),
    'agreement.signed',
    writtenAgreement(),
  );
});
afterAll(async () => {
  await t.close();
});

const report = async (username: string, query: string, status = 200) =>
  (await (await t.as(username)).get(`/api/v1/reports/resolution-rate?${query}`).expect(status)).body;

describe('GET /api/v1/reports/resolution-rate', () => {
  it('gives resolved ÷ accepted for the organisation itself and each one below it, with its subtree', async () => {
    const body = await report('supervisor', 'year=2026');
    expect(body).toMatchObject({
      year: 2026,
      organizationId: DEMO.xuanwu,
      groupBy: 'organization',
      total: { accepted: 3, resolved: 1, rate: 0.3333 },
    });
    const rows = Object.fromEntries(body.rows.map((r: { key: string }) => [r.key, r]));
    expect(rows[DEMO.meiyuan]).toMatchObject({
      label: '梅园新村街道矛盾纠纷调处化解中心',
      level: 'street',
      accepted: 2,
      resolved: 1,
      rate: 0.5,
    });
    expect(rows[DEMO.xinjiekou]).toMatchObject({ accepted: 1, resolved: 0, rate: 0 });
    // Organisations with nothing accepted are listed too, and the district's own row.
    expect(rows[DEMO.xuanwuCourt]).toMatchObject({ accepted: 0, resolved: 0, rate: null });
    expect(rows[DEMO.xuanwu]).toMatchObject({ accepted: 0, resolved: 0, rate: null });
  });

  it('rolls the whole city up by district for the city', async () => {
    const body = await report('admin', 'year=2026');
    expect(body.total).toEqual({ accepted: 4, resolved: 2, rate: 0.5 });
    const rows = Object.fromEntries(body.rows.map((r: { key: string }) => [r.key, r]));
    expect(rows[DEMO.xuanwu]).toMatchObject({ accepted: 3, resolved: 1 });
    expect(rows[DEMO.qinhuai]).toMatchObject({ accepted: 1, resolved: 1, rate: 1 });
  });

  it('groups by the handling organisation’s level, or by category', async () => {
    const byLevel = await report('admin', 'year=2026&groupBy=level');
    expect(byLevel.rows).toEqual([{ key: 'street', label: 'street', accepted: 4, resolved: 2, rate: 0.5 }]);
    const byCategory = await report('supervisor', 'year=2026&groupBy=category');
    expect(byCategory.rows).toEqual(
      expect.arrayContaining([
        { key: 'neighbour', label: 'neighbour', accepted: 2, resolved: 1, rate: 0.5 },
        { key: 'contract', label: 'contract', accepted: 1, resolved: 0, rate: 0 },
      ]),
    );
    expect(byCategory.rows).toHaveLength(2);
  });

  it('reports a smaller subtree, and nothing for a year with no accepted case', async () => {
    const street = await report('supervisor', `year=2026&organizationId=${DEMO.meiyuan}`);
    expect(street.total).toEqual({ accepted: 2, resolved: 1, rate: 0.5 });
    expect(street.rows.find((r: { key: string }) => r.key === DEMO.meiyuanCommittee)).toMatchObject({
      accepted: 2,
      resolved: 1,
    });
    const before = await report('supervisor', 'year=2025');
    expect(before.total).toEqual({ accepted: 0, resolved: 0, rate: null });
  });

  it('is for supervisors and administrators, within their own subtree', async () => {
    expect((await report('supervisor', `year=2026&organizationId=${DEMO.qinhuai}`, 403)).code).toBe('FORBIDDEN');
    expect((await report('mediator', 'year=2026', 403)).code).toBe('FORBIDDEN');
    expect((await report('supervisor', 'groupBy=level', 400)).code).toBe('VALIDATION_FAILED');
    expect((await report('supervisor', 'year=2026&groupBy=mood', 400)).code).toBe('VALIDATION_FAILED');
    await t.anonymous.get('/api/v1/reports/resolution-rate?year=2026').expect(401);
  });

  it('says that `year` is required when it is missing, not that it is too large', async () => {
    expect((await report('supervisor', '', 400)).errors).toEqual([{ field: 'year', message: 'is required' }]);
    expect((await report('supervisor', 'groupBy=level', 400)).errors).toEqual([
      { field: 'year', message: 'is required' },
    ]);
    expect((await report('supervisor', 'year=1999', 400)).errors).toEqual([
      { field: 'year', message: 'must not be less than 2000' },
    ]);
  });
});
