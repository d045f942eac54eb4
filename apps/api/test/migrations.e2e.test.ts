import { createDataSource } from '../src/database/dataSource.js';
import { anIntake } from './support/factories.js';
import { createTestDatabase, startTestApp } from './support/testApp.js';

it('runs every migration up, down and up again (reversible)', async () => {
  const dataSource = createDataSource(await createTestDatabase(), 2);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.length).toBeGreaterThan(0);
    for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    expect((await dataSource.runMigrations({ transaction: 'each' })).length).toBe(applied.length);
  } finally {
    await dataSource.destroy();
  }
});

it('refuses to update or delete an entry of the audit trail', async () => {
  const t = await startTestApp();
  try {
    const { body } = await t.http.post('/api/v1/cases').send(anIntake()).expect(201);
    await expect(
      t.dataSource.query(`UPDATE case_events SET type = 'forged' WHERE case_id = $1`, [body.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM case_events WHERE case_id = $1`, [body.id])).rejects.toThrow(
      /append-only/,
    );
  } finally {
    await t.close();
  }
});
