import { getFlow, listFlows } from '@jiefen/flows';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { maySendEvent, mayOpenCase } from '../src/auth/permissions.js';
import { USER_ROLES } from '../src/users/user.entity.js';
import { anIntake, DEMO, ID_NUMBERS, writtenAgreement } from './support/factories.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/testApp.js';

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

const DEMO_MEDIATOR_ID = '00000000-0000-4000-8000-0000000000a2';

async function caseAt(organizationId: string, overrides: Record<string, unknown> = {}) {
  const { body } = await t.http
    .post('/api/v1/cases')
    .send(anIntake({ organizationId, ...overrides }))
    .expect(201);
  return body as { id: string; caseNumber: string };
}

describe('authentication', () => {
  it('needs a bearer token everywhere but /health and /docs', async () => {
    for (const url of ['/api/v1/cases', '/api/v1/flows', '/api/v1/organizations', '/api/v1/deadlines']) {
      const response = await t.anonymous.get(url).expect(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
    await t.anonymous.get('/health').expect(200);
    await t.anonymous.get('/docs/openapi.json').expect(200);
  });

  it('refuses a tampered token and an expired one with 401', async () => {
    const { body } = await t.anonymous
      .post('/api/v1/auth/token')
      .send({ username: 'mediator', password: DEMO_PASSWORD })
      .expect(200);
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const [header, payload, signature] = body.accessToken.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    const tampered = await t.anonymous
      .get('/api/v1/cases')
      .set('Authorization', `Bearer ${header}.${forged}.${signature}`)
      .expect(401);
    expect(tampered.body.detail).toMatch(/invalid/);
    await t.anonymous.get('/api/v1/cases').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
    const issued = t.clock.now();
    t.clock.set(new Date(issued.getTime() + 16 * 60_000));
    const expired = await t.anonymous
      .get('/api/v1/cases')
      .set('Authorization', `Bearer ${body.accessToken}`)
      .expect(401);
    expect(expired.body.detail).toMatch(/expired/);
    t.clock.set(issued);
  });

  it('refuses a wrong password with 401 and stops guessing after five failures with 429', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await t.anonymous
        .post('/api/v1/auth/token')
        .send({ username: 'court', password: `guess-${i}` })
        .expect(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
    const locked = await t.anonymous
      .post('/api/v1/auth/token')
      .send({ username: 'court', password: DEMO_PASSWORD })
      .expect(429);
    expect(locked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    t.clock.set(new Date(t.clock.now().getTime() + 16 * 60_000));
    await t.anonymous.post('/api/v1/auth/token').send({ username: 'court', password: DEMO_PASSWORD }).expect(200);
  });
});

describe('organisation scope', () => {
  it('hides a case of another district: 404, never 403, and absent from lists', async () => {
    const elsewhere = await caseAt(DEMO.fuzimiao);
    const mediator = await t.as('mediator');
    const response = await mediator.get(`/api/v1/cases/${elsewhere.id}`).expect(404);
    expect(response.body.code).toBe('CASE_NOT_FOUND');
    await mediator.post(`/api/v1/cases/${elsewhere.id}/events`).send({ type: 'application.accepted' }).expect(404);
    await mediator.get(`/api/v1/cases/${elsewhere.id}/events`).expect(404);
    const list = await mediator.get('/api/v1/cases').query({ limit: 100 }).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(elsewhere.id);
  });

  it('lets a district see its streets’ cases, and the city see all', async () => {
    const street = await caseAt(DEMO.meiyuan);
    const other = await caseAt(DEMO.fuzimiao);
    const district = await t.as('supervisor');
    await district.get(`/api/v1/cases/${street.id}`).expect(200);
    await district.get(`/api/v1/cases/${other.id}`).expect(404);
    const city = await t.as('admin');
    await city.get(`/api/v1/cases/${other.id}`).expect(200);
  });

  it('lets a court see the cases before it, not the rest of its district', async () => {
    const referral = await caseAt(DEMO.xuanwu, { flow: 'court-referral', category: 'contract' });
    const unrelated = await caseAt(DEMO.xuanwu);
    const court = await t.as('court');
    await court.get(`/api/v1/cases/${referral.id}`).expect(404);
    await t.http
      .post(`/api/v1/cases/${referral.id}/events`)
      .send({ type: 'referral.submitted', payload: { courtId: DEMO.xuanwuCourt } })
      .expect(200);
    await court.get(`/api/v1/cases/${referral.id}`).expect(200);
    await court.get(`/api/v1/cases/${unrelated.id}`).expect(404);
    // Its work list: the 7 days to register the filing (CPL Art. 126), nothing of the district's own.
    const workList = (await court.get('/api/v1/deadlines').expect(200)).body.items as {
      caseId: string;
      kind: string;
    }[];
    expect(workList).toContainEqual(expect.objectContaining({ caseId: referral.id, kind: 'registrationDecision' }));
    expect(workList.map((d) => d.caseId)).not.toContain(unrelated.id);
    const district = (await (await t.as('supervisor')).get('/api/v1/deadlines').expect(200)).body.items as {
      caseId: string;
    }[];
    expect(district.map((d) => d.caseId)).toEqual(expect.arrayContaining([referral.id, unrelated.id]));
    await court
      .post(`/api/v1/cases/${referral.id}/events`)
      .send({ type: 'filing.registered', payload: { courtCaseNo: '（2026）玄民初1号' } })
      .expect(200);
  });

  it('refuses to open a case for an organisation outside one’s own (403)', async () => {
    const reception = await t.as('reception');
    const response = await reception
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: DEMO.fuzimiao }))
      .expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
    await reception
      .post('/api/v1/cases')
      .send(anIntake({ organizationId: DEMO.meiyuanCommittee }))
      .expect(201);
  });
});

