import { Writable } from 'node:stream';
import { listFlows } from '@jiefen/flows';
import { pino } from 'pino';
import type request from 'supertest';
import { aParty, anIntake, DEMO, ID_NUMBERS, writtenAgreement, DEMO_MEDIATOR } from './support/factories.js';
import { startTestApp, type Client, type TestApp } from './support/testApp.js';

/**
 * PIPL Arts. 28, 51: no response of any endpoint, and no log line, carries a seeded party's ID
 * number or phone in full. Every flow is driven through a full journey over HTTP, every response
 * (bodies, error bodies, headers) is kept, and the raw text is searched for the numbers' digits.
 * The one endpoint meant to return them, `POST …/personal-data` (an explicit, logged read), is
 * not called with a reader allowed to use it.
 */
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ logger: pino({ level: 'info' }, logStream) });
});
afterAll(async () => {
  await t.close();
});

const PHONES = { zhang: '13800138000', li: '13900139000', wang: '13700137000' } as const;
/**
 * What must never appear: each ID number's first 17 digits (so with or without its check character) and each phone's
 * digits.
 */
/** 民族, sensitive here (PIPL Art. 28, docs/security.md): never in a response or log line either. */
const ETHNICITIES = { zhang: '回族', li: '满族', wang: '壮族' } as const;
const SECRETS = [
  ...Object.values(ID_NUMBERS).map((id) => id.slice(0, 17)),
  ...Object.values(PHONES),
  ...Object.values(ETHNICITIES),
];

const zhang = () => aParty({ ethnicity: ETHNICITIES.zhang });
const li = (overrides: Record<string, unknown> = {}) =>
  aParty({
    role: 'respondent',
    name: '李四',
    idNumber: ID_NUMBERS.li,
    phone: PHONES.li,
    ethnicity: ETHNICITIES.li,
    ...overrides,
  });
const wang = (overrides: Record<string, unknown> = {}) =>
  aParty({
    role: 'respondent',
    name: '王五',
    idNumber: ID_NUMBERS.wang,
    phone: PHONES.wang,
    ethnicity: ETHNICITIES.wang,
    ...overrides,
  });

interface Seen {
  what: string;
  text: string;
}
const seen: Seen[] = [];

/**
 * Sends a request, keeps its whole response, and checks its status (a journey that went astray would prove nothing).
 */
async function hit(
  client: Client | ReturnType<typeof request>,
  method: 'get' | 'post',
  url: string,
  body?: unknown,
  status = method === 'post' && !url.endsWith('/events') ? 201 : 200,
) {
  const test = (client as Client)[method](url);
  const response = await (body === undefined ? test : test.send(body as object));
  seen.push({
    what: `${method.toUpperCase()} ${url} → ${response.status}`,
    text: `${response.text}\n${JSON.stringify(response.headers)}`,
  });
  expect({ url, status: response.status, body: response.status === status ? undefined : response.body }).toEqual({
    url,
    status,
    body: undefined,
  });
  return response.body;
}

const event = (client: Client, caseId: string, type: string, payload: Record<string, unknown> = {}, status = 200) =>
  hit(client, 'post', `/api/v1/cases/${caseId}/events`, { type, payload }, status);

/** Everything a reader can ask about a case: the case, its trail, and the lists it appears in. */
async function readAll(client: Client, c: { id: string; caseNumber: string }) {
  await hit(client, 'get', `/api/v1/cases/${c.id}`);
  await hit(client, 'get', `/api/v1/cases/${c.id}/events`);
  await hit(client, 'get', `/api/v1/cases?q=${encodeURIComponent(c.caseNumber)}`);
}

let mediator: Client;
let court: Client;
let reception: Client;
let supervisor: Client;
let admin: Client;
beforeAll(async () => {
  mediator = await t.as('city-mediator');
  court = await t.as('city-court');
  reception = await t.as('city-reception');
  supervisor = await t.as('city-supervisor');
  admin = await t.as('admin');
});

