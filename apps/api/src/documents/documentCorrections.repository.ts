import type { Queryable } from '../database/dataSource.js';

/** The document a correction replaces, as the correction's transaction locks it. */
export interface CorrectedOriginal {
  kind: string;
  status: string;
  number: string | null;
  title: string | null;
  details: Record<string, unknown>;
  organizationId: string;
  /** The correction that already replaces it, pending or issued. */
  replacedBy: string | null;
  /** Whom the original's notice went to; the correction's goes to the same. */
  recipient: Record<string, unknown> | null;
}

/** A host event in a case's trail (its `seq` is the case's new version). */
export interface CorrectionTrailEntry {
  caseId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actor: { userId: string; username: string; role: string; organizationId: string };
  at: Date;
  today: string;
}

/**
 * The SQL of a correction (更正, docs/documents.md "Corrections"): the case's version, the original
 * locked, the trail entry, and the new document's request — an outbox row the trigger of migration
 * …009 turns into a pending document, then marked as replacing the original. Runs `within` the
 * transaction the use case opens (`requestCorrection`).
 */
export class DocumentCorrectionsRepository {
  constructor(private readonly db: Queryable) {}

  within(client: Queryable): DocumentCorrectionsRepository {
    return new DocumentCorrectionsRepository(client);
  }

  async lockCaseVersion(caseId: string): Promise<number> {
    const { rows } = await this.db.query('SELECT version FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    return rows[0].version;
  }

  async bumpCaseVersion(caseId: string, version: number, at: Date): Promise<void> {
    await this.db.query('UPDATE cases SET version = $2, updated_at = $3 WHERE id = $1', [caseId, version, at]);
  }

  async lockOriginal(caseId: string, documentId: string): Promise<CorrectedOriginal | undefined> {
    const { rows } = await this.db.query(
      `SELECT d.kind, d.status, d.number, d.title, d.details, d.organization_id,
              (SELECT r.id FROM documents r WHERE r.replaces_document_id = d.id) AS replaced_by,
              (SELECT o.recipient FROM outbox o WHERE o.id = d.outbox_id) AS recipient
       FROM documents d WHERE d.case_id = $1 AND d.id = $2 FOR UPDATE`,
      [caseId, documentId],
    );
    const r = rows[0];
    return (
      r && {
        kind: r.kind,
        status: r.status,
        number: r.number,
        title: r.title,
        details: r.details,
        organizationId: r.organization_id,
        replacedBy: r.replaced_by,
        recipient: r.recipient,
      }
    );
  }

  /** The trail entry, shaped like the other host events' (returnVisits.repository.ts). */
  async recordTrail(entry: CorrectionTrailEntry): Promise<void> {
    const { actor } = entry;
    await this.db.query(
      `INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, NULL)`,
      [
        entry.caseId,
        entry.seq,
        entry.type,
        JSON.stringify(entry.payload),
        JSON.stringify({
          userId: actor.userId,
          username: actor.username,
          role: actor.role,
          organizationId: actor.organizationId,
        }),
        entry.at,
        entry.today,
      ],
    );
  }

  /**
   * The correction's document: the outbox row (the trigger makes the pending document in the same
   * statement), then that document marked as replacing the original, in the original's organisation.
   * Returns the new document's id.
   */
  async requestReplacement(request: {
    caseId: string;
    originalId: string;
    original: CorrectedOriginal;
    reason: string;
    at: Date;
  }): Promise<string> {
    const { rows: outbox } = await this.db.query(
      `INSERT INTO outbox (case_id, kind, recipient, payload, created_at, available_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $5) RETURNING id`,
      [
        request.caseId,
        `document.${request.original.kind}`,
        JSON.stringify(request.original.recipient ?? { type: 'parties' }),
        JSON.stringify(request.original.details),
        request.at,
      ],
    );
    const { rows } = await this.db.query(
      `UPDATE documents SET replaces_document_id = $2, correction_reason = $3, organization_id = $4
       WHERE outbox_id = $1 RETURNING id`,
      [outbox[0].id, request.originalId, request.reason, request.original.organizationId],
    );
    return rows[0].id;
  }
}
