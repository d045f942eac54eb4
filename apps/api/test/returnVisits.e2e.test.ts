import { getFlow, listFlows } from '@jiefen/flows';
import { DocumentProducer } from '../src/documents/documentProducer.js';
import { TemplateRegistry } from '../src/documents/templateRegistry.js';
import { anIntake, DEMO, DEMO_MEDIATOR, writtenAgreement } from './support/factories.js';
import { documentedSchema } from './support/documentedSchema.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from './support/testApp.js';
import { bytes, pdfText } from './support/pdfText.js';

let t: TestApp;
/** The demo committee's mediator: the mediator of every case below. */
let mediator: Client;
beforeAll(async () => {
  t = await startTestApp();
  mediator = await t.as('mediator');
});
afterAll(() => t.close());

const send = (id: string, type: string, payload: Record<string, unknown> = {}) =>
  t.http.post(`/api/v1/cases/${id}/events`).send({ type, payload }).expect(200);

async function mediatingCase(): Promise<string> {
  const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
  await send(body.id, 'application.accepted');
  await send(body.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
  return body.id;
}

/** A case with an agreement whose one term is due 2026-04-30. */
async function agreedCase(terms?: unknown[]): Promise<string> {
  const id = await mediatingCase();
  await send(id, 'agreement.signed', writtenAgreement(terms ? { terms } : {}));
  return id;
}

const aVisit = (overrides: Record<string, unknown> = {}) => ({
  visitedOn: '2026-03-02',
  personsVisited: '申请人张三、被申请人李四（电话回访）',
  performance: 'notDue',
  satisfaction: 'satisfied',
  newDispute: false,
  ...overrides,
});

const versionOf = async (id: string) => (await t.http.get(`/api/v1/cases/${id}`).expect(200)).body.version as number;
const visitsOf = async (id: string) =>
  Number((await t.dataSource.query('SELECT count(*) AS n FROM return_visits WHERE case_id = $1', [id]))[0].n);

describe('POST /cases/:id/return-visits', () => {
  it('records the mediator’s return visit after the agreement (PML Art. 31): trail entry, version bumped', async () => {
    const id = await agreedCase();
    const before = await versionOf(id);
    const { body } = await mediator
      .post(`/api/v1/cases/${id}/return-visits`)
      .send(aVisit({ satisfaction: 'basicallySatisfied', riskNote: '维修质量仍有争议' }))
      .expect(201);
    expect(body).toMatchObject({
      caseId: id,
      organizationId: DEMO.meiyuanCommittee,
      visitedOn: '2026-03-02',
      visitedBy: { id: DEMO_MEDIATOR, username: 'mediator' },
      performance: 'notDue',
      satisfaction: 'basicallySatisfied',
      newDispute: false,
      riskNote: '维修质量仍有争议',
      note: null,
      caseVersion: before + 1,
    });
    expect(await versionOf(id)).toBe(before + 1);
    const trail = (await t.http.get(`/api/v1/cases/${id}/events`).expect(200)).body.items;
    expect(trail.at(-1)).toMatchObject({
      seq: before + 1,
      type: 'case.returnVisited',
      payload: { returnVisitId: body.id, titleZh: '回访', satisfaction: 'basicallySatisfied', performance: 'notDue' },
      actor: { userId: DEMO_MEDIATOR, role: 'mediator' },
    });
    const list = (await t.http.get(`/api/v1/cases/${id}/return-visits`).expect(200)).body;
    expect(list).toMatchObject({
      caseId: id,
      caseVersion: before + 1,
      criminalRiskPrevented: false,
      items: [{ id: body.id }],
    });
    const check = await documentedSchema(t);
    const due = (await mediator.get('/api/v1/return-visits/due?dueBefore=2026-12-31').expect(200)).body;
    const flag = (
      await mediator.put(`/api/v1/cases/${id}/criminal-risk-prevented`).send({ prevented: false }).expect(200)
    ).body;
    expect([
      ...check('ReturnVisitRecorded', body),
      ...check('ReturnVisitList', list),
      ...check('ReturnVisitsDue', due),
      ...check('CriminalRiskFlag', flag),
    ]).toEqual([]);
  });

  it('refuses a visit before the outcome (422 RETURN_VISIT_BEFORE_OUTCOME, PML Art. 31), writing nothing', async () => {
    const id = await mediatingCase();
    const before = await versionOf(id);
    const { body } = await mediator.post(`/api/v1/cases/${id}/return-visits`).send(aVisit()).expect(422);
    expect(body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'RETURN_VISIT_BEFORE_OUTCOME', basis: 'PML Art. 31' });
    expect([await versionOf(id), await visitsOf(id)]).toEqual([before, 0]);
  });

  it('accepts a visit on closing: a case ended without agreement (final states accept no flow event)', async () => {
    const id = await mediatingCase();
    await send(id, 'mediation.terminated', { reason: 'noAgreement', note: '双方分歧过大' });
    await mediator
      .post(`/api/v1/cases/${id}/return-visits`)
      .send(aVisit({ performance: 'notDue', satisfaction: 'dissatisfied', newDispute: true }))
      .expect(201);
  });

  it('answers 400 naming the field (satisfaction, performance, a future or pre-receipt day), no write', async () => {
    const id = await agreedCase();
    const before = await versionOf(id);
    const cases: [Record<string, unknown>, string][] = [
      [{ satisfaction: 'happy' }, 'satisfaction'],
      [{ performance: 'done' }, 'performance'],
      [{ visitedOn: '2026-03-03' }, 'visitedOn'],
      [{ visitedOn: '2026-02-30' }, 'visitedOn'],
      [{ visitedOn: '2025-01-01' }, 'visitedOn'],
      [{ personsVisited: '' }, 'personsVisited'],
      [{ newDispute: 'no' }, 'newDispute'],
    ];
    for (const [overrides, field] of cases) {
      const { body } = await mediator.post(`/api/v1/cases/${id}/return-visits`).send(aVisit(overrides)).expect(400);
      expect([field, body.errors.map((e: { field: string }) => e.field)]).toEqual([field, [field]]);
    }
    expect([await versionOf(id), await visitsOf(id)]).toEqual([before, 0]);
  });

  it('lets the mediator and a supervisor record; refuses reception, other mediators (403); 404 outside', async () => {
    const id = await agreedCase();
    await (await t.as('reception')).post(`/api/v1/cases/${id}/return-visits`).send(aVisit()).expect(403);
    const other = await t.mediatorAt(DEMO.meiyuanCommittee);
    const otherName = (await t.dataSource.query('SELECT username FROM users WHERE id = $1', [other]))[0].username;
    await (await t.as(otherName)).post(`/api/v1/cases/${id}/return-visits`).send(aVisit()).expect(403);
    await (await t.as('supervisor')).post(`/api/v1/cases/${id}/return-visits`).send(aVisit()).expect(201);
    const admin = await t.as('admin');
    await admin
      .post('/api/v1/users')
      .send({
        username: 'qinhuai.supervisor',
        displayName: '秦淮督办员',
        password: DEMO_PASSWORD,
        role: 'supervisor',
        organizationId: DEMO.qinhuai,
      })
      .expect(201);
    await (await t.as('qinhuai.supervisor')).post(`/api/v1/cases/${id}/return-visits`).send(aVisit()).expect(404);
    expect(await visitsOf(id)).toBe(1);
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    const id = await agreedCase();
    const before = await versionOf(id);
    const { body } = await mediator
      .post(`/api/v1/cases/${id}/return-visits`)
      .set('If-Match', `"${before - 1}"`)
      .send(aVisit())
      .expect(412);
    expect(body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: before });
    expect(await visitsOf(id)).toBe(0);
    await mediator.post(`/api/v1/cases/${id}/return-visits`).set('If-Match', `"${before}"`).send(aVisit()).expect(201);
  });
});

