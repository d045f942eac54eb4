import pg from 'pg';

/** Drops this run's databases (on a real server) or stops the embedded cluster. */
export default async function globalTeardown() {
  const runId = process.env.JIEFEN_TEST_RUN_ID;
  const embedded = globalThis.__JIEFEN_EMBEDDED__;
  if (embedded) {
    await embedded.stop();
    return;
  }
  const admin = new pg.Client({ connectionString: process.env.JIEFEN_TEST_ADMIN_URL });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`jiefen\\_t\\_${runId}\\_%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
