import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 回访记录 and corrections of issued documents (issue 15; docs/returnVisits.md, docs/documents.md).
 *
 * - `return_visits`: what the MoJ 2010 人民调解回访记录 prints beside what a visit already stored —
 *   the manner of the visit (上门 / 电话 …), the parties' opinions, the measures taken, and whether
 *   anyone sued and with what result. All optional: visits recorded before stay valid.
 * - `documents.correction_reason`: a correction (更正) is a new document naming the one it replaces
 *   (`replaces_document_id`, migration …009) with the reason it prints; a document is replaced at
 *   most once (unique index), so a second correction of the same document is refused by the database
 *   too, not only by the service's check.
 */
export class ReturnVisitRecordsAndCorrections1763900000013 implements MigrationInterface {
  name = 'ReturnVisitRecordsAndCorrections1763900000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE return_visits
        ADD COLUMN manner text CHECK (manner IN ('onSite', 'phone', 'atOffice', 'online', 'letter')),
        ADD COLUMN opinions text CHECK (length(opinions) BETWEEN 1 AND 2000),
        ADD COLUMN measures text CHECK (length(measures) BETWEEN 1 AND 2000),
        ADD COLUMN lawsuit text CHECK (length(lawsuit) BETWEEN 1 AND 2000)`);
    await q.query(`
      ALTER TABLE documents
        ADD COLUMN correction_reason text,
        ADD CONSTRAINT documents_correction_reason CHECK ((replaces_document_id IS NULL) = (correction_reason
          IS NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX documents_replaced_once ON documents (replaces_document_id) WHERE replaces_document_id IS
        NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX documents_replaced_once`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_correction_reason, DROP COLUMN correction_reason`);
    await q.query(
      `ALTER TABLE return_visits DROP COLUMN manner, DROP COLUMN opinions, DROP COLUMN measures, DROP COLUMN lawsuit`,
    );
  }
}