describe('permissions per event type (flows.md "Who sends what")', () => {
  it('follows the flows’ table for every role and event, and never lets a person send an engine event', () => {
    for (const flow of listFlows()) {
      for (const [type, spec] of Object.entries(flow.events)) {
        for (const role of USER_ROLES) {
          expect({ flow: flow.id, type, role, allowed: maySendEvent(role, flow.id, flow.version, type) }).toEqual({
            flow: flow.id,
            type,
            role,
            allowed: (spec.by as readonly string[]).includes(role),
          });
        }
        const humans = USER_ROLES.filter((role) => maySendEvent(role, flow.id, flow.version, type));
        // Engine-only events (deadline.expired, mediation.concluded) have no human sender; every other event has one.
        expect({ type, humans: humans.length > 0 }).toEqual({
          type,
          humans: spec.by.some((sender) => sender !== 'engine'),
        });
      }
    }
    expect(getFlow('judicial-confirmation').events['agreement.confirmed']!.by).toEqual(['court']);
    expect(mayOpenCase('court', 'judicial-confirmation')).toBe(true);
    expect(mayOpenCase('reception', 'judicial-confirmation')).toBe(false);
  });

  it('refuses with 403 what a role may not send, and logs the refusal', async () => {
    const c = await caseAt(DEMO.meiyuanCommittee);
    const reception = await t.as('reception');
    const court = await t.as('city-court');
    await reception.post(`/api/v1/cases/${c.id}/events`).send({ type: 'application.accepted' }).expect(200);
    await court
      .post(`/api/v1/cases/${c.id}/events`)
      .send({ type: 'mediator.assigned', payload: { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' } })
      .expect(403);
    const mediator = await t.as('mediator');
    await mediator
      .post(`/api/v1/cases/${c.id}/events`)
      .send({ type: 'mediator.assigned', payload: { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' } })
      .expect(200);
    const signed = await reception
      .post(`/api/v1/cases/${c.id}/events`)
      .send({ type: 'agreement.signed', payload: writtenAgreement() })
      .expect(403);
    expect(signed.body).toMatchObject({ code: 'FORBIDDEN', eventType: 'agreement.signed' });
    expect(logLines.some((l) => l.includes('event refused: role') && l.includes('agreement.signed'))).toBe(true);
    for (const type of ['deadline.expired', 'mediation.concluded']) {
      await mediator
        .post(`/api/v1/cases/${c.id}/events`)
        .send({ type, payload: { kind: 'mediationPeriod' } })
        .expect(type === 'deadline.expired' ? 403 : 400);
    }
  });

  it('lets only a supervisor order supervision (PC-Reg Art. 40), from above the handling organisation', async () => {
    const c = await caseAt(DEMO.meiyuanCommittee);
    const order = { type: 'case.supervised', payload: { instructions: '五日内化解', dueOn: '2026-03-09' } };
    await (await t.as('mediator')).post(`/api/v1/cases/${c.id}/events`).send(order).expect(403);
    const response = await (await t.as('supervisor')).post(`/api/v1/cases/${c.id}/events`).send(order).expect(200);
    expect(response.body.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'supervision', dueOn: '2026-03-09' }),
    );
  });

  it('lets only a court open a judicial confirmation and rule on it', async () => {
    const reception = await t.as('reception');
    await reception
      .post('/api/v1/cases')
      .send(anIntake({ flow: 'judicial-confirmation', organizationId: DEMO.xuanwuCourt }))
      .expect(403);
  });
});

describe('personal data (PIPL Arts. 28, 51)', () => {
  it('masks ID numbers and phones in details and lists, and stores none of them in clear', async () => {
    const c = await caseAt(DEMO.meiyuanCommittee);
    const { body } = await t.http.get(`/api/v1/cases/${c.id}`).expect(200);
    expect(body.parties[0]).toMatchObject({ idNumber: '110105********002X', phone: '138****8000' });
    const list = await t.http.get('/api/v1/cases').query({ q: c.caseNumber }).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(ID_NUMBERS.zhang);
    const stored = await t.dataSource.query(
      `SELECT c.snapshot::text AS snapshot, (SELECT string_agg(e.payload::text, '') FROM case_events e
              WHERE e.case_id = c.id) AS events,
              (SELECT string_agg(concat_ws('|', p.id_number_encrypted, p.id_number_hash, p.phone_encrypted), '')
                FROM parties p WHERE p.case_id = c.id) AS parties
       FROM cases c WHERE c.id = $1`,
      [c.id],
    );
    for (const text of Object.values(stored[0]) as string[]) {
      expect(text).not.toContain(ID_NUMBERS.zhang);
      expect(text).not.toContain('13800138000');
    }
  });

  it('finds the cases of a party by ID number, and keeps the number out of the log', async () => {
    const c = await caseAt(DEMO.meiyuanCommittee, {
      parties: [{ role: 'applicant', kind: 'person', name: '王五', idNumber: ID_NUMBERS.wang }],
    });
    const { body } = await t.http.get('/api/v1/cases').query({ idNumber: ID_NUMBERS.wang }).expect(200);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const lines = logLines.join('');
    expect(lines).toContain('idNumber=440304********5672');
    expect(lines).not.toContain(ID_NUMBERS.wang);
  });

  it('logs one line per request: who, which case and event, status and time', async () => {
    const c = await caseAt(DEMO.meiyuanCommittee);
    const mediator = await t.as('mediator');
    await mediator.post(`/api/v1/cases/${c.id}/events`).send({ type: 'application.accepted' }).expect(200);
    await mediator.post(`/api/v1/cases/${c.id}/events`).send({ type: 'no.suchEvent' }).expect(400);
    const requests = logLines
      .flatMap((chunk) => chunk.split('\n'))
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.req?.url === `/api/v1/cases/${c.id}/events`);
    expect(requests).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: { id: expect.any(Number), method: 'POST', url: `/api/v1/cases/${c.id}/events` },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
        userId: DEMO_MEDIATOR_ID,
        role: 'mediator',
        caseId: c.id,
        eventType: 'application.accepted',
      }),
      expect.objectContaining({ msg: 'request completed', res: { statusCode: 400 }, eventType: 'no.suchEvent' }),
    ]);
  });

  it('gives the case’s mediator the full data on an explicit request, and records who, when and why', async () => {
    const c = await caseAt(DEMO.meiyuanCommittee);
    const mediator = await t.as('mediator');
    await mediator.post(`/api/v1/cases/${c.id}/events`).send({ type: 'application.accepted' }).expect(200);
    await mediator
      .post(`/api/v1/cases/${c.id}/events`)
      .send({ type: 'mediator.assigned', payload: { mediatorId: DEMO_MEDIATOR_ID, chosenBy: 'committee' } })
      .expect(200);
    const url = `/api/v1/cases/${c.id}/parties/p1/personal-data`;
    await mediator.post(url).send({}).expect(400);
    const { body } = await mediator.post(url).send({ reason: '制作调解协议书核对身份' }).expect(200);
    expect(body).toEqual({ caseId: c.id, partyId: 'p1', idNumber: ID_NUMBERS.zhang, phone: '13800138000' });
    const log = await t.dataSource.query(
      `SELECT user_id, role, fields, reason, at FROM personal_data_access_log WHERE case_id = $1`,
      [c.id],
    );
    expect(log).toEqual([
      {
        user_id: DEMO_MEDIATOR_ID,
        role: 'mediator',
        fields: ['idNumber', 'phone'],
        reason: '制作调解协议书核对身份',
        at: t.clock.now(),
      },
    ]);
    await (await t.as('supervisor')).post(url).send({ reason: '督办需要核实' }).expect(403);
    await (await t.as('city-mediator')).post(url).send({ reason: '不是本案调解员' }).expect(403);
  });
});

