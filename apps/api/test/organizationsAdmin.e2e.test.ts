import { DeadlineScheduler } from '../src/deadlines/deadlineScheduler.js';
import { anIntake, DEMO } from './support/factories.js';
import { documentedSchema } from './support/documentedSchema.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from './support/testApp.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
});
afterAll(() => t.close());

const ORG = '/api/v1/organizations';
let seq = 0;
/** A short name no other organisation's case numbers read like (letters only: digits are refused). */
const shortName = () => `测${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(seq++ / 10) % 10]}`;

async function addOrganization(body: Record<string, unknown>) {
  const { body: created } = await admin
    .post(ORG)
    .send({ shortName: shortName(), ...body })
    .expect(201);
  return created as { id: string; path: string; active: boolean };
}

async function addUser(role: string, organizationId: string) {
  const username = `u${Date.now().toString(36)}${seq++}`;
  const { body } = await admin
    .post('/api/v1/users')
    .send({ username, displayName: username, password: DEMO_PASSWORD, role, organizationId })
    .expect(201);
  return { id: body.id as string, username };
}

const history = async (id: string, change?: string) =>
  (await admin.get(`${ORG}/${id}/history${change ? `?change=${change}` : ''}`).expect(200)).body.items;
const count = async (sql: string, values: unknown[]) => Number((await t.dataSource.query(sql, values))[0].n);

describe('the county-level 综治中心 (kind governanceCentre)', () => {
  it('is a centre of the tree: a district-level 综治中心 under the city, a street centre under it', async () => {
    const county = await addOrganization({
      name: '测试县社会治安综合治理中心',
      kind: 'governanceCentre',
      level: 'district',
      parentId: DEMO.city,
    });
    const street = await addOrganization({
      name: '测试镇矛盾纠纷调处化解中心',
      kind: 'centre',
      level: 'street',
      parentId: county.id,
    });
    const tree = (await admin.get(ORG).expect(200)).body;
    const node = tree[0].children.find((c: { id: string }) => c.id === county.id);
    expect(node).toMatchObject({
      kind: 'governanceCentre',
      level: 'district',
      active: true,
      children: [expect.objectContaining({ id: street.id, kind: 'centre' })],
    });
  });

  it('carries the district level’s resolution target when a case is escalated to it (docs/centres.md)', async () => {
    const county = await addOrganization({
      name: '测试二县综治中心',
      kind: 'governanceCentre',
      level: 'district',
      parentId: DEMO.city,
    });
    const street = await addOrganization({
      name: '测试二镇矛调中心',
      kind: 'centre',
      level: 'street',
      parentId: county.id,
    });
    const { body: opened } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: street.id }))
      .expect(201);
    const { body } = await t.http
      .post(`/api/v1/cases/${opened.id}/events`)
      .send({ type: 'case.escalated', payload: { toOrganizationId: county.id, reason: '疑难' } })
      .expect(200);
    expect(body.deadlines.find((d: { kind: string }) => d.kind === 'resolutionTarget')).toMatchObject({
      basis: 'centre policy: district level (cfg)',
    });
  });

  it('receives a street case past its street-level target by itself, like a 矛调中心 (docs/centres.md)', async () => {
    const county = await addOrganization({
      name: '测试三县综治中心',
      kind: 'governanceCentre',
      level: 'district',
      parentId: DEMO.city,
    });
    const street = await addOrganization({
      name: '测试三镇矛调中心',
      kind: 'centre',
      level: 'street',
      parentId: county.id,
    });
    const { body: opened } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: street.id }))
      .expect(201);
    expect(opened.deadlines).toContainEqual(expect.objectContaining({ kind: 'resolutionTarget', dueOn: '2026-03-23' }));
    const today = t.clock.now();
    try {
      t.clock.set('2026-03-24T00:01:00+08:00');
      await t.app.get(DeadlineScheduler).runOnce();
      const { body } = await t.http.get(`/api/v1/cases/${opened.id}`).expect(200);
      expect(body.organizationId).toBe(county.id);
    } finally {
      t.clock.set(today);
    }
  });

  it('refuses a 综治中心 under a committee (400 on parentId)', async () => {
    const { body } = await admin
      .post(ORG)
      .send({
        name: 'x',
        shortName: shortName(),
        kind: 'governanceCentre',
        level: 'street',
        parentId: DEMO.meiyuanCommittee,
      })
      .expect(400);
    expect(body.errors[0].field).toBe('parentId');
  });
});

