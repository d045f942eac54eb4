import { createDataSource, MIGRATIONS } from '../src/database/dataSource.js';
import { aParty, anIntake, DEMO, ID_NUMBERS } from './support/factories.js';
import { startTestApp } from './support/testApp.js';

/**
 * Before issue 10, a judicial-confirmation application's inline agreement kept its bound parties'
 * ID numbers in clear in the `case.opened` payload. Migration 1763900000006 masks such rows in
 * place (PIPL Art. 51): here a row is put back in that old shape and the migration run again.
 */
it('masks clear ID numbers of inline-agreement bound parties in the trail (migration 1763900000006)', async () => {
  const t = await startTestApp();
  const court = await t.as('city-court');
  const { body: c } = await court
    .post('/api/v1/cases')
    .send(
      anIntake({
        flow: 'judicial-confirmation',
        organizationId: DEMO.xuanwuCourt,
        category: 'contract',
        summary: '申请确认调解协议效力',
        parties: [aParty(), aParty({ name: '李四', idNumber: ID_NUMBERS.li })],
        agreement: {
          effectiveOn: '2026-02-20',
          subject: 'propertyObligation',
          boundParties: [
            { name: '张三', idNumber: ID_NUMBERS.zhang },
            { name: '李四', idNumber: ID_NUMBERS.li },
          ],
          terms: [{ obligorPartyId: 'p2', description: '支付货款', amount: '6000.00' }],
        },
      }),
    )
    .expect(201);
  const databaseUrl = t.databaseUrl;
  await t.close();

  const dataSource = createDataSource(databaseUrl, 2);
  await dataSource.initialize();
  try {
    // The row as the service wrote it before the fix (and a bound party named without a number).
    const legacy = [
      { name: '张三', idNumber: ID_NUMBERS.zhang },
      { name: '李四', idNumber: ID_NUMBERS.li },
      { name: '某公司' },
    ];
    await dataSource.query(`ALTER TABLE case_events DISABLE TRIGGER case_events_append_only`);
    await dataSource.query(
      `UPDATE case_events SET payload = jsonb_set(payload, '{agreement,boundParties}', $2::jsonb) WHERE case_id = $1
        AND seq = 1`,
      [c.id, JSON.stringify(legacy)],
    );
    await dataSource.query(`ALTER TABLE case_events ENABLE TRIGGER case_events_append_only`);
    const later =
      MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === 'AccountSessionsAndTrailRedaction1763900000006');
    for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const [before] = await dataSource.query(
      `SELECT payload->'agreement'->'boundParties' AS bound FROM case_events WHERE case_id = $1 AND seq = 1`,
      [c.id],
    );
    expect(before.bound).toEqual(legacy);

    await dataSource.runMigrations({ transaction: 'each' });
    const [after] = await dataSource.query(
      `SELECT payload->'agreement'->'boundParties' AS bound, payload->'summary' AS summary FROM case_events
        WHERE case_id = $1 AND seq = 1`,
      [c.id],
    );
    expect(after).toEqual({
      bound: [
        { name: '张三', idNumber: '110105********002X' },
        { name: '李四', idNumber: '320106********123X' },
        { name: '某公司' },
      ],
      summary: '申请确认调解协议效力',
    });
    // The trail is append-only again.
    await expect(dataSource.query(`UPDATE case_events SET type = 'forged' WHERE case_id = $1`, [c.id])).rejects.toThrow(
      /append-only/,
    );
  } finally {
    await dataSource.destroy();
  }
});
