import type pg from 'pg';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { DomainError, versionConflict } from '../common/errors/DomainError.js';
import { maskedReason } from './maskedReason.js';

/** The host event a correction writes into the case's trail. */
export const DOCUMENT_CORRECTED = { type: 'case.documentCorrected', titleZh: '更正文书' } as const;

export interface CorrectionRequest {
  caseId: string;
  documentId: string;
  reason: string;
  expectedVersion: number | undefined;
  actor: AuthenticatedUser;
  at: Date;
  today: string;
}

/**
 * Requests a correction (更正) of an issued document, in one transaction: the case's version bumped
 * (If-Match honoured), a `case.documentCorrected` entry in the trail (who, which document, why), and
 * an outbox row `document.<kind>` with the original's details, which the trigger of migration …009
 * turns into a pending document; that row is marked as replacing the original, in the original's
 * organisation (the correction is issued in its name). The producer renders it after commit, like
 * every document: a render that fails leaves it pending, retried, and writes no 文号.
 * The original row is never touched (it is immutable); `replacedByDocumentId` is read by a join.
 */
export async function requestCorrection(
  pool: pg.Pool,
  request: CorrectionRequest,
): Promise<{ documentId: string; version: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: cases } = await client.query('SELECT version FROM cases WHERE id = $1 FOR UPDATE', [request.caseId]);
    const current: number = cases[0].version;
    if (request.expectedVersion !== undefined && request.expectedVersion !== current)
      throw versionConflict(request.caseId, request.expectedVersion, current);
    const original = await lockOriginal(client, request);
    const version = current + 1;
    await client.query('UPDATE cases SET version = $2, updated_at = $3 WHERE id = $1', [
      request.caseId,
      version,
      request.at,
    ]);
    await trail(client, version, request, original);
    const { rows: outbox } = await client.query(
      `INSERT INTO outbox (case_id, kind, recipient, payload, created_at, available_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $5) RETURNING id`,
      [
        request.caseId,
        `document.${original.kind}`,
        JSON.stringify(original.recipient ?? { type: 'parties' }),
        JSON.stringify(original.details),
        request.at,
      ],
    );
    const { rows: created } = await client.query(
      `UPDATE documents SET replaces_document_id = $2, correction_reason = $3, organization_id = $4
       WHERE outbox_id = $1 RETURNING id`,
      [outbox[0].id, request.documentId, request.reason, original.organization_id],
    );
    await client.query('COMMIT');
    return { documentId: created[0].id, version };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface OriginalRow {
  kind: string;
  status: string;
  number: string | null;
  title: string | null;
  details: Record<string, unknown>;
  organization_id: string;
  replaced_by: string | null;
  /** Whom the original's notice went to; the correction's goes to the same. */
  recipient: Record<string, unknown> | null;
}

/** The document to correct, locked: it must be issued and not replaced yet (409 otherwise). */
async function lockOriginal(client: pg.PoolClient, request: CorrectionRequest): Promise<OriginalRow> {
  const { rows } = await client.query<OriginalRow>(
    `SELECT d.kind, d.status, d.number, d.title, d.details, d.organization_id,
            (SELECT r.id FROM documents r WHERE r.replaces_document_id = d.id) AS replaced_by,
            (SELECT o.recipient FROM outbox o WHERE o.id = d.outbox_id) AS recipient
     FROM documents d WHERE d.case_id = $1 AND d.id = $2 FOR UPDATE`,
    [request.caseId, request.documentId],
  );
  const original = rows[0];
  const subject = { caseId: request.caseId, documentId: request.documentId };
  if (!original)
    throw new DomainError('NOT_FOUND', `case ${request.caseId} has no document ${request.documentId}`, subject);
  if (original.status !== 'issued')
    throw new DomainError(
      'DOCUMENT_NOT_ISSUED',
      `document ${request.documentId} of case ${request.caseId} is not issued yet: only an issued document is corrected`,
      subject,
    );
  if (original.replaced_by)
    throw new DomainError(
      'DOCUMENT_ALREADY_CORRECTED',
      `document ${request.documentId} (${original.number ?? original.title}) is already replaced by ` +
        `${original.replaced_by}: correct that one instead`,
      { ...subject, replacedByDocumentId: original.replaced_by },
    );
  return original;
}

/** The trail entry, shaped like the other host events' (returnVisits.repository.ts). */
async function trail(
  client: pg.PoolClient,
  seq: number,
  request: CorrectionRequest,
  original: OriginalRow,
): Promise<void> {
  const { actor } = request;
  await client.query(
    `INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, NULL)`,
    [
      request.caseId,
      seq,
      DOCUMENT_CORRECTED.type,
      JSON.stringify({
        documentId: request.documentId,
        kind: original.kind,
        number: original.number,
        title: original.title,
        // Masked like the list shows it: the trail is read by everyone who sees the case.
        reason: maskedReason(request.reason),
        titleZh: DOCUMENT_CORRECTED.titleZh,
      }),
      JSON.stringify({
        userId: actor.userId,
        username: actor.username,
        role: actor.role,
        organizationId: actor.organizationId,
      }),
      request.at,
      request.today,
    ],
  );
}
