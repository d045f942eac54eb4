import { anIntake, DEMO } from './support/factories.js';
import { documentedSchema } from './support/documentedSchema.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from './support/testApp.js';

let t: TestApp;
let admin: Client;
/**
 * A district of its own (D) with two street centres, a committee under S1 and a department: nothing else lands there.
 */
const org = { district: '', s1: '', s2: '', committee: '', department: '' };
let supervisor: Client;
const ids = { breached: '', dueSoon: '', red: '', onTrack: '' };

let counter = 0;
const shortName = () => `督${'甲乙丙丁戊己庚辛壬癸'[counter++ % 10]}`;
async function addOrganization(body: Record<string, unknown>): Promise<string> {
  return (
    await admin
      .post('/api/v1/organizations')
      .send({ shortName: shortName(), ...body })
      .expect(201)
  ).body.id;
}
async function addUser(username: string, role: string, organizationId: string): Promise<string> {
  return (
    await admin
      .post('/api/v1/users')
      .send({ username, displayName: username, password: DEMO_PASSWORD, role, organizationId })
      .expect(201)
  ).body.id;
}
const open = async (organizationId: string, overrides: Record<string, unknown> = {}) =>
  (
    await t.http
      .post('/api/v1/cases')
      .send(anIntake({ organizationId, ...overrides }))
      .expect(201)
  ).body.id as string;
const board = async (client: Client = supervisor, query = '') =>
  (await client.get(`/api/v1/supervision/board${query}`).expect(200)).body;
const idsOf = (items: { caseId: string }[]) => items.map((i) => i.caseId).sort();

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  org.district = await addOrganization({
    name: '督办测试区矛调中心',
    kind: 'centre',
    level: 'district',
    parentId: DEMO.city,
  });
  org.s1 = await addOrganization({ name: '督办一街道中心', kind: 'centre', level: 'street', parentId: org.district });
  org.s2 = await addOrganization({ name: '督办二街道中心', kind: 'centre', level: 'street', parentId: org.district });
  org.committee = await addOrganization({
    name: '督办一街道人民调解委员会',
    kind: 'committee',
    level: 'street',
    parentId: org.s1,
  });
  org.department = await addOrganization({
    name: '督办测试区住建局',
    kind: 'department',
    level: 'district',
    parentId: org.district,
  });
  await addUser('d.supervisor', 'supervisor', org.district);
  supervisor = await t.as('d.supervisor');

  // Street centres carry a 20-day resolution target (docs/centres.md).
  t.clock.setToday('2026-02-25');
  ids.breached = await open(org.s2); // target due 2026-03-17
  t.clock.setToday('2026-03-02');
  ids.dueSoon = await open(org.s1); // target due 2026-03-22, a Sunday → 2026-03-23
  ids.red = await open(org.s1, { riskLevel: 'red' });
  t.clock.setToday('2026-03-19');
  ids.onTrack = await open(org.s1); // target due 2026-04-08
});
afterAll(() => t.close());

