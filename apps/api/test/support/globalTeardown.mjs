import pg from 'pg';
import { removeRunTmpDir } from './runTmpDir.mjs';

/**
 * Drops this run's databases (on a real server) or stops the embedded cluster, then removes the run's temporary
 * directory.
 */
export default async function globalTeardown() {
  try {
    const embedded = globalThis.__JIEFEN_EMBEDDED__;
    if (embedded) await embedded.stop();
    else await dropRunDatabases();
  } finally {
    if (globalThis.__JIEFEN_RUN_DIR__) removeRunTmpDir(globalThis.__JIEFEN_RUN_DIR__);
  }
}

async function dropRunDatabases() {
  const runId = process.env.JIEFEN_TEST_RUN_ID;
  const admin = new pg.Client({ connectionString: process.env.JIEFEN_TEST_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `jiefen\\_t\\_${runId}\\_%`,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
