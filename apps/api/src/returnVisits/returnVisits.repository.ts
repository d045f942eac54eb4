import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import type { Queryable } from '../database/dataSource.js';
import type { RecordReturnVisitDto } from './dto/record-return-visit.dto.js';

/** The last performance date of the agreement, else the day it took effect (indexed, migration 1763900000010). */
const VISIT_BASIS = `return_visit_basis(c.snapshot)`;

/** What the return-visit rules read of a case. */
export interface CaseRecordRow {
  id: string;
  case_number: string;
  version: number;
  final: boolean;
  status: string;
  organization_id: string;
  organization_path: string;
  court_id: string | null;
  received_on: string;
  agreement: { effectiveOn?: string; terms?: { dueOn?: string }[] } | null;
  mediator_id: string | null;
  criminal_risk_prevented: boolean;
}

/** A row of the work queue, before its due day is worked out. */
export interface DueCandidateRow {
  id: string;
  case_number: string;
  flow_id: string;
  state: string;
  status: string;
  organization_id: string;
  version: number;
  mediator_id: string | null;
  effective_on: string | null;
  basis: string;
}

/** A host event written into a case's trail (its `seq` is the case's new version). */
export interface TrailEntry {
  type: string;
  titleZh: string;
  payload: Record<string, unknown>;
  actor: AuthenticatedUser;
  at: Date;
  today: string;
}

/**
 * A document the visit issues: an outbox row `document.<kind>`,
 * which the trigger of …009 turns into a pending document.
 */
export interface DocumentRequest {
  kind: string;
  recipient: Record<string, unknown>;
  payload: Record<string, unknown>;
  at: Date;
}

/**
 * The SQL of return visits and the 防止民转刑 flag (issue 12: SQL behind a repository per
 * aggregate). The service opens the transaction (`withTransaction`) and runs the writes `within`
 * its client: lock the case's version, bump it, write the visit, its trail entry and its document.
 */
export class ReturnVisitsRepository {
  constructor(private readonly db: Queryable) {}

  within(client: Queryable): ReturnVisitsRepository {
    return new ReturnVisitsRepository(client);
  }

  async caseRecord(caseId: string): Promise<CaseRecordRow | undefined> {
    const { rows } = await this.db.query<CaseRecordRow>(
      `SELECT id, case_number, version, final, status, organization_id, organization_path, court_id, received_on,
              snapshot->'context'->'agreement' AS agreement,
              snapshot->'context'->'records'->>'mediatorId' AS mediator_id, criminal_risk_prevented
       FROM cases WHERE id = $1`,
      [caseId],
    );
    return rows[0];
  }

  /** The display name of a user (the visitor the 回访记录 names). */
  async displayNameOf(userId: string): Promise<string | null> {
    const { rows } = await this.db.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
    return rows[0]?.display_name ?? null;
  }