const journeys: Record<string, () => Promise<void>> = {
  async 'people-mediation'() {
    const c = await hit(mediator, 'post', '/api/v1/cases', anIntake({ parties: [zhang(), li()] }));
    await event(mediator, c.id, 'application.accepted');
    await event(mediator, c.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
    await event(supervisor, c.id, 'case.supervised', { instructions: '五日内化解', dueOn: '2026-03-09' });
    await event(mediator, c.id, 'supervision.answered', { note: '已联系双方' });
    await event(mediator, c.id, 'session.recorded', { heldOn: '2026-03-02', summary: '双方到场陈述' });
    await event(mediator, c.id, 'agreement.signed', writtenAgreement());
    await event(mediator, c.id, 'performance.confirmed');
    await readAll(mediator, c);
  },

  async 'administrative-mediation'() {
    const c = await hit(
      mediator,
      'post',
      '/api/v1/cases',
      anIntake({
        flow: 'administrative-mediation',
        domain: 'general',
        category: 'property',
        summary: '物业服务费争议',
        organizationId: DEMO.xuanwu,
        parties: [zhang(), wang()],
      }),
    );
    await event(mediator, c.id, 'application.accepted');
    await event(mediator, c.id, 'agreement.signed', {
      terms: [{ obligorPartyId: 'p2', description: '补缴物业费', amount: '1200.00' }],
      signatures: { partyIds: ['p1', 'p2'], mediator: true },
    });
    await readAll(mediator, c);
  },

  async 'judicial-confirmation'() {
    // On a people's mediation agreement of the court's district (PML Art. 33; CPL Art. 205) …
    const agreed = await hit(mediator, 'post', '/api/v1/cases', anIntake({ parties: [zhang(), li()] }));
    await event(mediator, agreed.id, 'application.accepted');
    await event(mediator, agreed.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
    await event(mediator, agreed.id, 'agreement.signed', writtenAgreement());
    const linked = await hit(
      court,
      'post',
      '/api/v1/cases',
      anIntake({
        flow: 'judicial-confirmation',
        organizationId: DEMO.xuanwuCourt,
        summary: '申请司法确认调解协议',
        linkedCaseId: agreed.id,
        parties: [aParty({ linkedPartyId: 'p1' }), li({ role: 'applicant', linkedPartyId: 'p2' })],
      }),
    );
    await event(court, linked.id, 'application.accepted');
    await event(court, linked.id, 'agreement.confirmed', {
      rulingNo: '（2026）玄民特1号',
      ruledOn: '2026-03-02',
      servedOn: '2026-03-02',
    });
    await readAll(court, linked);
    await readAll(mediator, agreed);
    // … and on an agreement given inline, whose bound parties are named by ID number (CPL-Interp Art. 354).
    const inline = await hit(
      court,
      'post',
      '/api/v1/cases',
      anIntake({
        flow: 'judicial-confirmation',
        organizationId: DEMO.xuanwuCourt,
        category: 'contract',
        summary: '申请确认调解协议效力',
        parties: [zhang(), li({ role: 'applicant' }), wang({ role: 'applicant' })],
        agreement: {
          effectiveOn: '2026-02-20',
          subject: 'propertyObligation',
          boundParties: [
            { name: '张三', idNumber: ID_NUMBERS.zhang },
            { name: '李四', idNumber: ID_NUMBERS.li },
            { name: '王五', idNumber: ID_NUMBERS.wang },
          ],
          terms: [{ obligorPartyId: 'p2', description: '支付货款', amount: '6000.00', dueOn: '2026-05-31' }],
        },
      }),
    );
    await event(court, inline.id, 'application.accepted');
    await event(court, inline.id, 'application.dismissed', { reason: 'unclearContent', rulingNo: '（2026）玄民特2号' });
    await readAll(court, inline);
  },

  async 'court-referral'() {
    const referral = await hit(
      mediator,
      'post',
      '/api/v1/cases',
      anIntake({
        flow: 'court-referral',
        organizationId: DEMO.xuanwu,
        category: 'contract',
        summary: '货款纠纷，引导诉讼',
        parties: [zhang(), wang()],
      }),
    );
    await event(mediator, referral.id, 'referral.submitted', { courtId: DEMO.xuanwuCourt });
    await event(court, referral.id, 'materials.requested', { items: ['身份证明'], dueOn: '2026-03-09' });
    await event(mediator, referral.id, 'materials.provided');
    // The court delegates: a delegated-mediation case is opened with the parties' data copied from this one.
    const delegated = await event(court, referral.id, 'mediation.delegated', {
      organizationId: DEMO.meiyuan,
      courtReference: '（2026）玄民诉前调1号',
    });
    const child = delegated.linkedCases.find((l: { relation: string }) => l.relation === 'opened');
    await event(mediator, child.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'court' });
    await event(mediator, child.id, 'mediator.confirmed');
    await event(mediator, child.id, 'parties.reached');
    await event(mediator, child.id, 'agreement.signed', {
      terms: [{ obligorPartyId: 'p2', description: '支付货款', amount: '48000.00' }],
      signatures: { partyIds: ['p1', 'p2'], mediator: true },
    });
    await readAll(mediator, referral);
    await readAll(court, child);
  },

  async 'delegated-mediation'() {
    const c = await hit(
      court,
      'post',
      '/api/v1/cases',
      anIntake({
        flow: 'delegated-mediation',
        category: 'contract',
        summary: '买卖合同货款纠纷，法院诉前委派调解',
        channel: 'courtDelegation',
        organizationId: DEMO.meiyuan,
        courtId: DEMO.xuanwuCourt,
        courtReference: '（2026）玄民诉前调2号',
        parties: [zhang(), li()],
      }),
    );
    await event(mediator, c.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'organization' });
    await event(mediator, c.id, 'mediator.confirmed');
    await event(mediator, c.id, 'parties.reached');
    await event(mediator, c.id, 'session.recorded', { heldOn: '2026-03-02', summary: '分歧较大' });
    await event(mediator, c.id, 'mediation.terminated', {
      reason: 'gapTooWide',
      undisputedFacts: ['双方确认欠款金额'],
    });
    await readAll(court, c);
  },

  async petition() {
    const c = await hit(
      reception,
      'post',
      '/api/v1/cases',
      anIntake({
        flow: 'petition',
        petitionType: 'claim',
        channel: 'letter',
        organizationId: DEMO.xuanwuPetitionOffice,
        summary: '反映邻里纠纷长期未解决',
        parties: [zhang(), li()],
      }),
    );
    await event(mediator, c.id, 'petition.accepted');
    // 访调对接: a people's mediation case is opened with the parties' data copied from the petition.
    const referred = await event(mediator, c.id, 'mediation.referred', {
      committeeId: DEMO.meiyuanCommittee,
      disputeNature: 'civil',
      consentingPartyIds: ['p1', 'p2'],
    });
    const child = referred.linkedCases.find((l: { relation: string }) => l.relation === 'opened');
    await event(mediator, child.id, 'application.accepted');
    await event(mediator, child.id, 'mediator.assigned', { mediatorId: DEMO_MEDIATOR, chosenBy: 'committee' });
    await event(mediator, child.id, 'agreement.signed', writtenAgreement());
    await readAll(mediator, c);
    await readAll(mediator, child);
  },
};

