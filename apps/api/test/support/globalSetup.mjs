/**
 * One PostgreSQL for the whole test run: the server in DATABASE_URL when set, otherwise an
 * embedded one (the service's own starter, from the build) in the run's temporary directory on
 * a free port. Each test file then creates its own database and runs the real migrations on it.
 * Plain JavaScript: Jest loads global hooks outside its TypeScript transform.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRunTmpDir } from './runTmpDir.mjs';

const starter = new URL('../../dist/database/embeddedPostgres.js', import.meta.url);

export default async function globalSetup() {
  const runId = randomBytes(4).toString('hex');
  const runDir = createRunTmpDir();
  globalThis.__JIEFEN_RUN_DIR__ = runDir;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    if (!existsSync(starter)) throw new Error('apps/api is not built: run `pnpm build` (the README test command does)');
    const { startEmbeddedPostgres } = await import(starter.href);
    const embedded = await startEmbeddedPostgres({
      dataDir: join(runDir, 'postgres'),
      database: 'postgres',
      // A throwaway cluster: durability off for speed.
      postgresFlags: [
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=300',
      ],
    });
    adminUrl = embedded.url;
    globalThis.__JIEFEN_EMBEDDED__ = embedded;
  }
  process.env.JIEFEN_TEST_ADMIN_URL = adminUrl;
  process.env.JIEFEN_TEST_RUN_ID = runId;
}