describe('GET /return-visits/due: the work queue', () => {
  it('lists a visit due 30 days (cfg) after the last performance, off a weekend; once done it leaves', async () => {
    // Term due 2026-04-30 (Thursday) + 30 days = Saturday 2026-05-30 → Monday 2026-06-01 (CC Art. 203).
    const id = await agreedCase();
    const due = async (dueBefore: string) =>
      (await mediator.get(`/api/v1/return-visits/due?dueBefore=${dueBefore}&mediatorId=${DEMO_MEDIATOR}`).expect(200))
        .body.items;
    expect((await due('2026-05-31')).map((i: { caseId: string }) => i.caseId)).not.toContain(id);
    const item = (await due('2026-06-01')).find((i: { caseId: string }) => i.caseId === id);
    expect(item).toMatchObject({
      countedFrom: '2026-04-30',
      returnVisitDueOn: '2026-06-01',
      organizationId: DEMO.meiyuanCommittee,
      mediatorId: DEMO_MEDIATOR,
    });
    await mediator.post(`/api/v1/cases/${id}/return-visits`).send(aVisit()).expect(201);
    expect((await due('2026-06-01')).map((i: { caseId: string }) => i.caseId)).not.toContain(id);
  });

  it('counts from the agreement’s effect if no term has a due date; follows the returnVisitTarget policy', async () => {
    const id = await agreedCase([{ obligorPartyId: 'p2', description: '赔礼道歉' }]);
    const admin = await t.as('admin');
    await admin
      .put(`/api/v1/organizations/${DEMO.meiyuan}/policy`)
      .send({ policy: { returnVisitTarget: { length: 10, unit: 'workingDay' } } })
      .expect(200);
    // Inherited by the committee below: 10 working days after Monday 2026-03-02 = Monday 2026-03-16.
    const items = (await mediator.get('/api/v1/return-visits/due?dueBefore=2026-03-16').expect(200)).body.items;
    expect(items.find((i: { caseId: string }) => i.caseId === id)).toMatchObject({
      countedFrom: '2026-03-02',
      returnVisitDueOn: '2026-03-16',
      workingDaysLeft: 10,
    });
    expect(
      (await mediator.get('/api/v1/return-visits/due?dueBefore=2026-03-13').expect(200)).body.items.map(
        (i: { caseId: string }) => i.caseId,
      ),
    ).not.toContain(id);
    await admin.put(`/api/v1/organizations/${DEMO.meiyuan}/policy`).send({ policy: {} }).expect(200);
  });

  it('answers 400 for a bad dueBefore', async () => {
    expect(
      (await mediator.get('/api/v1/return-visits/due?dueBefore=2026-13-01').expect(400)).body.errors[0].field,
    ).toBe('dueBefore');
  });
});

