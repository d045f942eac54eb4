import type pg from 'pg';
import { maskedReason } from './maskedReason.js';

/** A document requested by an event and not yet produced, as the producer claims it. */
export interface PendingDocument {
  id: string;
  caseId: string;
  kind: string;
  eventSeq: number;
  organizationId: string;
  details: Record<string, unknown>;
  orderedAt: Date;
  outboxId: number;
  attempts: number;
  /** Set on a correction (更正): the document it replaces, and why. */
  replacesDocumentId: string | null;
  correctionReason: string | null;
}

/** What a case's document list shows (no bytes). */
export interface DocumentSummary {
  id: string;
  kind: string;
  title: string | null;
  number: string | null;
  status: 'pending' | 'issued';
  issuedAt: string;
  producedAt: string | null;
  event: { seq: number; type: string };
  sha256: string | null;
  byteSize: number | null;
  /**
   * The template it was printed with: the file's name, its version, whether it was the release's
   * (`bundled`) or the province's (`override`, JIEFEN_TEMPLATE_DIR), and the file's SHA-256 (null for
   * documents issued before it was recorded, migration 1763900000014).
   */
  template: { name: string; version: number; source: 'bundled' | 'override'; sha256: string | null } | null;
  /** Why a pending document is not produced yet (its last failed render, e.g. a character no font has). */
  lastError: string | null;
  replacesDocumentId: string | null;
  /** The correction that replaces this document, pending or issued (the document stays listed and downloadable). */
  replacedByDocumentId: string | null;
  correctionReason: string | null;
}

export interface StoredDocument {
  id: string;
  kind: string;
  title: string;
  number: string | null;
  eventSeq: number;
  /** The template file it was rendered from (`people-mediation/agreement.json`). */
  template: string;
  orderedAt: Date;
  sha256: string;
  /** The PDF bytes, encrypted (`DataProtection`); `openContent` decrypts and checks them. */
  contentEncrypted: string;
  replacesDocumentId: string | null;
  replacedByDocumentId: string | null;
}

/** Claims up to `batch` due pending documents with a lease (instances share the work). */
export async function claimPending(db: pg.Pool, now: Date, leaseMs: number, batch: number): Promise<PendingDocument[]> {
  const { rows } = await db.query(
    `UPDATE documents SET claimed_until = $2, attempts = attempts + 1
     WHERE id IN (SELECT id FROM documents
                  WHERE status = 'pending' AND available_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
                  ORDER BY available_at, outbox_id LIMIT $3 FOR UPDATE SKIP LOCKED)
     RETURNING id, outbox_id, case_id, kind, event_seq, organization_id, details, ordered_at, attempts,
               replaces_document_id, correction_reason`,
    [now, new Date(now.getTime() + leaseMs), batch],
  );
  return (
    rows
      .map((r) => ({
        id: r.id,
        caseId: r.case_id,
        kind: r.kind,
        eventSeq: r.event_seq,
        organizationId: r.organization_id,
        details: r.details,
        orderedAt: r.ordered_at,
        outboxId: Number(r.outbox_id),
        attempts: r.attempts,
        replacesDocumentId: r.replaces_document_id,
        correctionReason: r.correction_reason,
      }))
      // In the order they were requested (RETURNING keeps no order): an agreement before the 回访记录 citing its 文号.
      .sort((a, b) => a.orderedAt.getTime() - b.orderedAt.getTime() || a.outboxId - b.outboxId)
  );
}

/** Locks a still-pending document for the issuing transaction; false when another instance issued it first. */
export async function lockPending(client: pg.PoolClient, id: string): Promise<boolean> {
  const { rowCount } = await client.query(`SELECT 1 FROM documents WHERE id = $1 AND status = 'pending' FOR UPDATE`, [
    id,
  ]);
  return rowCount === 1;
}

