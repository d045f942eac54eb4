import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { pino } from 'pino';
import { DEMO } from './support/factories.js';
import { DEMO_PASSWORD, startTestApp, TEST_ENV, type TestApp } from './support/testApp.js';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

/** Two instances of the service on one database, as behind a load balancer. */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  // One log for both: Nest's loggers are process-wide, so the last app started would take them all.
  const logger = pino({ level: 'info' }, logStream);
  a = await startTestApp({ logger });
  b = await startTestApp({ databaseUrl: a.databaseUrl, clock: a.clock, logger });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const TOKEN_URL = '/api/v1/auth/token';
const signIn = (t: TestApp, username: string, password: string) =>
  t.anonymous.post(TOKEN_URL).send({ username, password });
/** Moves both instances' clock past every sign-in window, so that each test starts with no failures counted. */
const nextWindow = () => a.clock.set(new Date(a.clock.now().getTime() + 16 * 60_000));

async function tokenOf(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<string> {
  const { body } = await signIn(t, username, password).expect(200);
  return body.accessToken;
}

let userCount = 0;
/** A fresh mediator at the 梅园新村 committee, added by the city admin. */
async function aUser(): Promise<{ id: string; username: string; password: string }> {
  const user = {
    username: `acct.user${++userCount}`,
    displayName: '测试调解员',
    password: 'a-long-enough-password',
    role: 'mediator',
    organizationId: DEMO.meiyuanCommittee,
  };
  const { body } = await (await a.as('admin')).post('/api/v1/users').send(user).expect(201);
  return { id: body.id, username: user.username, password: user.password };
}

const patchUser = (t: TestApp, token: string, id: string, changes: Record<string, unknown>) =>
  t.anonymous.patch(`/api/v1/users/${id}`).set('Authorization', `Bearer ${token}`).send(changes);
const listCases = (t: TestApp, token: string) =>
  t.anonymous.get('/api/v1/cases').set('Authorization', `Bearer ${token}`);

describe('sign-in limiter', () => {
  beforeEach(nextWindow);

  it('counts tries before the password check: 12 wrong at once, ≤ 5 get 401, the rest 429 + Retry-After', async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(a, 'supervisor', `wrong-${i}`)));
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401)).toEqual(Array(statuses.filter((s) => s !== 401).length).fill(429));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    for (const refused of attempts.filter((r) => r.status === 429)) {
      expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
      expect(Number(refused.headers['retry-after'])).toBe(refused.body.retryAfterSeconds);
      expect(refused.body.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.body.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    // Locked means locked: the right password is refused too, until the window ends.
    await signIn(a, 'supervisor', DEMO_PASSWORD).expect(429);
    nextWindow();
    await signIn(a, 'supervisor', DEMO_PASSWORD).expect(200);
  });

  it('never answers 500 to concurrent wrong sign-ins: the counts are locked in one order (no deadlock)', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 25; round++) {
      const burst = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          signIn(round % 2 ? a : b, ['supervisor', 'reception', 'court', 'petition'][i % 4]!, `wrong-${round}-${i}`),
        ),
      );
      statuses.push(...burst.map((r) => r.status));
    }
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
  });

  it('holds across instances: failures on one count on the other (the counts are in PostgreSQL)', async () => {
    for (let i = 0; i < 3; i++) await signIn(a, 'reception', `wrong-a-${i}`).expect(401);
    for (let i = 0; i < 2; i++) await signIn(b, 'reception', `wrong-b-${i}`).expect(401);
    const locked = await signIn(b, 'reception', DEMO_PASSWORD).expect(429);
    expect(locked.headers['retry-after']).toMatch(/^\d+$/);
    await signIn(a, 'reception', DEMO_PASSWORD).expect(429);
    const rows = await a.dataSource.query(`SELECT attempts FROM login_attempts WHERE key LIKE 'account:%|reception'`);
    expect(rows).toEqual([{ attempts: 5 }]);
  });

  it('gives a success its count back and clears the account’s failures', async () => {
    for (let i = 0; i < 4; i++) await signIn(a, 'petition', `wrong-${i}`).expect(401);
    await signIn(b, 'petition', DEMO_PASSWORD).expect(200);
    for (let i = 0; i < 5; i++) await signIn(a, 'petition', `wrong-again-${i}`).expect(401);
    await signIn(a, 'petition', DEMO_PASSWORD).expect(429);
  });
});