describe('PATCH /organizations/:id: rename', () => {
  it('renames, and the history says who, what and when', async () => {
    const o = await addOrganization({ name: '旧名街道中心', kind: 'centre', level: 'street', parentId: DEMO.qinhuai });
    const { body } = await admin
      .patch(`${ORG}/${o.id}`)
      .send({ name: '新名街道综治中心', note: '机构改革' })
      .expect(200);
    expect(body).toMatchObject({ id: o.id, name: '新名街道综治中心' });
    const [entry] = await history(o.id);
    expect(entry).toMatchObject({
      change: 'renamed',
      before: { name: '旧名街道中心' },
      after: { name: '新名街道综治中心' },
      note: '机构改革',
      changedBy: { username: 'admin' },
    });
    expect(Date.parse(entry.changedAt)).toBe(t.clock.now().getTime());
  });

  it('answers 400 naming the field for an empty name or a short name with digits, and writes nothing', async () => {
    const o = await addOrganization({ name: '空名测试中心', kind: 'centre', level: 'street', parentId: DEMO.qinhuai });
    expect((await admin.patch(`${ORG}/${o.id}`).send({ name: '' }).expect(400)).body.errors[0].field).toBe('name');
    expect((await admin.patch(`${ORG}/${o.id}`).send({ shortName: '秦1' }).expect(400)).body.errors[0].field).toBe(
      'shortName',
    );
    expect(await history(o.id)).toEqual([]);
  });

  it('refuses an administrator outside the organisation’s subtree (403)', async () => {
    const districtAdmin = await addUser('admin', DEMO.xuanwu);
    const other = await t.as(districtAdmin.username);
    await other.patch(`${ORG}/${DEMO.fuzimiao}`).send({ name: '越权改名' }).expect(403);
    await other.patch(`${ORG}/${DEMO.meiyuan}`).send({ name: '梅园新村街道矛盾纠纷调处化解中心' }).expect(200);
  });
});