/**
 * The next 文号 of an organisation's year. Inside the issuing transaction: a rollback returns the number,
 * so numbers have no gaps.
 */
export async function nextNumber(client: pg.PoolClient, organizationId: string, year: number): Promise<number> {
  const { rows } = await client.query(
    `INSERT INTO document_number_sequences (organization_id, year, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (organization_id, year) DO UPDATE SET last_seq = document_number_sequences.last_seq + 1
     RETURNING last_seq`,
    [organizationId, year],
  );
  return rows[0].last_seq;
}

export async function markIssued(
  client: pg.PoolClient,
  id: string,
  issued: {
    number: { year: number; seq: number; text: string } | null;
    template: string;
    templateVersion: number;
    /** Where the template file came from, and its SHA-256: the wording the archive says it was printed with. */
    templateSource: 'bundled' | 'override';
    templateSha256: string;
    title: string;
    producedAt: Date;
    contentEncrypted: string;
    byteSize: number;
    sha256: string;
  },
): Promise<void> {
  await client.query(
    `UPDATE documents SET status = 'issued', number_year = $2, number_seq = $3, number = $4, template = $5,
       template_version = $6, title = $7, produced_at = $8, content_encrypted = $9, byte_size = $10, sha256 = $11,
       claimed_until = NULL, last_error = NULL, template_source = $12, template_sha256 = $13
     WHERE id = $1 AND status = 'pending'`,
    [
      id,
      issued.number?.year ?? null,
      issued.number?.seq ?? null,
      issued.number?.text ?? null,
      issued.template,
      issued.templateVersion,
      issued.title,
      issued.producedAt,
      issued.contentEncrypted,
      issued.byteSize,
      issued.sha256,
      issued.templateSource,
      issued.templateSha256,
    ],
  );
}

/** A failed attempt: the document stays pending and is tried again at `retryAt`. */
export async function markFailed(db: pg.Pool, id: string, retryAt: Date, error: string): Promise<void> {
  await db.query(
    `UPDATE documents SET available_at = $2, claimed_until = NULL, last_error = $3
     WHERE id = $1 AND status = 'pending'`,
    [id, retryAt, error.slice(0, 500)],
  );
}

export async function listForCase(db: pg.Pool, caseId: string): Promise<DocumentSummary[]> {
  const { rows } = await db.query(
    `SELECT d.id, d.kind, d.title, d.number, d.status, d.ordered_at, d.produced_at, d.event_seq, e.type AS event_type,
            d.sha256, d.byte_size, d.template, d.template_version, d.template_source, d.template_sha256, d.last_error,
            d.replaces_document_id, d.correction_reason, r.id AS replaced_by
     FROM documents d JOIN case_events e ON e.case_id = d.case_id AND e.seq = d.event_seq
     LEFT JOIN documents r ON r.replaces_document_id = d.id
     WHERE d.case_id = $1 ORDER BY d.event_seq, d.outbox_id`,
    [caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    number: r.number,
    status: r.status,
    issuedAt: (r.ordered_at as Date).toISOString(),
    producedAt: r.produced_at ? (r.produced_at as Date).toISOString() : null,
    event: { seq: r.event_seq, type: r.event_type },
    sha256: r.sha256,
    byteSize: r.byte_size === null ? null : Number(r.byte_size),
    template: r.template
      ? { name: r.template, version: r.template_version, source: r.template_source, sha256: r.template_sha256 }
      : null,
    lastError: r.status === 'pending' ? r.last_error : null,
    replacesDocumentId: r.replaces_document_id,
    replacedByDocumentId: r.replaced_by,
    correctionReason: r.correction_reason === null ? null : maskedReason(r.correction_reason),
  }));
}

/** What an issued document was rendered from: enough to render it again (the Word version). */
export interface DocumentOrigin {
  id: string;
  caseId: string;
  kind: string;
  eventSeq: number;
  organizationId: string;
  details: Record<string, unknown>;
  number: string | null;
  template: string;
  title: string;
  orderedAt: Date;
  /** The day of the event that issued it (the date the document bears). */
  issuedOn: string;
  replacesDocumentId: string | null;
  correctionReason: string | null;
}

