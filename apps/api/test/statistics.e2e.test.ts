import ExcelJS from 'exceljs';
import { BACKFILL_CASE_STATISTICS } from '../src/database/migrations/1763900000011-CaseStatistics.js';
import { DeadlineScheduler } from '../src/deadlines/deadlineScheduler.js';
import { aParty, anIntake, DEMO, ID_NUMBERS, writtenAgreement } from './support/factories.js';
import { startTestApp, type Client, type TestApp } from './support/testApp.js';
import { bytes } from './support/pdfText.js';

/**
 * The statistics reports (issue 16, docs/reports.md) on a seeded set of cases driven through the
 * API on a moving clock, with the engine's own deadline expiries (one scheduler pass on
 * 2026-05-10). Every expected figure below is counted by hand from the story in `beforeAll`.
 *
 * 玄武 (the district supervisor's subtree), people's mediation at the 梅园新村 committee unless said:
 *   A neighbour, 2 parties: accepted 03-02, written agreement 03-02 (3000.00), judicially confirmed
 *     03-20 (JC1), performed 03-21; return visit 03-25 满意.
 *   B neighbour, 3 parties: accepted 03-02, oral agreement 03-05 (1200.50 + 800.00); 防止民转刑;
 *     return visit 03-25 基本满意.
 *   C contract: accepted 03-02, terminated without agreement 03-06; 防止民转刑; return visit 03-07 不满意.
 *   D contract: accepted 03-02, mediation period (1 month) expired → terminated on 05-10.
 *   F neighbour: never accepted.
 *   H damages, red risk, at the 新街口 street centre: accepted 03-02, escalated to the district 03-04,
 *     written agreement there 03-06 (500.00).
 *   G neighbour: accepted 2026-12-31, written agreement at 2026-12-31T16:30Z = 2027-01-01 China time (100.00).
 *   Petitions at the 玄武 petition office: P1 张三 neighbour accepted 03-05, opinion (supported)
 *     03-20, closed 05-10 when the review period lapsed; P2 李四 contract routed to litigation
 *     03-03, return visit 03-10 不满意; P3 张三 neighbour again (a repeat of P1), accepted late on
 *     05-10 after acceptanceDecision expired; P4 王五 contract accepted 03-02, opinion late on 05-10.
 *   Judicial confirmation at the 玄武 court: JC1 on A, applied and accepted 03-12, confirmed
 *     (ruledOn 03-20); JC2 inline, accepted 03-02, dismissed 03-05; JC3 inline, accepted 03-02,
 *     confirmed 05-10 (ruledOn 05-10) after the 30-day special procedure period expired.
 * 秦淮 (outside the district): E neighbour at 夫子庙, accepted 03-02, agreement 03-03 (1000.00).
 */
let t: TestApp;
let supervisor: Client;
let admin: Client;
let court: Client;
const ids: Record<string, string> = {};