describe('POST /organizations/:id/move', () => {
  it('moves a street and its committee to another district: subtree, case and deadline paths at once', async () => {
    const from = await addOrganization({ name: '移出区中心', kind: 'centre', level: 'district', parentId: DEMO.city });
    const to = await addOrganization({ name: '移入区中心', kind: 'centre', level: 'district', parentId: DEMO.city });
    const street = await addOrganization({ name: '搬迁街道中心', kind: 'centre', level: 'street', parentId: from.id });
    const committee = await addOrganization({
      name: '搬迁街道人民调解委员会',
      kind: 'committee',
      level: 'street',
      parentId: street.id,
    });
    const { body: opened } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: committee.id }))
      .expect(201);
    await t.http
      .post(`/api/v1/cases/${opened.id}/events`)
      .send({ type: 'application.accepted', payload: {} })
      .expect(200);

    const { body } = await admin
      .post(`${ORG}/${street.id}/move`)
      .send({ parentId: to.id, note: '区划调整' })
      .expect(200);
    expect(body).toMatchObject({ id: street.id, parentId: to.id });
    const [moved] = await t.dataSource.query(`SELECT path FROM organizations WHERE id = $1`, [committee.id]);
    expect(moved.path).toBe(`/${DEMO.city}/${to.id}/${street.id}/${committee.id}/`);
    const [c] = await t.dataSource.query(`SELECT organization_path FROM cases WHERE id = $1`, [opened.id]);
    expect(c.organization_path).toBe(moved.path);
    expect(
      await count(`SELECT count(*) AS n FROM deadlines WHERE case_id = $1 AND organization_path <> $2`, [
        opened.id,
        moved.path,
      ]),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM deadlines WHERE case_id = $1`, [opened.id])).toBeGreaterThan(0);
    expect((await history(street.id, 'moved'))[0]).toMatchObject({
      before: { parentId: from.id },
      after: { parentId: to.id },
      note: '区划调整',
    });
    // The case is now in the new district's scope, and no longer in the old one's.
    const toSupervisor = await t.as((await addUser('supervisor', to.id)).username);
    const fromSupervisor = await t.as((await addUser('supervisor', from.id)).username);
    await toSupervisor.get(`/api/v1/cases/${opened.id}`).expect(200);
    await fromSupervisor.get(`/api/v1/cases/${opened.id}`).expect(404);
  });

  it('keeps a case’s path its organisation’s whatever an old-tree writer sends (migration 1763900000010)', async () => {
    const street = await addOrganization({
      name: '路径街道中心',
      kind: 'centre',
      level: 'street',
      parentId: DEMO.qinhuai,
    });
    const { body: opened } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: street.id }))
      .expect(201);
    await t.dataSource.query(`UPDATE cases SET organization_path = $2 WHERE id = $1`, [
      opened.id,
      `/${DEMO.city}/${DEMO.xuanwu}/`,
    ]);
    await t.dataSource.query(`UPDATE deadlines SET organization_path = $2 WHERE case_id = $1`, [
      opened.id,
      `/${DEMO.city}/${DEMO.xuanwu}/`,
    ]);
    const expected = `/${DEMO.city}/${DEMO.qinhuai}/${street.id}/`;
    expect(
      (await t.dataSource.query(`SELECT organization_path FROM cases WHERE id = $1`, [opened.id]))[0].organization_path,
    ).toBe(expected);
    expect(
      await count(`SELECT count(*) AS n FROM deadlines WHERE case_id = $1 AND organization_path <> $2`, [
        opened.id,
        expected,
      ]),
    ).toBe(0);
  });

  it('refuses a move under the organisation itself or one below it (400 on parentId), and writes nothing', async () => {
    const district = await addOrganization({
      name: '自移区中心',
      kind: 'centre',
      level: 'district',
      parentId: DEMO.city,
    });
    const street = await addOrganization({
      name: '自移街道中心',
      kind: 'centre',
      level: 'street',
      parentId: district.id,
    });
    for (const parentId of [district.id, street.id]) {
      const { body } = await admin.post(`${ORG}/${district.id}/move`).send({ parentId }).expect(400);
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'parentId' }] });
    }
    expect((await t.dataSource.query(`SELECT path FROM organizations WHERE id = $1`, [street.id]))[0].path).toBe(
      `/${DEMO.city}/${district.id}/${street.id}/`,
    );
    expect(await history(district.id)).toEqual([]);
  });

  it('keeps the tree’s levels: a street centre cannot move under another street (400 on level)', async () => {
    const street = await addOrganization({
      name: '层级街道中心',
      kind: 'centre',
      level: 'street',
      parentId: DEMO.qinhuai,
    });
    const { body } = await admin.post(`${ORG}/${street.id}/move`).send({ parentId: DEMO.fuzimiao }).expect(400);
    expect(body.errors[0].field).toBe('level');
  });

  it('answers 400 for a parentId that is not a UUID or names no organisation', async () => {
    const street = await addOrganization({
      name: '无父街道中心',
      kind: 'centre',
      level: 'street',
      parentId: DEMO.qinhuai,
    });
    expect(
      (await admin.post(`${ORG}/${street.id}/move`).send({ parentId: 'x' }).expect(400)).body.errors[0].field,
    ).toBe('parentId');
    expect(
      (
        await admin
          .post(`${ORG}/${street.id}/move`)
          .send({ parentId: '00000000-0000-4000-8000-00000000fff1' })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('parentId');
  });
});

describe('PATCH /organizations/:id { active: false }: deactivation', () => {
  it('is refused with 409 ORGANIZATION_IN_USE while it has open cases or active users; nothing changes', async () => {
    const street = await addOrganization({
      name: '在用街道中心',
      kind: 'centre',
      level: 'street',
      parentId: DEMO.qinhuai,
    });
    await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: street.id }))
      .expect(201);
    await addUser('mediator', street.id);
    const { body } = await admin.patch(`${ORG}/${street.id}`).send({ active: false }).expect(409);
    expect(body).toMatchObject({ code: 'ORGANIZATION_IN_USE', openCases: 1, activeUsers: 1, activeChildren: 0 });
    expect((await t.dataSource.query(`SELECT active FROM organizations WHERE id = $1`, [street.id]))[0].active).toBe(
      true,
    );
  });

  it('keeps it and its history; no case opens at or moves to it (422 ORGANIZATION_INACTIVE); reactivates', async () => {
    const street = await addOrganization({
      name: '撤并街道中心',
      kind: 'centre',
      level: 'street',
      parentId: DEMO.qinhuai,
    });
    const { body } = await admin.patch(`${ORG}/${street.id}`).send({ active: false, note: '撤并' }).expect(200);
    expect(body).toMatchObject({ id: street.id, active: false });
    const before = await count(`SELECT count(*) AS n FROM cases`, []);
    const refused = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: street.id }))
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'ORGANIZATION_INACTIVE', organizationId: street.id });
    const { body: other } = await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: DEMO.qinhuai }))
      .expect(201);
    const supervisor = await t.as('city-supervisor');
    const assigned = await supervisor
      .post(`/api/v1/cases/${other.id}/events`)
      .send({ type: 'case.assigned', payload: { organizationId: street.id, reason: '属地' } })
      .expect(422);
    expect(assigned.body.code).toBe('ORGANIZATION_INACTIVE');
    expect((await t.http.get(`/api/v1/cases/${other.id}`).expect(200)).body).toMatchObject({
      version: 1,
      organizationId: DEMO.qinhuai,
    });
    expect(await count(`SELECT count(*) AS n FROM cases`, [])).toBe(before + 1);
    // No user is added there either.
    const user = await admin
      .post('/api/v1/users')
      .send({
        username: `gone${seq++}`,
        displayName: 'x',
        password: DEMO_PASSWORD,
        role: 'mediator',
        organizationId: street.id,
      })
      .expect(422);
    expect(user.body.code).toBe('ORGANIZATION_INACTIVE');

    const tree = JSON.stringify((await admin.get(ORG).expect(200)).body);
    expect(tree).toContain(street.id);
    expect((await history(street.id)).map((h: { change: string }) => h.change)).toEqual(['deactivated']);
    await admin.patch(`${ORG}/${street.id}`).send({ active: true }).expect(200);
    await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: street.id }))
      .expect(201);
  });

  it('refuses an administrator deactivating their own organisation (400 on active)', async () => {
    expect((await admin.patch(`${ORG}/${DEMO.city}`).send({ active: false }).expect(400)).body.errors[0].field).toBe(
      'active',
    );
  });
});

describe('the (cfg) policies per organisation', () => {
  it('reads defaults, then an admin’s settings, own and inherited, with who changed what when', async () => {
    const district = await addOrganization({
      name: '政策区中心',
      kind: 'centre',
      level: 'district',
      parentId: DEMO.city,
    });
    const street = await addOrganization({
      name: '政策街道中心',
      kind: 'centre',
      level: 'street',
      parentId: district.id,
    });
    const initial = (await admin.get(`${ORG}/${street.id}/policy`).expect(200)).body;
    expect(initial.effective).toMatchObject({
      stuckThreshold: { length: 10, unit: 'workingDay', source: 'default' },
      returnVisitTarget: { length: 30, unit: 'day', source: 'default' },
      resolutionTarget: { length: 20, unit: 'day', source: 'default' },
    });
    const policy = {
      stuckThreshold: { length: 5, unit: 'workingDay' },
      returnVisitTarget: { length: 15, unit: 'day' },
      mediationPeriod: { length: 30, unit: 'day', basis: 'SZ-DR Art. 25' },
    };
    await admin.put(`${ORG}/${district.id}/policy`).send({ policy, note: '区考核办法' }).expect(200);
    const below = (await admin.get(`${ORG}/${street.id}/policy`).expect(200)).body;
    expect(below.effective.stuckThreshold).toEqual({
      length: 5,
      unit: 'workingDay',
      source: 'inherited',
      fromOrganizationId: district.id,
    });
    const [entry] = await history(district.id, 'policy');
    expect(entry).toMatchObject({
      change: 'policy',
      before: {},
      after: policy,
      note: '区考核办法',
      changedBy: { username: 'admin' },
    });
    const check = await documentedSchema(t);
    const historyBody = (await admin.get(`${ORG}/${district.id}/history`).expect(200)).body;
    const renamed = (await admin.patch(`${ORG}/${street.id}`).send({ name: '政策街道综治中心' }).expect(200)).body;
    expect([
      ...check('OrganizationPolicy', below),
      ...check('OrganizationHistory', historyBody),
      ...check('Organization', renamed),
    ]).toEqual([]);
  });

  it('answers 400 on policy for a bad period, writing nothing (stuckThreshold in months, a length of 0)', async () => {
    const street = await addOrganization({
      name: '坏政策街道中心',
      kind: 'centre',
      level: 'street',
      parentId: DEMO.qinhuai,
    });
    for (const policy of [
      { stuckThreshold: { length: 1, unit: 'month' } },
      { returnVisitTarget: { length: 0, unit: 'day' } },
      'x',
    ]) {
      const { body } = await admin.put(`${ORG}/${street.id}/policy`).send({ policy }).expect(400);
      expect(body.errors[0].field).toBe('policy');
    }
    expect(await history(street.id)).toEqual([]);
  });

  it('lets a supervisor read but not change a policy (403)', async () => {
    const supervisor = await t.as('supervisor');
    await supervisor.get(`${ORG}/${DEMO.meiyuan}/policy`).expect(200);
    await supervisor.put(`${ORG}/${DEMO.meiyuan}/policy`).send({ policy: {} }).expect(403);
    await supervisor.get(`${ORG}/${DEMO.fuzimiao}/policy`).expect(403);
  });
});

describe('users (PATCH /users/:id)', () => {
  it('stops a disabled user’s token at once, not when it expires', async () => {
    const user = await addUser('mediator', DEMO.fuzimiao);
    const signedIn = await t.as(user.username);
    await signedIn.get('/api/v1/me').expect(200);
    await admin.patch(`/api/v1/users/${user.id}`).send({ disabled: true }).expect(200);
    expect((await signedIn.get('/api/v1/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses moving a user to a deactivated organisation (422 ORGANIZATION_INACTIVE)', async () => {
    const street = await addOrganization({
      name: '空置街道中心',
      kind: 'centre',
      level: 'street',
      parentId: DEMO.qinhuai,
    });
    await admin.patch(`${ORG}/${street.id}`).send({ active: false }).expect(200);
    const user = await addUser('mediator', DEMO.fuzimiao);
    expect(
      (await admin.patch(`/api/v1/users/${user.id}`).send({ organizationId: street.id }).expect(422)).body.code,
    ).toBe('ORGANIZATION_INACTIVE');
  });
});