describe('GET /supervision/board', () => {
  it('counts open cases breached / due in 3 working days / on track, by organisation and level', async () => {
    const b = await board();
    expect(b).toMatchObject({ organizationId: org.district, today: '2026-03-19', dueSoonBy: '2026-03-24' });
    expect(b.byOrganization).toEqual([
      {
        organizationId: org.s1,
        name: '督办一街道中心',
        kind: 'centre',
        level: 'street',
        open: 3,
        breached: 0,
        dueSoon: 2,
        onTrack: 1,
      },
      {
        organizationId: org.s2,
        name: '督办二街道中心',
        kind: 'centre',
        level: 'street',
        open: 1,
        breached: 1,
        dueSoon: 0,
        onTrack: 0,
      },
    ]);
    expect(b.byLevel).toEqual([{ level: 'street', open: 4, breached: 1, dueSoon: 2, onTrack: 1 }]);
    expect(b.totals).toMatchObject({ open: 4, breached: 1, dueSoon: 2, onTrack: 1, redRisk: 1 });
    expect(b.redRisk).toEqual([
      expect.objectContaining({
        caseId: ids.red,
        riskLevel: 'red',
        deadlineStatus: 'dueSoon',
        nextDueOn: '2026-03-23',
        version: 1,
      }),
    ]);
  });

  it('lists stuck cases: no event for stuckThreshold working days, official calendar (default 10; S1 15)', async () => {
    expect(idsOf((await board()).stuck)).toEqual([ids.breached, ids.dueSoon, ids.red].sort());
    await admin
      .put(`/api/v1/organizations/${org.s1}/policy`)
      .send({ policy: { stuckThreshold: { length: 15, unit: 'workingDay' } } })
      .expect(200);
    const b = await board();
    // 2026-03-02 → 2026-03-19 is 13 working days: under S1's 15. 2026-02-25 → 2026-03-19 is 17 at S2, Saturday
    // 2026-02-28 being a make-up working day of the Spring Festival (State Council schedule for 2026).
    expect(b.stuck).toEqual([
      expect.objectContaining({
        caseId: ids.breached,
        lastEventOn: '2026-02-25',
        workingDaysIdle: 17,
        stuckThreshold: { length: 10, unit: 'workingDay' },
      }),
    ]);
    expect(b.totals.stuck).toBe(1);
  });

  it('shows a district supervisor its own subtree only; another organisation is 403', async () => {
    const xuanwu = await board(await t.as('supervisor'));
    expect(JSON.stringify(xuanwu)).not.toContain(ids.breached);
    expect(xuanwu.byOrganization.map((o: { organizationId: string }) => o.organizationId)).not.toContain(org.s1);
    const narrowed = await board(supervisor, `?organizationId=${org.s2}`);
    expect(narrowed.byOrganization.map((o: { organizationId: string }) => o.organizationId)).toEqual([org.s2]);
    expect(
      (await supervisor.get(`/api/v1/supervision/board?organizationId=${DEMO.xuanwu}`).expect(403)).body.code,
    ).toBe('FORBIDDEN');
    expect((await supervisor.get('/api/v1/supervision/board?organizationId=x').expect(400)).body.errors[0].field).toBe(
      'organizationId',
    );
    await (await t.as('mediator')).get('/api/v1/supervision/board').expect(403);
  });

  it('acts from the board’s data: supervise (督办) and escalate with If-Match, listed with due dates', async () => {
    const item = (await board()).redRisk[0];
    const sendFromBoard = (caseId: string, version: number, type: string, payload: Record<string, unknown>) =>
      supervisor.post(`/api/v1/cases/${caseId}/events`).set('If-Match', `"${version}"`).send({ type, payload });
    await sendFromBoard(item.caseId, item.version, 'case.supervised', {
      instructions: '三日内反馈化解进展',
      dueOn: '2026-03-26',
    }).expect(200);
    await sendFromBoard(item.caseId, item.version, 'case.supervised', {
      instructions: '重复',
      dueOn: '2026-03-26',
    }).expect(412);
    const breached = (await board()).byOrganization.find(
      (o: { organizationId: string }) => o.organizationId === org.s2,
    );
    expect(breached.breached).toBe(1);
    await sendFromBoard(ids.breached, 1, 'case.escalated', {
      toOrganizationId: org.district,
      reason: '超期未化解，提级',
    }).expect(200);
    const b = await board();
    expect(b.supervised).toEqual([
      expect.objectContaining({
        caseId: item.caseId,
        supervision: { instructions: '三日内反馈化解进展', dueOn: '2026-03-26', supervisedOn: '2026-03-19' },
      }),
    ]);
    // The district's 30-day target starts with the escalation:
    // 2026-03-19 + 30 = 2026-04-18, a Saturday → Monday 2026-04-20.
    expect(b.escalated).toEqual([
      expect.objectContaining({
        caseId: ids.breached,
        organizationId: org.district,
        level: 'district',
        escalatedOn: '2026-03-19',
        resolutionTargetDueOn: '2026-04-20',
      }),
    ]);
    expect(b.byLevel.map((l: { level: string }) => l.level)).toEqual(['district', 'street']);
  });

  it('assigns downward and transfers (吹哨报到) from the board: both land in the case’s trail', async () => {
    const item = (await board()).escalated[0];
    await supervisor
      .post(`/api/v1/cases/${item.caseId}/events`)
      .set('If-Match', `"${item.version}"`)
      .send({ type: 'case.assigned', payload: { organizationId: org.s2, reason: '属地化解' } })
      .expect(200);
    const again = (await board()).byOrganization.find((o: { organizationId: string }) => o.organizationId === org.s2);
    expect(again.open).toBe(1);
    await supervisor
      .post(`/api/v1/cases/${ids.onTrack}/events`)
      .send({
        type: 'case.transferred',
        payload: { organizationId: org.department, reason: '涉及房屋质量，住建部门处理' },
      })
      .expect(200);
    const trail = (await supervisor.get(`/api/v1/cases/${item.caseId}/events`).expect(200)).body.items.map(
      (e: { type: string }) => e.type,
    );
    expect(trail.slice(-2)).toEqual(['case.escalated', 'case.assigned']);
  });
});