describe('administration', () => {
  it('lets an admin add users below their organisation, who can then sign in; others may not', async () => {
    const admin = await t.as('admin');
    const user = {
      username: 'zhou.mediator',
      displayName: '周调解员',
      password: 'a-long-enough-password',
      role: 'mediator',
      organizationId: DEMO.fuzimiao,
    };
    await (await t.as('supervisor')).post('/api/v1/users').send(user).expect(403);
    await admin
      .post('/api/v1/users')
      .send({ ...user, password: 'short' })
      .expect(400);
    const { body } = await admin.post('/api/v1/users').send(user).expect(201);
    expect(body).toMatchObject({ username: 'zhou.mediator', role: 'mediator' });
    expect(body.passwordHash).toBeUndefined();
    await t.anonymous
      .post('/api/v1/auth/token')
      .send({ username: 'zhou.mediator', password: 'a-long-enough-password' })
      .expect(200);
    await admin.post('/api/v1/users').send(user).expect(400);
  });

  it('refuses organisation changes from anyone but an admin', async () => {
    await t.http
      .post('/api/v1/organizations')
      .send({ name: 'x', shortName: 'x', kind: 'court', level: 'district', parentId: DEMO.xuanwu })
      .expect(403);
  });
});

describe('hardening', () => {
  it('sends security headers and no framework banner; CORS is closed unless configured', async () => {
    const response = await t.anonymous.get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