describe('no unmasked ID number or phone of a seeded party in any response (PIPL Arts. 28, 51)', () => {
  it('has a journey for every registered flow', () => {
    expect(Object.keys(journeys).sort()).toEqual(
      listFlows()
        .map((f) => f.id)
        .sort(),
    );
  });

  for (const [flow, journey] of Object.entries(journeys)) {
    it(`keeps them out of every response of a full ${flow} journey`, async () => {
      const before = seen.length;
      await journey();
      expect(seen.length).toBeGreaterThan(before);
    });
  }

  it('keeps them out of lists, searches, work lists, reports, refusals and error bodies', async () => {
    for (const client of [mediator, court, supervisor, admin]) {
      await hit(client, 'get', '/api/v1/cases?limit=100');
      await hit(client, 'get', '/api/v1/deadlines');
    }
    // Searches by ID number, and a phone or an ID number typed where a name is expected.
    await hit(mediator, 'get', `/api/v1/cases?idNumber=${ID_NUMBERS.zhang}`);
    await hit(mediator, 'get', `/api/v1/cases?id%4Eumber=${ID_NUMBERS.li}`);
    await hit(mediator, 'get', `/api/v1/cases?q=${PHONES.zhang}`);
    await hit(mediator, 'get', `/api/v1/cases?q=${ID_NUMBERS.wang}`);
    await hit(supervisor, 'get', '/api/v1/reports/resolution-rate?year=2026');
    await hit(admin, 'get', '/api/v1/reports/resolution-rate?year=2026&groupBy=category');
    await hit(admin, 'get', '/api/v1/users');
    await hit(admin, 'get', '/api/v1/organizations');
    for (const flow of listFlows()) await hit(mediator, 'get', `/api/v1/flows/${flow.id}`);
    // Refusals that echo the request: a bad query value, an unknown parameter, an ID number as a path id, a malformed
    // escape.
    await hit(mediator, 'get', `/api/v1/cases?idNumber=${ID_NUMBERS.zhang}&limit=${PHONES.li}`, undefined, 400);
    await hit(mediator, 'get', `/api/v1/cases?phone=${PHONES.wang}`, undefined, 400);
    await hit(mediator, 'get', `/api/v1/cases/${ID_NUMBERS.li}`, undefined, 400);
    await hit(mediator, 'get', `/api/v1/cases/${ID_NUMBERS.li}/events?q=${PHONES.li}`, undefined, 400);
    await hit(t.anonymous, 'get', `/api/v1/cases?idNumber=${ID_NUMBERS.zhang}`, undefined, 401);
    await hit(t.anonymous, 'get', `/health?idNumber=%ZZ${ID_NUMBERS.zhang}`, undefined, 400);
    // A bad intake and a bad event naming the numbers are refused without repeating them.
    await hit(
      mediator,
      'post',
      '/api/v1/cases',
      anIntake({ parties: [aParty({ idNumber: `${ID_NUMBERS.zhang.slice(0, 17)}1` }), li()] }),
      400,
    );
    const c = await hit(mediator, 'post', '/api/v1/cases', anIntake({ parties: [zhang(), li()] }));
    await event(mediator, c.id, 'agreement.signed', writtenAgreement(), 409);
    await event(mediator, c.id, 'session.recorded', { heldOn: '2026-03-02', summary: 'x', phone: PHONES.zhang }, 400);
    await hit(
      court,
      'post',
      `/api/v1/cases/${c.id}/parties/p1/personal-data`,
      { reason: '不是本案法院，试图读取' },
      403,
    );
  });

  // Last: Jest runs a file's tests in order, so this sees every response of the tests above.
  it('found none of the numbers in any of those responses, nor in any log line', () => {
    expect(seen.length).toBeGreaterThan(80);
    const leaks = seen.filter((s) => SECRETS.some((secret) => s.text.includes(secret))).map((s) => s.what);
    expect(leaks).toEqual([]);
    const logLeaks = logLines.filter((line) => SECRETS.some((secret) => line.includes(secret)));
    expect(logLeaks).toEqual([]);
  });
});

