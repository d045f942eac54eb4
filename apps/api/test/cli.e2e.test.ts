/** The command line on a real server: create-admin in one transaction, reset-password. */
import { verifyPassword } from '../src/security/passwordHasher.js';
import { killAll, runCli } from './support/serviceProcess.js';
import { createTestDatabase, startTestApp, TEST_ENV } from './support/testApp.js';
import pg from 'pg';

afterAll(killAll);

async function query<T>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const rootsAndAdmins = async (databaseUrl: string) => ({
  roots: (
    await query<{ n: string }>(databaseUrl, 'SELECT count(*) AS n FROM organizations WHERE parent_id IS NULL')
  )[0]!.n,
  admins: (await query<{ n: string }>(databaseUrl, "SELECT count(*) AS n FROM users WHERE role = 'admin'"))[0]!.n,
});

const passwordValid = async (databaseUrl: string, username: string, password: string) => {
  const [row] = await query<{ password_hash: string }>(
    databaseUrl,
    'SELECT password_hash FROM users WHERE username = $1',
    [username],
  );
  return (await verifyPassword(row!.password_hash, password)).valid;
};

describe('create-admin', () => {
  it('refuses a rerun of --create-city clearly, exit non-zero, leaving one root centre and admin', async () => {
    const env = {
      ...TEST_ENV,
      DATABASE_URL: await createTestDatabase(),
      JIEFEN_ADMIN_PASSWORD: 'a-long-admin-password',
    };
    const args = ['create-admin', '--username', 'root', '--create-city', '测试市矛调中心'];
    expect(await runCli(args, env)).toMatchObject({ code: 0, output: expect.stringContaining('admin root created') });

    const rerun = await runCli(args, env);
    expect(rerun.code).toBe(1);
    expect(rerun.output).toMatch(/^a user "root" already exists; nothing was changed/);
    expect(rerun.output).not.toMatch(/duplicate key|violates/);

    const another = await runCli(['create-admin', '--username', 'second', '--create-city', '另一个市'], env);
    expect(another.code).toBe(1);
    expect(another.output).toMatch(
      new RegExp(
        /^there is already a root organisation, 测试市矛调中心 \([0-9a-f-]{36}\); nothing was changed /.source +
          /\(add the administrator there with --organization [0-9a-f-]{36}\)/.source,
      ),
    );
    expect(await rootsAndAdmins(env.DATABASE_URL)).toEqual({ roots: '1', admins: '1' });
  });

  it('creates exactly one root centre when two runs race', async () => {
    const env = {
      ...TEST_ENV,
      DATABASE_URL: await createTestDatabase(),
      JIEFEN_ADMIN_PASSWORD: 'a-long-admin-password',
    };
    expect((await runCli(['rotate-keys'], env)).code).toBe(0); // migrated first: the race is about the root centre
    const results = await Promise.all(
      ['first', 'second'].map((name) =>
        runCli(['create-admin', '--username', name, '--create-city', `${name}市`], env),
      ),
    );
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(results.find((r) => r.code === 1)!.output).toContain('there is already a root organisation');
    expect(await rootsAndAdmins(env.DATABASE_URL)).toEqual({ roots: '1', admins: '1' });
  });

  it('refuses an organisation that does not exist, and a password under the one rule, changing nothing', async () => {
    const env = {
      ...TEST_ENV,
      DATABASE_URL: await createTestDatabase(),
      JIEFEN_ADMIN_PASSWORD: 'a-long-admin-password',
    };
    const missing = await runCli(
      ['create-admin', '--username', 'root', '--organization', '00000000-0000-4000-8000-00000000dead'],
      env,
    );
    expect(missing).toMatchObject({
      code: 1,
      output: expect.stringContaining('no organisation 00000000-0000-4000-8000-00000000dead; nothing was changed'),
    });
    const short = await runCli(['create-admin', '--username', 'root', '--create-city', '测试市'], {
      ...env,
      JIEFEN_ADMIN_PASSWORD: 'elevenchars',
    });
    expect(short).toMatchObject({
      code: 1,
      output: expect.stringContaining('JIEFEN_ADMIN_PASSWORD must have 12 to 200 characters'),
    });
    expect(await rootsAndAdmins(env.DATABASE_URL)).toEqual({ roots: '0', admins: '0' });
  });
});

describe('reset-password', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { ...TEST_ENV, DATABASE_URL: await createTestDatabase(), JIEFEN_ADMIN_PASSWORD: 'the-first-password' };
    expect((await runCli(['create-admin', '--username', 'root', '--create-city', '测试市矛调中心'], env)).code).toBe(0);
  });

  it('sets the password from JIEFEN_NEW_PASSWORD, and the tokens issued before stop working', async () => {
    const t = await startTestApp({ databaseUrl: env.DATABASE_URL, seed: false });
    try {
      const { body } = await t.anonymous
        .post('/api/v1/auth/token')
        .send({ username: 'root', password: 'the-first-password' })
        .expect(200);
      const before = `Bearer ${body.accessToken}`;
      await t.anonymous.get('/api/v1/organizations').set('Authorization', before).expect(200);

      const result = await runCli(['reset-password', '--username', 'root'], {
        ...env,
        JIEFEN_NEW_PASSWORD: 'from-the-environment',
      });
      expect(result).toMatchObject({
        code: 0,
        output: 'password of root changed; the tokens issued before no longer work\n',
      });
      expect(await passwordValid(env.DATABASE_URL!, 'root', 'from-the-environment')).toBe(true);
      expect(await passwordValid(env.DATABASE_URL!, 'root', 'the-first-password')).toBe(false);
      await t.anonymous.get('/api/v1/organizations').set('Authorization', before).expect(401);
      await t.anonymous
        .post('/api/v1/auth/token')
        .send({ username: 'root', password: 'from-the-environment' })
        .expect(200);
    } finally {
      await t.close();
    }
  });

  it('reads the password from standard input when the variable is not set', async () => {
    const result = await runCli(
      ['reset-password', '--username', 'root'],
      { ...env, JIEFEN_NEW_PASSWORD: '' },
      'piped-in-password\n',
    );
    expect(result.code).toBe(0);
    expect(await passwordValid(env.DATABASE_URL!, 'root', 'piped-in-password')).toBe(true);
  });

  it('refuses a password under the one rule, and an unknown user, changing nothing', async () => {
    const short = await runCli(['reset-password', '--username', 'root'], {
      ...env,
      JIEFEN_NEW_PASSWORD: 'elevenchars',
    });
    expect(short).toMatchObject({
      code: 1,
      output: 'the new password must have 12 to 200 characters; nothing was changed\n',
    });
    const unknown = await runCli(['reset-password', '--username', 'nobody'], {
      ...env,
      JIEFEN_NEW_PASSWORD: 'a-good-long-password',
    });
    expect(unknown).toMatchObject({ code: 1, output: 'no user "nobody"; nothing was changed\n' });
    const noName = await runCli(['reset-password'], { ...env, JIEFEN_NEW_PASSWORD: 'a-good-long-password' });
    expect(noName).toMatchObject({ code: 1, output: '--username is required\n' });
    expect(await passwordValid(env.DATABASE_URL!, 'root', 'piped-in-password')).toBe(true);
  });
});
