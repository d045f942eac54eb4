import type pg from 'pg';
import type { TemplateOrigin } from './templateRegistry.js';

/** Where an issued document's template came from, as the archive records it (migration 1763900000014). */
export interface RecordedTemplateOrigin {
  source: 'bundled' | 'override';
  /** SHA-256 of the template file's bytes; null for documents issued before it was recorded. */
  sha256: string | null;
}

/**
 * Records the template's source and file hash on the document, inside the issuing transaction and
 * before the row is marked issued (an issued row no longer changes: `documents_immutable`).
 */
export async function recordTemplateOrigin(client: pg.PoolClient, documentId: string, origin: TemplateOrigin) {
  await client.query(
    `UPDATE documents SET template_source = $2, template_sha256 = $3 WHERE id = $1 AND status = 'pending'`,
    [documentId, origin.source, origin.sha256],
  );
}

/** The recorded origins of a case's issued documents, by document id. */
export async function templateOriginsOf(
  db: pg.Pool | pg.PoolClient,
  caseId: string,
): Promise<Map<string, RecordedTemplateOrigin>> {
  const { rows } = await db.query(
    `SELECT id, template_source, template_sha256 FROM documents WHERE case_id = $1 AND status = 'issued'`,
    [caseId],
  );
  return new Map(rows.map((r) => [r.id as string, { source: r.template_source, sha256: r.template_sha256 }]));
}
