/**
 * The demo password: said at every start, kept beside the data directory, reset by
 * JIEFEN_DEMO_PASSWORD at any start — also when the first start failed after seeding.
 */
import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { freePort } from '../src/database/embeddedPostgres.js';
import { demoLoginBlock, seedDemoData } from '../src/demo/seedDemoData.js';
import { verifyPassword } from '../src/security/passwordHasher.js';
import { exited, killAll, signInStatus, startService, stopService, waitForHealth } from './support/serviceProcess.js';
import { startTestApp } from './support/testApp.js';

afterAll(killAll);

const passwordIn = (output: string) => output.match(/Password: +(\S+) +\(/)?.[1];
/** Three starts of the service, each initialising or recovering PostgreSQL: on 2 busy cores, well past Jest's 30 s. */
const PROCESS_TEST_TIMEOUT_MS = 180_000;

describe('the demo password, on the service process', () => {
  const parent = mkdtempSync(join(tmpdir(), 'jiefen-demo-'));
  chmodSync(parent, 0o755); // PostgreSQL runs as the OS user `postgres` when the tests run as root
  const dataDir = join(parent, 'postgres');
  const passwordFile = `${dataDir}.demo-password`;

  it(
    'survives a first start failing after seeding, is printed in a block at each start; JIEFEN_DEMO_PASSWORD resets it',
    async () => {
      // 1. The port is taken: the service seeds the demo users, then cannot listen.
      const squatter = createServer();
      const busyPort = await new Promise<number>((resolve) =>
        squatter.listen(0, '127.0.0.1', () => resolve((squatter.address() as { port: number }).port)),
      );
      const failed = startService({ JIEFEN_DATA_DIR: dataDir, PORT: String(busyPort) });
      expect(await exited(failed.child)).toBe(1);
      squatter.close();
      const generated = readFileSync(passwordFile, 'utf8').trim();
      expect(generated).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);

      // 2. The next start says it, in the block, last.
      const second = startService({ JIEFEN_DATA_DIR: dataDir, PORT: String(await freePort()) });
      await waitForHealth(second);
      await new Promise((r) => setTimeout(r, 300));
      expect(passwordIn(second.output())).toBe(generated);
      expect(second.output()).toContain(`Kept in:     ${passwordFile}`);
      // The block comes after the start-up lines.
      expect(second.output().indexOf('┌')).toBeGreaterThan(second.output().indexOf('Jiefen is listening'));
      expect(await signInStatus(second.url, 'mediator', generated)).toBe(200);
      expect(await stopService(second)).toBe(0);

      // 3. JIEFEN_DEMO_PASSWORD at a later start: every demo user's password is reset to it.
      const third = startService({
        JIEFEN_DATA_DIR: dataDir,
        PORT: String(await freePort()),
        JIEFEN_DEMO_PASSWORD: 'chosen-demo-password',
      });
      await waitForHealth(third);
      await new Promise((r) => setTimeout(r, 300));
      expect(passwordIn(third.output())).toBe('chosen-demo-password');
      expect(await signInStatus(third.url, 'court', 'chosen-demo-password')).toBe(200);
      expect(await signInStatus(third.url, 'mediator', generated)).toBe(401);
      expect(readFileSync(passwordFile, 'utf8').trim()).toBe('chosen-demo-password');
      expect(await stopService(third)).toBe(0);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it('refuses a JIEFEN_DEMO_PASSWORD shorter than the one password rule, and says why', async () => {
    const refused = startService({
      JIEFEN_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      JIEFEN_DEMO_PASSWORD: 'elevenchars',
    });
    expect(await exited(refused.child)).toBe(1);
    expect(refused.output()).toContain('JIEFEN_DEMO_PASSWORD must have 12 to 200 characters');
  });
});

describe('seedDemoData', () => {
  it('says plainly when older demo users have no stored password, and how to set it', async () => {
    const t = await startTestApp({ seed: false });
    try {
      const logger = pino({ level: 'silent' });
      const file = join(mkdtempSync(join(tmpdir(), 'jiefen-demo-')), 'postgres.demo-password');
      await seedDemoData(t.dataSource, logger, {}); // an earlier version: nothing stored
      const unknown = await seedDemoData(t.dataSource, logger, { passwordFile: file });
      expect(unknown).toMatchObject({ password: undefined, source: 'unknown' });
      expect(demoLoginBlock(unknown)).toContain('not stored');
      expect(demoLoginBlock(unknown)).toContain('JIEFEN_DEMO_PASSWORD');

      const reset = await seedDemoData(t.dataSource, logger, { password: 'a-new-demo-password', passwordFile: file });
      expect(reset).toMatchObject({
        password: 'a-new-demo-password',
        source: 'JIEFEN_DEMO_PASSWORD',
        passwordFile: file,
      });
      const rows: { username: string; password_hash: string }[] = await t.dataSource.query(
        'SELECT username, password_hash FROM users ORDER BY username',
      );
      expect(rows.map((r) => r.username)).toEqual([
        'admin',
        'court',
        'mediator',
        'petition',
        'reception',
        'supervisor',
      ]);
      for (const row of rows)
        expect(await verifyPassword(row.password_hash, 'a-new-demo-password')).toMatchObject({ valid: true });
      expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length); // a salt each
      expect(await seedDemoData(t.dataSource, logger, { passwordFile: file })).toMatchObject({
        password: 'a-new-demo-password',
        source: 'stored',
      });
    } finally {
      await t.close();
    }
  });
});
