import type { Queryable } from '../database/dataSource.js';

/** One entry of a case's trail as the API shows it; `version` is the case version it produced (its `seq`). */
export interface TrailEntry {
  seq: number;
  version: number;
  type: string;
  payload: Record<string, unknown>;
  actor: Record<string, unknown>;
  at: string;
  today: string;
}

/**
 * A case's append-only audit trail (`case_events`; a trigger refuses UPDATE and DELETE). Events are
 * written with their case, in the same statement (`CasesRepository.apply`); this reads them.
 */
export class CaseEventsRepository {
  constructor(private readonly db: Queryable) {}

  async trail(caseId: string): Promise<TrailEntry[]> {
    const { rows } = await this.db.query({
      name: 'case-events',
      text: `SELECT seq, type, payload, actor, at, today FROM case_events WHERE case_id = $1 ORDER BY seq`,
      values: [caseId],
    });
    return rows.map((r) => ({
      seq: r.seq,
      version: r.seq,
      type: r.type,
      payload: r.payload,
      actor: r.actor,
      at: (r.at as Date).toISOString(),
      today: r.today,
    }));
  }
}