describe('the audit trail of a judicial confirmation with an inline agreement (PIPL Art. 51)', () => {
  it('keeps bound parties’ ID numbers masked in the case.opened payload, in the database, in GET /events', async () => {
    const intake = anIntake({
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
        terms: [{ obligorPartyId: 'p2', description: '支付货款', amount: '6000.00' }],
      },
    });
    const { body: c } = await court.post('/api/v1/cases').send(intake).expect(201);
    expect(c.facts.boundParties).toEqual([
      { name: '张三', partyId: 'p1' },
      { name: '李四', partyId: 'p2' },
    ]);
    const { body: trail } = await court.get(`/api/v1/cases/${c.id}/events`).expect(200);
    expect(trail.items[0].payload.agreement.boundParties).toEqual([
      { name: '张三', idNumber: '110105********002X' },
      { name: '李四', idNumber: '320106********123X' },
    ]);
    expect(trail.items[0].payload.parties).toEqual([
      expect.not.objectContaining({ idNumber: expect.anything() }),
      expect.not.objectContaining({ phone: expect.anything() }),
    ]);
    const [stored] = await t.dataSource.query(
      `SELECT (SELECT string_agg(payload::text, '') FROM case_events WHERE case_id = $1) AS events,
        (SELECT snapshot::text FROM cases WHERE id = $1) AS snapshot`,
      [c.id],
    );
    for (const text of [stored.events, stored.snapshot])
      for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});

describe('the request log and problem documents mask on the parsed query (PIPL Art. 51)', () => {
  const linesFor = (marker: string) =>
    logLines
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.includes(marker))
      .map((line) => JSON.parse(line) as { req: { url: string }; res: { statusCode: number } });

  it('masks an idNumber whose name is percent-encoded, and a phone typed into q', async () => {
    await mediator.get(`/api/v1/cases?id%4Eumber=${ID_NUMBERS.wang}&limit=7`).expect(200);
    await mediator.get(`/api/v1/cases?q=${PHONES.li}&limit=8`).expect(200);
    expect(linesFor('limit=7').map((l) => l.req.url)).toEqual(['/api/v1/cases?idNumber=440304********5672&limit=7']);
    expect(linesFor('limit=8').map((l) => l.req.url)).toEqual(['/api/v1/cases?q=139****9000&limit=8']);
  });

  it('masks the instance of an error body, as the log line does', async () => {
    const { body } = await mediator.get(`/api/v1/cases?idNumber=${ID_NUMBERS.zhang}&limit=${PHONES.zhang}`).expect(400);
    expect(body.instance).toBe('/api/v1/cases?idNumber=110105********002X&limit=138****8000');
    const path = await mediator.get(`/api/v1/cases/${ID_NUMBERS.li}`).expect(400);
    expect(path.body.instance).toBe('/api/v1/cases/320106********123X');
  });

  it('never throws on a malformed escape: the request is answered and logged, masked', async () => {
    const response = await t.anonymous.get(`/health?idNumber=%ZZ&q=%E0%A4+${PHONES.wang}`);
    expect(response.status).toBeLessThan(500);
    expect(linesFor('/health?').at(-1)!.req.url).toBe('/health?idNumber=***&q=%25E0%25A4%20137****7000');
  });
});