describe('PUT /cases/:id/criminal-risk-prevented (防止民转刑)', () => {
  it('is set by the mediator with a trail entry, version bumped; setting it again writes nothing', async () => {
    const id = await agreedCase();
    const before = await versionOf(id);
    const { body } = await mediator
      .put(`/api/v1/cases/${id}/criminal-risk-prevented`)
      .send({ prevented: true, note: '双方曾扬言报复' })
      .expect(200);
    expect(body).toEqual({ caseId: id, criminalRiskPrevented: true, version: before + 1 });
    const trail = (await t.http.get(`/api/v1/cases/${id}/events`).expect(200)).body.items;
    expect(trail.at(-1)).toMatchObject({
      type: 'case.criminalRiskFlagged',
      payload: { prevented: true, titleZh: '防止民转刑' },
    });
    expect(
      (await t.dataSource.query('SELECT criminal_risk_prevented FROM cases WHERE id = $1', [id]))[0]
        .criminal_risk_prevented,
    ).toBe(true);
    expect(
      (await mediator.put(`/api/v1/cases/${id}/criminal-risk-prevented`).send({ prevented: true }).expect(200)).body
        .version,
    ).toBe(before + 1);
  });

  it('refuses reception (403) and a body without prevented (400), writing nothing', async () => {
    const id = await mediatingCase();
    await (
      await t.as('reception')
    )
      .put(`/api/v1/cases/${id}/criminal-risk-prevented`)
      .send({ prevented: true })
      .expect(403);
    expect(
      (await mediator.put(`/api/v1/cases/${id}/criminal-risk-prevented`).send({}).expect(400)).body.errors[0].field,
    ).toBe('prevented');
    expect(
      (await t.dataSource.query('SELECT criminal_risk_prevented FROM cases WHERE id = $1', [id]))[0]
        .criminal_risk_prevented,
    ).toBe(false);
  });
});