  /** The case's version, the row locked until the transaction ends. */
  async lockVersion(caseId: string): Promise<number> {
    const { rows } = await this.db.query('SELECT version FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    return rows[0].version;
  }

  async bumpVersion(caseId: string, version: number, at: Date): Promise<void> {
    await this.db.query('UPDATE cases SET version = $2, updated_at = $3 WHERE id = $1', [caseId, version, at]);
  }

  async visitIds(caseId: string): Promise<string[]> {
    const { rows } = await this.db.query(
      `SELECT id FROM return_visits WHERE case_id = $1 ORDER BY visited_on, recorded_at`,
      [caseId],
    );
    return rows.map((r) => r.id as string);
  }

  async visit(id: string) {
    const { rows } = await this.db.query(
      `SELECT rv.*, u.username, u.display_name FROM return_visits rv JOIN users u ON u.id = rv.visited_by
       WHERE rv.id = $1`,
      [id],
    );
    const r = rows[0];
    return {
      id: r.id as string,
      caseId: r.case_id as string,
      organizationId: r.organization_id as string,
      visitedOn: r.visited_on as string,
      visitedBy: { id: r.visited_by as string, username: r.username as string, displayName: r.display_name as string },
      personsVisited: r.persons_visited as string,
      manner: (r.manner as string | null) ?? null,
      performance: r.performance as string,
      satisfaction: r.satisfaction as string,
      newDispute: r.new_dispute as boolean,
      riskNote: (r.risk_note as string | null) ?? null,
      opinions: (r.opinions as string | null) ?? null,
      measures: (r.measures as string | null) ?? null,
      lawsuit: (r.lawsuit as string | null) ?? null,
      note: (r.note as string | null) ?? null,
      recordedAt: (r.recorded_at as Date).toISOString(),
    };
  }

  /** Resolved cases under `pathPrefix` with an agreement whose basis is on or before `latestBasis` and no visit yet. */
  async dueCandidates(query: {
    pathPrefix: string;
    latestBasis: string;
    mediatorId?: string;
  }): Promise<DueCandidateRow[]> {
    const values: unknown[] = [];
    const where = [
      // The index's predicate: a confirmation's agreement was reached, and is visited, on the case it continues from.
      `c.status = 'resolved'`,
      `c.flow_id <> 'judicial-confirmation'`,
      `c.organization_path LIKE $${values.push(`${query.pathPrefix}%`)}`,
      `${VISIT_BASIS} <= $${values.push(query.latestBasis)}::date`,
      `NOT EXISTS (SELECT 1 FROM return_visits rv WHERE rv.case_id = c.id)`,
    ];
    if (query.mediatorId)
      where.push(`c.snapshot->'context'->'records'->>'mediatorId' = $${values.push(query.mediatorId)}`);
    const { rows } = await this.db.query<DueCandidateRow>(
      `SELECT c.id, c.case_number, c.flow_id, c.state, c.status, c.organization_id, c.version,
              c.snapshot->'context'->'records'->>'mediatorId' AS mediator_id,
              c.snapshot->'context'->'agreement'->>'effectiveOn' AS effective_on, ${VISIT_BASIS} AS basis
       FROM cases c WHERE ${where.join(' AND ')} ORDER BY basis, c.id LIMIT 5000`,
      values,
    );
    return rows;
  }

  async insertVisit(visit: {
    id: string;
    caseId: string;
    organizationId: string;
    visitedBy: string;
    recordedAt: Date;
    dto: RecordReturnVisitDto;
  }): Promise<void> {
    const { dto } = visit;
    await this.db.query(
      `INSERT INTO return_visits (id, case_id, organization_id, visited_on, visited_by, persons_visited, manner,
         performance, satisfaction, new_dispute, risk_note, opinions, measures, lawsuit, note, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        visit.id,
        visit.caseId,
        visit.organizationId,
        dto.visitedOn,
        visit.visitedBy,
        dto.personsVisited,
        dto.manner ?? null,
        dto.performance,
        dto.satisfaction,
        dto.newDispute,
        dto.riskNote ?? null,
        dto.opinions ?? null,
        dto.measures ?? null,
        dto.lawsuit ?? null,
        dto.note ?? null,
        visit.recordedAt,
      ],
    );
  }

  async setCriminalRisk(caseId: string, prevented: boolean): Promise<void> {
    await this.db.query('UPDATE cases SET criminal_risk_prevented = $2 WHERE id = $1', [caseId, prevented]);
  }

  async trail(caseId: string, seq: number, entry: TrailEntry): Promise<void> {
    const { actor } = entry;
    await this.db.query(
      `INSERT INTO case_events (case_id, seq, type, payload, actor, at, today, idempotency_key)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, NULL)`,
      [
        caseId,
        seq,
        entry.type,
        JSON.stringify({ ...entry.payload, titleZh: entry.titleZh }),
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
   * The document's request, durable with the visit: after the version bump, so the trigger of
   * migration …009 records the visit's trail entry (seq = the new version) as the issuing event.
   */
  async requestDocument(caseId: string, request: DocumentRequest): Promise<void> {
    await this.db.query(
      `INSERT INTO outbox (case_id, kind, recipient, payload, created_at, available_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $5)`,
      [
        caseId,
        `document.${request.kind}`,
        JSON.stringify(request.recipient),
        JSON.stringify(request.payload),
        request.at,
      ],
    );
  }
}
