/**
 * Password hashes: argon2id through @node-rs/argon2 (prebuilt, nothing compiles at install), the
 * hashes the former `argon2` package wrote still verify, and a hash made with other parameters
 * is replaced at the next successful sign-in.
 */
import { hash, parseOptions } from '@node-rs/argon2';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../src/security/passwordHasher.js';
import { passwordProblem } from '../src/users/passwordRule.js';
import { startTestApp, type TestApp } from './support/testApp.js';

/**
 * Written by `argon2` 0.45.1 (`argon2.hash('pw-from-old-argon2', { type: argon2.argon2id })`): its own order of
 * parameters, m, p, t.
 */
const FROM_THE_ARGON2_PACKAGE =
  '$argon2id$v=19$m=65536,p=4,t=3$H2YXkjp4ksTj8stzs1ue8Q$6kJ9OCZ1NTg9UC+XEG7qDJoHZVHiLIuRMCCfrlY0d/U';
const CURRENT_PARAMETERS = '$argon2id$v=19$m=65536,t=3,p=4$';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const storedHash = async (username: string): Promise<string> =>
  (
    (await t.dataSource.query('SELECT password_hash FROM users WHERE username = $1', [username])) as {
      password_hash: string;
    }[]
  )[0]!.password_hash;
const setStoredHash = (username: string, passwordHash: string) =>
  t.dataSource.query('UPDATE users SET password_hash = $2 WHERE username = $1', [username, passwordHash]);
const signIn = (username: string, password: string) =>
  t.anonymous.post('/api/v1/auth/token').send({ username, password });

describe('password hashes', () => {
  it('makes argon2id hashes with 64 MiB, 3 passes and 4 lanes (RFC 9106, above the OWASP minimum)', async () => {
    const made = await hashPassword('a-password-to-hash');
    expect(made.startsWith(CURRENT_PARAMETERS)).toBe(true);
    expect(await verifyPassword(made, 'a-password-to-hash')).toEqual({ valid: true, needsRehash: false });
    expect(await verifyPassword(made, 'another-password')).toEqual({ valid: false, needsRehash: false });
  });

  it('verifies an unknown username against a current-parameter hash, costing as long as a wrong password', async () => {
    const current = await hashPassword('any-password-at-all');
    expect(parseOptions(DUMMY_HASH)).toEqual(parseOptions(current));
    expect(await verifyPassword(undefined, 'any-password-at-all')).toEqual({ valid: false, needsRehash: false });
  });

  it('signs in with a hash the argon2 package wrote, and keeps it (same parameters)', async () => {
    await setStoredHash('reception', FROM_THE_ARGON2_PACKAGE);
    await signIn('reception', 'pw-from-old-argon2').expect(200);
    expect(await storedHash('reception')).toBe(FROM_THE_ARGON2_PACKAGE);
  });

  it('replaces a hash made with weaker parameters at the next successful sign-in', async () => {
    const weak = await hash('an-older-password', { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(weak).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await setStoredHash('supervisor', weak);

    await signIn('supervisor', 'a-wrong-password').expect(401);
    expect(await storedHash('supervisor')).toBe(weak); // a wrong password changes nothing

    await signIn('supervisor', 'an-older-password').expect(200);
    const upgraded = await storedHash('supervisor');
    expect(upgraded.startsWith(CURRENT_PARAMETERS)).toBe(true);
    await signIn('supervisor', 'an-older-password').expect(200);
    expect(await storedHash('supervisor')).toBe(upgraded); // once upgraded, not rewritten again
  });

  it('refuses a sign-in against a stored value that is not a hash, without an error', async () => {
    await setStoredHash('court', 'not-a-phc-string');
    const response = await signIn('court', 'not-a-phc-string').expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('the one password rule', () => {
  it('needs 12 to 200 characters, counted as characters rather than UTF-16 units', () => {
    expect(passwordProblem('elevenchars')).toBe('must have 12 to 200 characters');
    expect(passwordProblem('twelve-chars')).toBeUndefined();
    expect(passwordProblem('调解'.repeat(6))).toBeUndefined();
    expect(passwordProblem('😀'.repeat(11))).toBe('must have 12 to 200 characters');
    expect(passwordProblem('x'.repeat(201))).toBe('must have 12 to 200 characters');
  });

  it('is the rule of POST /users', async () => {
    const admin = await t.as('admin');
    const user = {
      username: 'short.password',
      displayName: '短密码',
      role: 'mediator',
      organizationId: '00000000-0000-4000-8000-000000000031',
    };
    const refused = await admin
      .post('/api/v1/users')
      .send({ ...user, password: 'elevenchars' })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('must have 12 to 200 characters');
    await admin
      .post('/api/v1/users')
      .send({ ...user, password: 'twelve-chars' })
      .expect(201);
  });
});