export async function issuedDocumentOrigin(
  db: pg.Pool | pg.PoolClient,
  caseId: string,
  documentId: string,
): Promise<DocumentOrigin | undefined> {
  const { rows } = await db.query(
    `SELECT d.id, d.case_id, d.kind, d.event_seq, d.organization_id, d.details, d.number, d.template, d.title,
            d.ordered_at, e.today, d.replaces_document_id, d.correction_reason
     FROM documents d JOIN case_events e ON e.case_id = d.case_id AND e.seq = d.event_seq
     WHERE d.case_id = $1 AND d.id = $2 AND d.status = 'issued'`,
    [caseId, documentId],
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      caseId: r.case_id,
      kind: r.kind,
      eventSeq: r.event_seq,
      organizationId: r.organization_id,
      details: r.details,
      number: r.number,
      template: r.template,
      title: r.title,
      orderedAt: r.ordered_at,
      issuedOn: r.today,
      replacesDocumentId: r.replaces_document_id,
      correctionReason: r.correction_reason,
    }
  );
}

/** Issued documents of a case with their bytes: one (`documentId`) or all, in the order of issue. */
export async function issuedDocuments(db: pg.Pool, caseId: string, documentId?: string): Promise<StoredDocument[]> {
  const { rows } = await db.query(
    `SELECT d.id, d.kind, d.title, d.number, d.event_seq, d.ordered_at, d.sha256, d.content_encrypted, d.template,
            d.replaces_document_id, r.id AS replaced_by
     FROM documents d LEFT JOIN documents r ON r.replaces_document_id = d.id AND r.status = 'issued'
     WHERE d.case_id = $1 AND d.status = 'issued' AND ($2::uuid IS NULL OR d.id = $2::uuid)
     ORDER BY d.event_seq, d.outbox_id`,
    [caseId, documentId ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    number: r.number,
    eventSeq: r.event_seq,
    template: r.template,
    orderedAt: r.ordered_at,
    sha256: r.sha256,
    contentEncrypted: r.content_encrypted,
    replacesDocumentId: r.replaces_document_id,
    replacedByDocumentId: r.replaced_by,
  }));
}

/** One access-log row per party of the case: each party's data is on the document (PIPL Arts. 28, 51). */
export async function logDocumentAccess(
  db: pg.Pool | pg.PoolClient,
  access: {
    at: Date;
    userId: string;
    role: string;
    organizationId: string;
    caseId: string;
    what: string;
    reason: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO personal_data_access_log (at, user_id, role, organization_id, case_id, party_id, fields, reason)
     SELECT $1, $2, $3, $4, $5, party_id, $6, $7 FROM parties WHERE case_id = $5`,
    [access.at, access.userId, access.role, access.organizationId, access.caseId, [access.what], access.reason],
  );
}

/** Every issued document's ciphertext and SHA-256, for a key rotation (`cli rotate-keys`). */
export async function issuedCiphertexts(
  db: pg.Pool | pg.PoolClient,
): Promise<{ id: string; contentEncrypted: string; sha256: string }[]> {
  const { rows } = await db.query(`SELECT id, content_encrypted, sha256 FROM documents WHERE status = 'issued'`);
  return rows.map((r) => ({ id: r.id, contentEncrypted: r.content_encrypted, sha256: r.sha256 }));
}

/** The one column of an issued document the immutability trigger lets change: its bytes re-encrypted. */
export async function reencryptContent(
  db: pg.Pool | pg.PoolClient,
  id: string,
  contentEncrypted: string,
): Promise<void> {
  await db.query('UPDATE documents SET content_encrypted = $2 WHERE id = $1', [id, contentEncrypted]);
}