describe('tokens', () => {
  const secret = Buffer.from(TEST_ENV.JIEFEN_JWT_SECRET!, 'base64');
  const MEDIATOR_ID = '00000000-0000-4000-8000-0000000000a2';
  const claims = { role: 'mediator', org: DEMO.meiyuanCommittee, name: 'mediator', ver: 0 };
  const sign = (withExp: boolean) => {
    const now = Math.floor(a.clock.now().getTime() / 1000);
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(MEDIATOR_ID)
      .setIssuer('jiefen')
      .setAudience('jiefen-api')
      .setIssuedAt(now);
    return (withExp ? jwt.setExpirationTime(now + 60) : jwt).sign(secret);
  };

  it('refuses a token without exp, even signed with the right secret (it would never expire)', async () => {
    await listCases(a, await sign(true)).expect(200); // the same token with an exp is accepted: only exp differs
    const response = await listCases(a, await sign(false)).expect(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', detail: expect.stringMatching(/exp/) });
  });

  it('refuses a token issued before the user’s last change (token_version)', async () => {
    const stale = await new SignJWT({ ...claims, ver: -1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(MEDIATOR_ID)
      .setIssuer('jiefen')
      .setAudience('jiefen-api')
      .setExpirationTime(Math.floor(a.clock.now().getTime() / 1000) + 60)
      .sign(secret);
    await listCases(a, stale).expect(401);
  });
});

describe('disabling a user and changing their role (admin)', () => {
  beforeEach(nextWindow);

  it('stops a disabled user’s tokens on every instance from the next request, and refuses their sign-in', async () => {
    const user = await aUser();
    const token = await tokenOf(a, user.username, user.password);
    await listCases(a, token).expect(200);
    await listCases(b, token).expect(200); // remembered by both instances
    const admin = await tokenOf(a, 'admin');
    const { body } = await patchUser(a, admin, user.id, { disabled: true }).expect(200);
    expect(body).toMatchObject({ id: user.id, disabled: true });
    expect((await listCases(b, token).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await listCases(a, token).expect(401);
    await signIn(a, user.username, user.password).expect(401);
    await signIn(b, user.username, user.password).expect(401);
    // Enabled again: the old token stays dead (it was issued before both changes); a new sign-in works.
    await patchUser(b, admin, user.id, { disabled: false }).expect(200);
    await listCases(a, token).expect(401);
    await listCases(b, await tokenOf(b, user.username, user.password)).expect(200);
    const audit = logLines
      .flatMap((chunk) => chunk.split('\n'))
      .filter((l) => l.includes('user changed') && l.includes(user.id));
    const ADMIN_ID = '00000000-0000-4000-8000-0000000000a5';
    expect(audit.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ adminId: ADMIN_ID, userId: user.id, changes: { disabled: true } }),
      expect.objectContaining({ adminId: ADMIN_ID, userId: user.id, changes: { disabled: false } }),
    ]);
  });

  it('makes a role or organisation change effective at once: the old token is refused, a new one has it', async () => {
    const user = await aUser();
    const token = await tokenOf(b, user.username, user.password);
    await listCases(b, token).expect(200);
    const admin = await tokenOf(a, 'admin');
    await patchUser(a, admin, user.id, { role: 'supervisor', organizationId: DEMO.xuanwu }).expect(200);
    await listCases(b, token).expect(401);
    const fresh = await tokenOf(b, user.username, user.password);
    const claims = JSON.parse(Buffer.from(fresh.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ role: 'supervisor', org: DEMO.xuanwu });
    await listCases(b, fresh).expect(200);
  });

  it('is the admin’s alone, within their subtree; an admin cannot lock themselves out', async () => {
    const user = await aUser();
    const supervisor = await tokenOf(a, 'supervisor');
    expect((await patchUser(a, supervisor, user.id, { disabled: true }).expect(403)).body.code).toBe('FORBIDDEN');
    const admin = await tokenOf(a, 'admin');
    // A district admin does not see a user of the other district: no such user.
    const district = {
      username: 'acct.district-admin',
      displayName: '玄武区管理员',
      password: 'a-long-enough-password',
      role: 'admin',
      organizationId: DEMO.xuanwu,
    };
    const { body: districtAdmin } = await a.anonymous
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send(district)
      .expect(201);
    const elsewhere = {
      username: 'acct.qinhuai',
      displayName: '秦淮调解员',
      password: 'a-long-enough-password',
      role: 'mediator',
      organizationId: DEMO.fuzimiao,
    };
    const { body: other } = await a.anonymous
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin}`)
      .send(elsewhere)
      .expect(201);
    const districtToken = await tokenOf(a, district.username, district.password);
    expect((await patchUser(a, districtToken, other.id, { disabled: true }).expect(404)).body.code).toBe('NOT_FOUND');
    await patchUser(a, districtToken, user.id, { organizationId: DEMO.fuzimiao }).expect(403);
    await patchUser(a, districtToken, user.id, { disabled: true }).expect(200);
    await patchUser(a, districtToken, districtAdmin.id, { disabled: true }).expect(400);
    await patchUser(a, admin, user.id, { disabled: 'yes' }).expect(400);
    await patchUser(a, admin, user.id, { password: 'new-password-1234' }).expect(400);
    await patchUser(a, admin, 'not-a-uuid', { disabled: true }).expect(400);
  });

  it('documents the endpoint in OpenAPI', async () => {
    const { body } = await a.anonymous.get('/docs/openapi.json').expect(200);
    expect(body.paths['/api/v1/users/{id}'].patch).toMatchObject({ tags: ['users'], security: [{ bearer: [] }] });
  });
});