describe('the 回访记录 (return-visit record, MoJ 2010 formats), issued with the visit', () => {
  const produceAll = async () => {
    const producer = t.app.get(DocumentProducer);
    for (let pass = 0; pass < 20; pass++) {
      const { issued, failed } = await producer.produceOnce();
      if (!issued && !failed) return;
    }
  };
  const recordsOf = async (id: string) =>
    (await mediator.get(`/api/v1/cases/${id}/documents`).expect(200)).body.items.filter(
      (d: { kind: string }) => d.kind === 'returnVisitRecord',
    );

  const textAt = async (path: string) =>
    pdfText((await mediator.get(path).buffer(true).parse(bytes).expect(200)).body as Buffer);

  it('requests the record in the visit’s transaction (PML Art. 31): pending, naming the entry, no number', async () => {
    const id = await agreedCase();
    const { body: visit } = await mediator.post(`/api/v1/cases/${id}/return-visits`).send(aVisit()).expect(201);
    const [record] = await recordsOf(id);
    expect(record).toMatchObject({
      kind: 'returnVisitRecord',
      status: 'pending',
      event: { seq: visit.caseVersion, type: 'case.returnVisited' },
    });
    const outbox = await t.dataSource.query(
      `SELECT recipient, payload->>'returnVisitId' AS visit FROM outbox WHERE case_id = $1
        AND kind = 'document.returnVisitRecord'`,
      [id],
    );
    expect(outbox).toEqual([
      { recipient: { type: 'organization', organizationId: DEMO.meiyuanCommittee }, visit: visit.id },
    ]);
    await produceAll();
    const [issued] = await recordsOf(id);
    expect(issued).toMatchObject({ status: 'issued', number: null, title: '人民调解回访记录' });
  });

  it('prints the visit: the agreement’s 文号, date, terms; the visit’s date, manner, persons, findings', async () => {
    const id = await agreedCase();
    await mediator
      .post(`/api/v1/cases/${id}/return-visits`)
      .send(
        aVisit({
          manner: 'onSite',
          performance: 'partlyPerformed',
          satisfaction: 'basicallySatisfied',
          newDispute: true,
          riskNote: '维修质量仍有争议',
          opinions: '申请人认为维修不彻底',
          measures: '督促被申请人于四月底前返修',
          lawsuit: '无人起诉',
          note: '约定再次回访',
        }),
      )
      .expect(201);
    await produceAll();
    const docs = (await mediator.get(`/api/v1/cases/${id}/documents`).expect(200)).body.items;
    const agreement = docs.find((d: { kind: string }) => d.kind === 'agreement');
    const [record] = await recordsOf(id);
    const text = await textAt(`/api/v1/cases/${id}/documents/${record.id}`);
    for (const expected of [
      '人民调解回访记录',
      `调解协议编号：${agreement.number}`,
      '回访时间：2026年3月2日',
      '回访方式：上门回访',
      '被回访人：申请人张三、被申请人李四（电话回访）',
      '张三',
      '李四',
      '承担维修费用，履行期限：2026年4月30日',
      '协议履行情况：部分履行',
      '当事人满意程度：基本满意',
      '是否发生新的纠纷：是',
      '当事人意见：申请人认为维修不彻底',
      '发现的问题及风险：维修质量仍有争议',
      '采取的措施：督促被申请人于四月底前返修',
      '是否起诉及裁判情况：无人起诉',
      '备注：约定再次回访',
      '回访人（签名）：',
    ])
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    expect(text).not.toContain('{{');
  });

  it('records a visit on closing without agreement, saying so and leaving the agreement’s number blank', async () => {
    const id = await mediatingCase();
    await send(id, 'mediation.terminated', { reason: 'noAgreement', note: '双方分歧过大' });
    await mediator
      .post(`/api/v1/cases/${id}/return-visits`)
      .send(aVisit({ satisfaction: 'dissatisfied', manner: 'phone' }))
      .expect(201);
    await produceAll();
    const [record] = await recordsOf(id);
    const text = await textAt(`/api/v1/cases/${id}/documents/${record.id}`);
    expect(text).toContain('本案未达成调解协议。');
    expect(text).toContain('调解协议编号：＿＿＿＿＿＿');
    expect(text).toContain('回访方式：电话回访');
    expect(text).toContain('当事人满意程度：不满意');
  });

  it('binds the record in the dossier after the agreement (人民调解卷宗 order: 协议书 8, 回访记录 10)', async () => {
    const id = await agreedCase();
    await mediator.post(`/api/v1/cases/${id}/return-visits`).send(aVisit()).expect(201);
    await produceAll();
    const text = await textAt(`/api/v1/cases/${id}/dossier`);
    // The index (卷内目录) lists the documents in binding order.
    expect(text.indexOf('人民调解协议书')).toBeGreaterThan(0);
    expect(text.indexOf('人民调解回访记录')).toBeGreaterThan(text.indexOf('人民调解协议书'));
  });

  it('requests no record when the visit is refused (412, 400, 422): nothing half-written', async () => {
    const id = await agreedCase();
    const before = await versionOf(id);
    await mediator
      .post(`/api/v1/cases/${id}/return-visits`)
      .set('If-Match', `"${before - 1}"`)
      .send(aVisit())
      .expect(412);
    const { body } = await mediator
      .post(`/api/v1/cases/${id}/return-visits`)
      .send(aVisit({ manner: 'byPigeon' }))
      .expect(400);
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['manner']);
    const open = await mediatingCase();
    await mediator.post(`/api/v1/cases/${open}/return-visits`).send(aVisit()).expect(422);
    expect([(await recordsOf(id)).length, (await recordsOf(open)).length, await visitsOf(id)]).toEqual([0, 0, 0]);
  });

  it('has a template for every flow, since a visit may be recorded in every flow after its outcome', () => {
    const registry = TemplateRegistry.load();
    const missing = listFlows()
      .map((f) => f.id)
      .filter((flowId) => !registry.find(flowId, getFlow(flowId).version, 'returnVisitRecord', {}));
    expect(missing).toEqual([]);
  });
});