const day = (d: string, time = '10:00:00') => new Date(`${d}T${time}+08:00`);
const at = (d: string) => t.clock.set(day(d));
const send = (client: Client, id: string, type: string, payload: Record<string, unknown> = {}) =>
  client
    .post(`/api/v1/cases/${id}/events`)
    .send({ type, payload })
    .then((r) => {
      if (r.status !== 200) throw new Error(`${type} on ${id}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    });
const open = async (client: Client, intake: Record<string, unknown>) => {
  const r = await client.post('/api/v1/cases').send(intake);
  if (r.status !== 201) throw new Error(`opening: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
};
const zhang = () => aParty();
const li = (o: Record<string, unknown> = {}) =>
  aParty({ role: 'respondent', name: '李四', idNumber: ID_NUMBERS.li, phone: '13900139000', ...o });
const wang = (o: Record<string, unknown> = {}) =>
  aParty({ role: 'respondent', name: '王五', idNumber: ID_NUMBERS.wang, phone: '13700137000', ...o });
const terms = (...amounts: string[]) =>
  amounts.map((amount) => ({ obligorPartyId: 'p2', description: '赔偿', amount }));

async function mediating(name: string, overrides: Record<string, unknown> = {}) {
  const id = await open(t.http, anIntake(overrides));
  await send(t.http, id, 'application.accepted');
  await send(t.http, id, 'mediator.assigned', {
    mediatorId: await t.mediatorAt(String(overrides.organizationId ?? DEMO.meiyuanCommittee)),
    chosenBy: 'committee',
  });
  ids[name] = id;
  return id;
}
const visit = (id: string, visitedOn: string, satisfaction: string) =>
  supervisor
    .post(`/api/v1/cases/${id}/return-visits`)
    .send({
      visitedOn,
      personsVisited: '申请人（电话回访）',
      performance: 'performed',
      satisfaction,
      newDispute: false,
    })
    .expect(201);
const inlineConfirmation = () =>
  anIntake({
    flow: 'judicial-confirmation',
    organizationId: DEMO.xuanwuCourt,
    category: 'contract',
    summary: '申请确认调解协议效力',
    parties: [zhang(), li({ role: 'applicant' })],
    agreement: {
      effectiveOn: '2026-02-20',
      subject: 'propertyObligation',
      boundParties: [
        { name: '张三', idNumber: ID_NUMBERS.zhang },
        { name: '李四', idNumber: ID_NUMBERS.li },
      ],
      terms: [{ obligorPartyId: 'p2', description: '支付货款', amount: '6000.00', dueOn: '2026-05-31' }],
    },
  });

beforeAll(async () => {
  t = await startTestApp();
  supervisor = await t.as('supervisor');
  admin = await t.as('admin');
  court = await t.as('court');
  const reception = await t.as('petition');

  at('2026-03-02');
  const a = await mediating('A');
  await send(t.http, a, 'agreement.signed', writtenAgreement());
  await mediating('B', { parties: [zhang(), li(), wang()] });
  await mediating('C', { category: 'contract' });
  await mediating('D', { category: 'contract' });
  ids.F = await open(t.http, anIntake());
  await mediating('H', { category: 'damages', riskLevel: 'red', organizationId: DEMO.xinjiekou });
  await mediating('E', { organizationId: DEMO.fuzimiao });
  ids.P1 = await open(
    reception,
    anIntake({
      flow: 'petition',
      petitionType: 'claim',
      channel: 'letter',
      organizationId: DEMO.xuanwuPetitionOffice,
      parties: [zhang(), li()],
    }),
  );
  t.clock.set(day('2026-03-02', '10:05:00'));
  ids.P2 = await open(
    reception,
    anIntake({
      flow: 'petition',
      petitionType: 'claim',
      channel: 'letter',
      category: 'contract',
      organizationId: DEMO.xuanwuPetitionOffice,
      parties: [li({ role: 'applicant' }), wang()],
    }),
  );
  // P3 after P1: same petitioner (张三's ID number), same category.
  t.clock.set(day('2026-03-02', '10:10:00'));
  ids.P3 = await open(
    reception,
    anIntake({
      flow: 'petition',
      petitionType: 'claim',
      channel: 'walkIn',
      organizationId: DEMO.xuanwuPetitionOffice,
      parties: [zhang(), li()],
    }),
  );
  ids.P4 = await open(
    reception,
    anIntake({
      flow: 'petition',
      petitionType: 'claim',
      channel: 'letter',
      category: 'contract',
      organizationId: DEMO.xuanwuPetitionOffice,
      parties: [wang({ role: 'applicant' }), li()],
    }),
  );
  await send(t.http, ids.P4, 'petition.accepted');
  ids.JC2 = await open(court, inlineConfirmation());
  await send(court, ids.JC2, 'application.accepted');
  ids.JC3 = await open(court, inlineConfirmation());
  await send(court, ids.JC3, 'application.accepted');

  at('2026-03-03');
  await send(t.http, ids.E!, 'agreement.signed', writtenAgreement({ terms: terms('1000.00') }));
  await send(t.http, ids.P2, 'petition.routedToLegalProcedure', { route: 'litigation' });

  at('2026-03-04');
  await send(supervisor, ids.H!, 'case.escalated', {
    toOrganizationId: DEMO.xuanwu,
    reason: '涉及多部门，街道难以化解',
  });

  at('2026-03-05');
  await send(t.http, ids.B!, 'agreement.signed', { form: 'oral', terms: terms('1200.50', '800.00') });
  await send(t.http, ids.P1, 'petition.accepted');
  await send(court, ids.JC2, 'application.dismissed', { reason: 'unclearContent', rulingNo: '（2026）玄民特2号' });
  await supervisor
    .put(`/api/v1/cases/${ids.B}/criminal-risk-prevented`)
    .send({ prevented: true, note: '双方曾扬言报复，经调解化解' })
    .expect(200);

  at('2026-03-06');
  await send(t.http, ids.C!, 'mediation.terminated', { reason: 'noAgreement' });
  await send(t.http, ids.H!, 'agreement.signed', writtenAgreement({ terms: terms('500.00') }));
  await supervisor
    .put(`/api/v1/cases/${ids.C}/criminal-risk-prevented`)
    .send({ prevented: true, note: '双方曾扬言报复，经调解化解' })
    .expect(200);

  at('2026-03-07');
  await visit(ids.C!, '2026-03-07', 'dissatisfied');
  at('2026-03-10');
  await visit(ids.P2, '2026-03-10', 'dissatisfied');

  at('2026-03-12');
  ids.JC1 = await open(
    court,
    anIntake({
      flow: 'judicial-confirmation',
      organizationId: DEMO.xuanwuCourt,
      summary: '申请司法确认调解协议',
      linkedCaseId: a,
      parties: [aParty({ linkedPartyId: 'p1' }), li({ role: 'applicant', linkedPartyId: 'p2' })],
    }),
  );
  await send(court, ids.JC1, 'application.accepted');

  at('2026-03-20');
  await send(court, ids.JC1, 'agreement.confirmed', {
    rulingNo: '（2026）玄民特1号',
    ruledOn: '2026-03-20',
    servedOn: '2026-03-20',
  });
  await send(t.http, ids.P1, 'opinion.issued', { result: 'supported', servedOn: '2026-03-20' });

  at('2026-03-21');
  await send(t.http, a, 'performance.confirmed');
  at('2026-03-25');
  await visit(a, '2026-03-25', 'satisfied');
  await visit(ids.B!, '2026-03-25', 'basicallySatisfied');

  // The engine's expiries: D's mediation period, P3's acceptance target, P4's handling period,
  // JC3's review and special-procedure periods, P1's review-request window; and windows that lapse.
  at('2026-05-10');
  const scheduler = t.app.get(DeadlineScheduler);
  while ((await scheduler.runOnce()).fired > 0);
  await send(t.http, ids.P3, 'petition.accepted');
  await send(t.http, ids.P4, 'opinion.issued', { result: 'explained', servedOn: '2026-05-10' });
  await send(court, ids.JC3, 'agreement.confirmed', {
    rulingNo: '（2026）玄民特3号',
    ruledOn: '2026-05-10',
    servedOn: '2026-05-10',
  });

  at('2026-12-31');
  await mediating('G');
  // 00:30 on 1 January in China: the agreement is a 2027 one.
  t.clock.set(new Date('2026-12-31T16:30:00Z'));
  await send(t.http, ids.G!, 'agreement.signed', writtenAgreement({ terms: terms('100.00') }));
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const get = async (client: Client, path: string, status = 200) =>
  (await client.get(`/api/v1/reports/${path}`).expect(status)).body;
const row = (body: { rows: { key: string }[] }, key: string) => body.rows.find((r) => r.key === key);

const ZERO_MEDIATION = {
  accepted: 0,
  concluded: 0,
  succeeded: 0,
  failed: 0,
  successRate: null,
  oralAgreements: 0,
  writtenAgreements: 0,
  performed: 0,
  judiciallyConfirmed: 0,
  parties: 0,
  groupCases: 0,
  groupParties: 0,
  amount: '0.00',
  criminalRiskPrevented: 0,
  criminalRiskPreventedParties: 0,
};

describe('the seeded story holds', () => {
  it('has the engine’s expiries where the story says (the premises of the figures below)', async () => {
    const expired = async (id: string) =>
      (
        (await t.http.get(`/api/v1/cases/${id}/events`).expect(200)).body.items as {
          type: string;
          payload: { kind?: string };
        }[]
      )
        .filter((e) => e.type === 'deadline.expired')
        .map((e) => e.payload.kind)
        .sort();
    expect(await expired(ids.D!)).toEqual(['mediationPeriod']);
    expect(await expired(ids.P3!)).toEqual(['acceptanceDecision']);
    expect(await expired(ids.P4!)).toEqual(['handlingPeriod']);
    expect(await expired(ids.JC3!)).toEqual(['reviewDecision', 'specialProcedurePeriod']);
    expect(await expired(ids.P1!)).toEqual(['reviewRequestPeriod']);
    expect(await expired(ids.A!)).toEqual([]);
    expect(await expired(ids.F!)).toEqual([]);
    expect(await expired(ids.B!)).toEqual(['confirmationWindow']);
    // H's window lapsed; its resolution target (the district's, restarted by the escalation) too, or not at all.
    expect((await expired(ids.H!)).filter((k) => k !== 'resolutionTarget')).toEqual(['confirmationWindow']);
  });
});

describe('GET /api/v1/reports/mediation (人民调解案件统计表)', () => {
  it('counts the district’s 2026 mediations by category × result, agreements, parties, amount and 防止民转刑', async () => {
    const body = await get(supervisor, 'mediation?year=2026');
    expect(body).toMatchObject({
      report: 'mediation',
      title: '人民调解案件统计表',
      groupBy: 'category',
      organization: { id: DEMO.xuanwu, level: 'district' },
    });
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026年' });
    // A, B, C, D, H, G accepted (F never); A, B, H succeeded (G's agreement is 2027's); C, D failed.
    expect(body.total).toEqual({
      accepted: 6,
      concluded: 5,
      succeeded: 3,
      failed: 2,
      successRate: 0.6,
      oralAgreements: 1,
      writtenAgreements: 2,
      performed: 1,
      judiciallyConfirmed: 1,
      parties: 2 + 3 + 2 + 2 + 2,
      groupCases: 1,
      groupParties: 3,
      amount: '5500.50',
      criminalRiskPrevented: 2,
      criminalRiskPreventedParties: 3 + 2,
    });
    expect(row(body, 'neighbour')).toEqual({
      key: 'neighbour',
      label: '邻里纠纷',
      accepted: 3,
      concluded: 2,
      succeeded: 2,
      failed: 0,
      successRate: 1,
      oralAgreements: 1,
      writtenAgreements: 1,
      performed: 1,
      judiciallyConfirmed: 1,
      parties: 5,
      groupCases: 1,
      groupParties: 3,
      amount: '5000.50',
      criminalRiskPrevented: 1,
      criminalRiskPreventedParties: 3,
    });
    expect(row(body, 'contract')).toMatchObject({
      accepted: 2,
      concluded: 2,
      succeeded: 0,
      failed: 2,
      successRate: 0,
      parties: 4,
      amount: '0.00',
      criminalRiskPrevented: 1,
      criminalRiskPreventedParties: 2,
    });
    expect(row(body, 'damages')).toMatchObject({
      accepted: 1,
      succeeded: 1,
      writtenAgreements: 1,
      parties: 2,
      amount: '500.00',
    });
    // Every category of the form is a row, those with nothing at zero.
    expect(body.rows).toHaveLength(15);
    expect(row(body, 'medical')).toEqual({ key: 'medical', label: '医疗纠纷', ...ZERO_MEDIATION });
  });

  it('counts an event at 2026-12-31T16:30Z on 1 January 2027, China time', async () => {
    const next = await get(supervisor, 'mediation?year=2027');
    expect(next.total).toMatchObject({ accepted: 0, succeeded: 1, writtenAgreements: 1, amount: '100.00', parties: 2 });
    const december = await get(supervisor, 'mediation?year=2026&month=12');
    expect(december.total).toMatchObject({ accepted: 1, succeeded: 0, amount: '0.00' });
    const january = await get(supervisor, 'mediation?from=2027-01-01&to=2027-01-01');
    expect(january.total).toMatchObject({ succeeded: 1 });
    expect(january.period).toEqual({ from: '2027-01-01', to: '2027-01-01', label: '2027-01-01至2027-01-01' });
    const months = await get(supervisor, 'mediation?from=2026-12-01&to=2027-01-31&groupBy=month');
    expect(
      months.rows.map((r: { key: string; label: string; accepted: number; succeeded: number }) => [
        r.key,
        r.label,
        r.accepted,
        r.succeeded,
      ]),
    ).toEqual([
      ['2026-12', '2026年12月', 1, 0],
      ['2027-01', '2027年1月', 0, 1],
    ]);
  });

  it('narrows to a quarter, an organisation below, a level, a category or a flow', async () => {
    expect((await get(supervisor, 'mediation?year=2026&quarter=1')).total).toMatchObject({
      accepted: 5,
      succeeded: 3,
      failed: 1,
    });
    expect((await get(supervisor, 'mediation?year=2026&quarter=2')).total).toMatchObject({
      accepted: 0,
      succeeded: 0,
      failed: 1,
    });
    // 梅园新村 street: all but H (now handled by the district itself).
    const street = await get(supervisor, `mediation?year=2026&organizationId=${DEMO.meiyuan}`);
    expect(street.total).toMatchObject({ accepted: 5, succeeded: 2, failed: 2, amount: '5000.50' });
    const district = await get(supervisor, 'mediation?year=2026&level=district');
    expect(district.total).toMatchObject({ accepted: 1, succeeded: 1, amount: '500.00' });
    const contract = await get(supervisor, 'mediation?year=2026&category=contract');
    expect(contract.total).toMatchObject({ accepted: 2, failed: 2 });
    expect((await get(supervisor, 'mediation?year=2026&flow=delegated-mediation')).total).toEqual(ZERO_MEDIATION);
    const byOrganization = await get(supervisor, 'mediation?year=2026&groupBy=organization');
    expect(row(byOrganization, DEMO.xuanwu)).toMatchObject({
      label: '玄武区矛盾纠纷调处化解中心',
      level: 'district',
      accepted: 1,
      succeeded: 1,
    });
    expect(row(byOrganization, DEMO.meiyuan)).toMatchObject({ accepted: 5, succeeded: 2 });
    expect(row(byOrganization, DEMO.xinjiekou)).toMatchObject({ accepted: 0, succeeded: 0 });
  });

  it('gives the district its subtree only; the city sees 秦淮 too', async () => {
    const city = await get(admin, 'mediation?year=2026');
    expect(city.total).toMatchObject({ accepted: 7, succeeded: 4, amount: '6500.50' });
    expect((await get(supervisor, `mediation?year=2026&organizationId=${DEMO.qinhuai}`, 403)).code).toBe('FORBIDDEN');
    expect((await get(await t.as('mediator'), 'mediation?year=2026', 403)).code).toBe('FORBIDDEN');
  });

  it('answers an empty period with zeros and null rates', async () => {
    const empty = await get(supervisor, 'mediation?year=2025');
    expect(empty.total).toEqual(ZERO_MEDIATION);
    expect(empty.rows.every((r: { accepted: number }) => r.accepted === 0)).toBe(true);
  });

  it('refuses a period that is missing, doubled or reversed, with the field (400)', async () => {
    expect((await get(supervisor, 'mediation', 400)).errors).toEqual([
      { field: 'year', message: 'is required (or from and to)' },
    ]);
    expect((await get(supervisor, 'mediation?year=2026&from=2026-01-01&to=2026-02-01', 400)).errors).toEqual([
      { field: 'year', message: 'cannot be given with from and to' },
    ]);
    expect((await get(supervisor, 'mediation?from=2026-02-01&to=2026-01-31', 400)).errors).toEqual([
      { field: 'to', message: 'must not be before from' },
    ]);
    expect((await get(supervisor, 'mediation?from=2026-02-01', 400)).errors).toEqual([
      { field: 'to', message: 'is required with from' },
    ]);
    expect((await get(supervisor, 'mediation?year=2026&quarter=1&month=2', 400)).errors).toEqual([
      { field: 'month', message: 'cannot be given with quarter' },
    ]);
    expect((await get(supervisor, 'mediation?year=2026&quarter=5', 400)).code).toBe('VALIDATION_FAILED');
    expect((await get(supervisor, 'mediation?from=2026-02-30&to=2026-03-01', 400)).code).toBe('VALIDATION_FAILED');
    expect((await get(supervisor, 'mediation?year=2026&flow=petition', 400)).errors[0].field).toBe('flow');
  });
});

describe('GET /api/v1/reports/centre (综治/矛调中心考核)', () => {
  it('gives 化解率, within 30 days and the time limits, 不出街镇, escalated, overdue, risk and satisfaction', async () => {
    const body = await get(supervisor, 'centre?year=2026');
    // Accepted: A B C D H G, P1 P3 P4, JC1 JC2 JC3 = 12. Resolved: A B H G P1 JC1 JC3 = 7.
    // Within 30 days of acceptance: A (0) B (3) H (4) G (1) JC1 (8); P1 (66) and JC3 (69) not.
    // Within the time limits: all but JC3, whose review and special-procedure periods expired first.
    // At street level: A B G (the committee); H at the district, P1 at the petition office, JC1 JC3 at the court are
    // not.
    const total = body.total;
    expect(total).toMatchObject({
      accepted: 12,
      resolved: 7,
      resolutionRate: 0.5833,
      resolvedWithin30Days: 5,
      within30DaysRate: 0.7143,
      resolvedWithinTimeLimit: 6,
      withinTimeLimitRate: 0.8571,
      resolvedAtStreetLevel: 3,
      streetLevelRate: 0.4286,
      escalated: 1,
      redRisk: 1,
      orangeRisk: 0,
      // Visits: A 满意, B 基本满意, C 不满意, P2 不满意.
      returnVisits: 4,
      satisfied: 1,
      basicallySatisfied: 1,
      dissatisfied: 2,
      satisfactionRate: 0.5,
    });
    // Overdue: D (mediation period), P3 (acceptance), P4 (handling), JC3 (review); H when its resolution target expired
    // too.
    const hTarget = (
      (await t.http.get(`/api/v1/cases/${ids.H}/events`).expect(200)).body.items as {
        type: string;
        payload: { kind?: string };
      }[]
    ).some((e) => e.type === 'deadline.expired' && e.payload.kind === 'resolutionTarget');
    expect(total.overdue).toBe(4 + (hTarget ? 1 : 0));
    const rows = Object.fromEntries(body.rows.map((r: { key: string }) => [r.key, r]));
    expect(rows[DEMO.meiyuan]).toMatchObject({
      accepted: 5,
      resolved: 3,
      resolvedAtStreetLevel: 3,
      returnVisits: 3,
      satisfied: 1,
      dissatisfied: 1,
    });
    expect(rows[DEMO.xuanwuCourt]).toMatchObject({
      accepted: 3,
      resolved: 2,
      resolvedWithin30Days: 1,
      resolvedWithinTimeLimit: 1,
      overdue: 1,
    });
    expect(rows[DEMO.xuanwuPetitionOffice]).toMatchObject({
      accepted: 3,
      resolved: 1,
      overdue: 2,
      returnVisits: 1,
      dissatisfied: 1,
      satisfactionRate: 0,
    });
    expect(rows[DEMO.xuanwu]).toMatchObject({ accepted: 1, resolved: 1, redRisk: 1, resolvedAtStreetLevel: 0 });
    expect(rows[DEMO.xinjiekou]).toMatchObject({ accepted: 0, escalated: 0 });
  });

  it('counts the escalation in the month it happened, and nothing in an empty period', async () => {
    const march = await get(supervisor, 'centre?year=2026&month=3');
    // Accepted in March: A B C D H, P1 P4, JC1 JC2 JC3 (P3 in May, G in December).
    expect(march.total).toMatchObject({ escalated: 1, accepted: 10, overdue: 0, returnVisits: 4 });
    const empty = await get(supervisor, 'centre?year=2025');
    expect(empty.total).toMatchObject({
      accepted: 0,
      resolved: 0,
      resolutionRate: null,
      within30DaysRate: null,
      satisfactionRate: null,
      overdue: 0,
    });
  });
});

describe('GET /api/v1/reports/petitions (信访)', () => {
  it('gives timely acceptance, on-time reply, repeat petitions and satisfaction', async () => {
    const body = await get(supervisor, 'petitions?year=2026');
    expect(body.total).toEqual({
      registered: 4,
      // P1 (3 days), P2 routed (1), P4 (0) within 15 days; P3 after acceptanceDecision expired (PC-Reg Arts. 22, 23).
      acceptanceDecisions: 4,
      acceptedTimely: 3,
      timelyAcceptanceRate: 0.75,
      // P1 within 60 days; P4 after handlingPeriod expired (PC-Reg Art. 34).
      replies: 2,
      repliedOnTime: 1,
      onTimeReplyRate: 0.5,
      // P3: 张三 again on a neighbour dispute, after P1.
      repeat: 1,
      repeatRate: 0.25,
      returnVisits: 1,
      satisfied: 0,
      basicallySatisfied: 0,
      dissatisfied: 1,
      satisfactionRate: 0,
    });
    expect(row(body, DEMO.xuanwuPetitionOffice)).toMatchObject({ registered: 4, repeat: 1 });
    const may = await get(supervisor, 'petitions?year=2026&month=5');
    expect(may.total).toMatchObject({
      registered: 0,
      acceptanceDecisions: 1,
      acceptedTimely: 0,
      replies: 1,
      repliedOnTime: 0,
      repeat: 0,
    });
  });

  it('answers an empty period with zeros', async () => {
    expect((await get(supervisor, 'petitions?year=2025')).total).toMatchObject({
      registered: 0,
      timelyAcceptanceRate: null,
      onTimeReplyRate: null,
      repeatRate: null,
    });
  });
});

describe('GET /api/v1/reports/courts (司法确认)', () => {
  it('gives applications, outcomes, median days to ruling and the share within 30 days (CPL Art. 187)', async () => {
    const body = await get(supervisor, 'courts?year=2026');
    // Days to ruling: JC1 8, JC2 3, JC3 69 → median 8; JC3 after specialProcedurePeriod expired.
    expect(body.total).toEqual({
      received: 3,
      accepted: 3,
      notAccepted: 0,
      confirmed: 2,
      dismissed: 1,
      withdrawn: 0,
      rulings: 3,
      medianDaysToRuling: 8,
      withinSpecialPeriod: 2,
      withinSpecialPeriodRate: 0.6667,
    });
    expect(row(body, DEMO.xuanwuCourt)).toMatchObject({ received: 3, rulings: 3 });
    const march = await get(supervisor, 'courts?year=2026&month=3');
    expect(march.total).toMatchObject({
      received: 3,
      confirmed: 1,
      dismissed: 1,
      rulings: 2,
      medianDaysToRuling: 5.5,
      withinSpecialPeriod: 2,
      withinSpecialPeriodRate: 1,
    });
    expect((await get(supervisor, 'courts?year=2025')).total).toMatchObject({
      received: 0,
      rulings: 0,
      medianDaysToRuling: null,
      withinSpecialPeriodRate: null,
    });
  });
});

describe('the Excel workbooks', () => {
  const workbook = async (path: string, accept?: string) => {
    let request = supervisor.get(`/api/v1/reports/${path}`);
    if (accept) request = request.set('Accept', accept);
    const response = await request.buffer(true).parse(bytes);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; the body is Node's.
    await book.xlsx.load(response.body as never);
    return book.worksheets[0]!;
  };
  const values = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);

  it('lays out the mediation form: title, organisation, period, 2 header rows, a row per category, total', async () => {
    const sheet = await workbook('mediation?year=2026&format=xlsx');
    expect(sheet.getCell('A1').value).toBe('人民调解案件统计表');
    expect(sheet.getCell('A2').value).toBe('填报单位：玄武区矛盾纠纷调处化解中心');
    expect(String(sheet.getCell(2, 9).value)).toBe('统计期间：2026年（2026-01-01至2026-12-31）');
    expect(sheet.getCell('A3').value).toBe('纠纷类别');
    expect(sheet.getCell('C3').value).toBe('调解（件）');
    expect(values(sheet, 4).slice(2, 5)).toEqual(['合计', '成功', '不成功']);
    const neighbour = sheet.getRow(6);
    expect(neighbour.getCell(1).value).toBe('邻里纠纷');
    expect(values(sheet, 6)).toEqual(['邻里纠纷', 3, 2, 2, 0, 1, 1, 1, 1, 1, 5, 1, 3, 5000.5, 1, 3]);
    // Data from row 5 (marriageFamily, then neighbour …), 15 categories, then the total.
    const total = sheet.getRow(5 + 15);
    expect(values(sheet, total.number)).toEqual(['合计', 6, 5, 3, 2, 0.6, 1, 2, 1, 1, 11, 1, 3, 5500.5, 2, 5]);
    expect(total.getCell(6).numFmt).toBe('0.00%');
  });

  it('answers the same with Accept: the xlsx media type, for each report', async () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const centre = await workbook('centre?year=2026', xlsx);
    expect(centre.getCell('A1').value).toBe('矛盾纠纷调处化解工作考核统计表');
    const centreTotal = values(centre, centre.rowCount - 2);
    expect(centreTotal.slice(0, 4)).toEqual(['合计', 12, 7, 0.5833]);
    const courts = await workbook('courts?year=2026', xlsx);
    expect(values(courts, courts.rowCount - 2)).toEqual(['合计', 3, 3, 0, 2, 1, 0, 8, 2, 0.6667]);
    const petitions = await workbook('petitions?year=2026&format=xlsx');
    expect(values(petitions, petitions.rowCount - 2).slice(0, 4)).toEqual(['合计', 4, 4, 3]);
  });
});

describe('case_statistics (migration 1763900000011)', () => {
  it('holds, kept by the triggers, exactly the rows the migration’s backfill computes from the trail', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const read = async () => ({
        cases: await runner.query(`SELECT * FROM case_statistics ORDER BY case_id`),
        visits: await runner.query(`SELECT * FROM return_visit_statistics ORDER BY visit_id`),
      });
      const kept = await read();
      // One row per case of the story (none of its events opened another case), one per visit.
      expect(kept.cases).toHaveLength(Object.keys(ids).length);
      expect(kept.visits).toHaveLength(4);
      expect(kept.visits.find((v: { case_id: string }) => v.case_id === ids.P2)).toMatchObject({
        flow_id: 'petition',
        organization_id: DEMO.xuanwuPetitionOffice,
        satisfaction: 'dissatisfied',
      });
      await runner.query(`DELETE FROM case_statistics; DELETE FROM return_visit_statistics`);
      await runner.query(BACKFILL_CASE_STATISTICS);
      expect(await read()).toEqual(kept);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