describe('POST /supervision/reassignments (a mediator on leave)', () => {
  const people = { onLeave: '', colleague: '', elsewhere: '' };
  const cases = { one: '', two: '', colleagues: '', escalated: '', delegated: '' };
  const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
    t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload }).expect(200);
  const mediatingWith = async (mediatorId: string) => {
    const id = await open(org.committee);
    await send(id, 'application.accepted');
    await send(id, 'mediator.assigned', { mediatorId, chosenBy: 'committee' });
    return id;
  };
  const snapshotOf = async (id: string) => (await t.http.get(`/api/v1/cases/${id}`).expect(200)).body;

  beforeAll(async () => {
    people.onLeave = await addUser('leave.mediator', 'mediator', org.committee);
    people.colleague = await addUser('colleague.mediator', 'mediator', org.committee);
    people.elsewhere = await addUser('elsewhere.mediator', 'mediator', org.s2);
    cases.one = await mediatingWith(people.onLeave);
    cases.two = await mediatingWith(people.onLeave);
    cases.colleagues = await mediatingWith(people.colleague);
    // Handled by the district since: the colleague is not one of its mediators, so this case is refused.
    cases.escalated = await mediatingWith(people.onLeave);
    await send(cases.escalated, 'case.escalated', { toOrganizationId: org.district, reason: '疑难' });
    // A court's delegated mediation at S1, its mediator designated by the court.
    const referral = await open(org.district, {
      flow: 'court-referral',
      category: 'contract',
      summary: '货款纠纷，引导诉讼',
    });
    await send(referral, 'referral.submitted', { courtId: DEMO.xuanwuCourt });
    const { body } = await (
      await t.as('city-court')
    )
      .post(`/api/v1/cases/${referral}/events`)
      .send({
        type: 'mediation.delegated',
        payload: { organizationId: org.s1, courtReference: '（2026）玄民诉前调7号' },
      })
      .expect(200);
    cases.delegated = body.linkedCases[0].id;
    await send(cases.delegated, 'mediator.assigned', { mediatorId: people.onLeave, chosenBy: 'court' });
  });

  it('refuses bad input (400 on the field), another organisation’s mediator (422, PML Arts. 13, 19)', async () => {
    const post = (body: Record<string, unknown>) =>
      supervisor.post('/api/v1/supervision/reassignments').send({ reason: '休假', ...body });
    expect((await post({ fromMediatorId: 'x', toMediatorId: people.colleague }).expect(400)).body.errors[0].field).toBe(
      'fromMediatorId',
    );
    expect(
      (await post({ fromMediatorId: people.onLeave, toMediatorId: people.onLeave }).expect(400)).body.errors[0].field,
    ).toBe('toMediatorId');
    expect(
      (await post({ fromMediatorId: people.onLeave, toMediatorId: people.colleague, reason: '' }).expect(400)).body
        .errors[0].field,
    ).toBe('reason');
    expect(
      (
        await post({ fromMediatorId: '00000000-0000-4000-8000-0000000000a2', toMediatorId: people.colleague }).expect(
          400,
        )
      ).body.errors[0].field,
    ).toBe('fromMediatorId');
    const other = (await post({ fromMediatorId: people.onLeave, toMediatorId: people.elsewhere }).expect(422)).body;
    expect(other).toMatchObject({ code: 'RULE_VIOLATED', rule: 'MEDIATOR_NOT_OF_ORGANIZATION', field: 'toMediatorId' });
    expect((await snapshotOf(cases.one)).version).toBe(3);
    await (
      await t.as('mediator')
    )
      .post('/api/v1/supervision/reassignments')
      .send({ fromMediatorId: people.onLeave, toMediatorId: people.colleague, reason: '休假' })
      .expect(403);
  });

  it('moves cases one by one; a failure undoes none; delegated ones are skipped (SPC-Invited Art. 12)', async () => {
    const { body } = await supervisor
      .post('/api/v1/supervision/reassignments')
      .send({ fromMediatorId: people.onLeave, toMediatorId: people.colleague, reason: '调解员休假，案件改派' })
      .expect(200);
    expect(body).toMatchObject({ total: 4, reassigned: 2, partial: 0, failed: 1, skipped: 1 });
    const byCase = Object.fromEntries(body.items.map((i: { caseId: string }) => [i.caseId, i]));
    expect(byCase[cases.one]).toMatchObject({ outcome: 'reassigned', state: 'mediating', version: 5 });
    expect(byCase[cases.escalated]).toMatchObject({
      outcome: 'failed',
      version: 4,
      problem: { status: 422, code: 'RULE_VIOLATED', rule: 'MEDIATOR_NOT_OF_ORGANIZATION' },
    });
    expect(byCase[cases.colleagues]).toBeUndefined();
    // The parties or the court choose a delegated mediation's mediator again (SPC-Invited Art. 12): left to a person.
    expect(byCase[cases.delegated]).toMatchObject({
      outcome: 'skipped',
      flowId: 'delegated-mediation',
      state: 'awaitingMediatorConfirmation',
      problem: { code: 'EVENT_NOT_ALLOWED' },
    });
    expect((await snapshotOf(cases.delegated)).records.mediatorId).toBe(people.onLeave);
    for (const id of [cases.one, cases.two]) {
      expect((await snapshotOf(id)).records.mediatorId).toBe(people.colleague);
      const trail = (await supervisor.get(`/api/v1/cases/${id}/events`).expect(200)).body.items;
      expect(
        trail
          .slice(-2)
          .map((e: { type: string; payload: Record<string, unknown>; actor: { username?: string } }) => [
            e.type,
            e.payload,
            e.actor.username,
          ]),
      ).toEqual([
        ['mediator.recused', { reason: '调解员休假，案件改派' }, 'd.supervisor'],
        ['mediator.assigned', { mediatorId: people.colleague, chosenBy: 'committee' }, 'd.supervisor'],
      ]);
    }
    const failed = await snapshotOf(cases.escalated);
    expect([failed.version, failed.state, failed.records.mediatorId]).toEqual([4, 'mediating', people.onLeave]);
    // Nothing left to move but the refused case.
    const again = (
      await supervisor
        .post('/api/v1/supervision/reassignments')
        .send({ fromMediatorId: people.onLeave, toMediatorId: people.colleague, reason: '再次改派' })
        .expect(200)
    ).body;
    expect(again).toMatchObject({ total: 2, failed: 1, skipped: 1 });
    const check = await documentedSchema(t);
    expect([...check('BulkReassignment', body), ...check('SupervisionBoard', await board())]).toEqual([]);
  });
});
