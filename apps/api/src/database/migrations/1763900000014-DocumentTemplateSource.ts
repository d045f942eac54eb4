import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which template file a document was printed with (issue 15): a province may override the bundled
 * templates (`JIEFEN_TEMPLATE_DIR`), so the archive records, beside the template's name and version,
 * its source — `bundled` (the release's) or `override` (the province's directory) — and the SHA-256
 * of the file's bytes, which names the exact wording even if a clerk forgot to raise `version`.
 *
 * Documents issued before this migration were all printed from the bundled files: the column is
 * added with the default `bundled` (set on every existing row without rewriting them, so the
 * `documents_immutable` trigger is not involved), then the default is dropped, so a document
 * produced from now on states its source explicitly. Their file hash is not known (NULL).
 */
export class DocumentTemplateSource1763900000014 implements MigrationInterface {
  name = 'DocumentTemplateSource1763900000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN template_source text DEFAULT 'bundled'
      CHECK (template_source IN ('bundled', 'override'))`);
    await q.query(`ALTER TABLE documents ALTER COLUMN template_source DROP DEFAULT`);
    await q.query(`ALTER TABLE documents ADD COLUMN template_sha256 text CHECK (template_sha256 ~ '^[0-9a-f]{64}$')`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_issued_template_source
      CHECK (status = 'pending' OR template_source IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_issued_template_source`);
    await q.query(`ALTER TABLE documents DROP COLUMN template_sha256`);
    await q.query(`ALTER TABLE documents DROP COLUMN template_source`);
  }
}
