import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the queries measured at a million cases (docs/benchmarks.md, item 4):
 *
 * - Case lists filtered by an organisation's subtree and a status, newest first. A subtree is a
 *   path prefix, and a prefix range cannot also be in `opened_at` order, so a district's open cases
 *   were sorted in full (0.4 s at a million cases). Each of these indexes keys the cases by the
 *   organisation at one depth of the path (district, street, community), then status, then the
 *   keyset order, so `listCases` reads one page of them in order (see `subtreeCondition`).
 * - The resolution-rate report: the cases accepted in a year, per handling organisation, read from
 *   the index alone (`ReportsService`).
 * - The outbox: pending rows in id order, so that a claim reads only its batch however many rows
 *   were delivered before it.
 */
export class ReportsAndListIndexes1763900000003 implements MigrationInterface {
  name = 'ReportsAndListIndexes1763900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX cases_district_status_newest ON cases (split_part(organization_path, '/', 3), status,
        opened_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX cases_street_status_newest ON cases (split_part(organization_path, '/', 4), status, opened_at DESC,
        id DESC)`,
    );
    await q.query(
      `CREATE INDEX cases_community_status_newest ON cases (split_part(organization_path, '/', 5), status,
        opened_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX cases_accepted ON cases (organization_id, accepted_on) INCLUDE (status, category) WHERE accepted_on
        IS NOT NULL`,
    );
    await q.query(`CREATE INDEX outbox_pending_id ON outbox (id) WHERE delivered_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_pending_id`);
    await q.query(`DROP INDEX cases_accepted`);
    await q.query(`DROP INDEX cases_community_status_newest`);
    await q.query(`DROP INDEX cases_street_status_newest`);
    await q.query(`DROP INDEX cases_district_status_newest`);
  }
}
