import type { Queryable } from '../database/dataSource.js';

/** A recomputation not yet done: the year version it recounts deadlines on, and the notice it cites. */
export interface OpenRecomputation {
  id: string;
  year: number;
  version: number;
  createdAt: Date;
  sweptAt: Date | null;
  noticeNumber: string;
}

/** How far a year's latest recomputation has got, as the calendar's list shows it. */
export interface RecomputationProgress {
  cases: number;
  events: number;
  done: boolean;
}

/**
 * The recomputations a loaded calendar year starts (`calendar_recomputations`) and their queue of
 * cases (`calendar_recompute_items`). Queue items are claimed with a lease under `FOR UPDATE SKIP
 * LOCKED`, so instances share the work. On the pool, or `within` a transaction's client.
 */
export class CalendarRecomputationsRepository {
  constructor(private readonly db: Queryable) {}

  within(client: Queryable): CalendarRecomputationsRepository {
    return new CalendarRecomputationsRepository(client);
  }

  /** A new recomputation of `year` at `version`; returns its id. */
  async create(year: number, version: number, at: Date): Promise<string> {
    const { rows } = await this.db.query(
      'INSERT INTO calendar_recomputations (year, version, created_at) VALUES ($1, $2, $3) RETURNING id',
      [year, version, at],
    );
    return String(rows[0].id);
  }

  /**
   * Queues every case with a running deadline whose count touched `year` (from its first counted
   * day to its due date), only those written since `changedSince` when given; returns how many
   * were queued (a case already queued is not counted again).
   */
  async enqueueTouching(recomputationId: string, year: number, changedSince?: Date): Promise<number> {
    const { rowCount } = await this.db.query(
      `INSERT INTO calendar_recompute_items (recomputation_id, case_id)
       SELECT DISTINCT $1::bigint, case_id FROM deadlines
       WHERE status = 'running' AND due_on >= $2::date AND counted_from <= $3::date
         AND ($4::timestamptz IS NULL OR updated_at >= $4)
       ON CONFLICT DO NOTHING`,
      [recomputationId, `${year}-01-01`, `${year}-12-31`, changedSince ?? null],
    );
    return rowCount ?? 0;
  }

  async setCaseCount(recomputationId: string, cases: number): Promise<void> {
    await this.db.query('UPDATE calendar_recomputations SET cases = $2 WHERE id = $1', [recomputationId, cases]);
  }

  /** The recomputations not done yet, oldest first, with their year version's notice number. */
  async open(): Promise<OpenRecomputation[]> {
    const { rows } = await this.db.query(
      `SELECT r.id, r.year, r.version, r.created_at, r.swept_at, y.notice_number
       FROM calendar_recomputations r JOIN calendar_years y USING (year, version)
       WHERE r.done_at IS NULL ORDER BY r.id`,
    );
    return rows.map((r) => ({
      id: String(r.id),
      year: r.year,
      version: r.version,
      createdAt: r.created_at,
      sweptAt: r.swept_at,
      noticeNumber: r.notice_number,
    }));
  }

  /** Leases up to `limit` queued cases whose lease (if any) ran out by `now`, until `leaseUntil`. */
  async claimQueued(recomputationId: string, now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
    const { rows } = await this.db.query(
      `UPDATE calendar_recompute_items i SET claimed_until = $3
       FROM (SELECT case_id FROM calendar_recompute_items
             WHERE recomputation_id = $1 AND (claimed_until IS NULL OR claimed_until < $2)
             LIMIT $4 FOR UPDATE SKIP LOCKED) c
       WHERE i.recomputation_id = $1 AND i.case_id = c.case_id
       RETURNING i.case_id`,
      [recomputationId, now, leaseUntil, limit],
    );
    return rows.map((r) => r.case_id);
  }

  /** Takes the recomputed cases off the queue. */
  async dequeue(recomputationId: string, caseIds: readonly string[]): Promise<void> {
    await this.db.query(
      'DELETE FROM calendar_recompute_items WHERE recomputation_id = $1 AND case_id = ANY($2::uuid[])',
      [recomputationId, caseIds],
    );
  }

  /** Counts `events` more `deadline.recomputed` events written. */
  async addEvents(recomputationId: string, events: number): Promise<void> {
    await this.db.query('UPDATE calendar_recomputations SET events = events + $2 WHERE id = $1', [
      recomputationId,
      events,
    ]);
  }

  async hasQueued(recomputationId: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM calendar_recompute_items WHERE recomputation_id = $1 LIMIT 1', [
      recomputationId,
    ]);
    return rows.length > 0;
  }

  /** Marks the sweep started at `at`; false when another instance marked it first. */
  async markSwept(recomputationId: string, at: Date): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'UPDATE calendar_recomputations SET swept_at = $2 WHERE id = $1 AND swept_at IS NULL',
      [recomputationId, at],
    );
    return !!rowCount;
  }

  async markDone(recomputationId: string, at: Date): Promise<void> {
    await this.db.query('UPDATE calendar_recomputations SET done_at = $2 WHERE id = $1 AND done_at IS NULL', [
      recomputationId,
      at,
    ]);
  }

  /** The latest recomputation of each year. */
  async latestOfEachYear(): Promise<Map<number, RecomputationProgress>> {
    const { rows } = await this.db.query(
      `SELECT DISTINCT ON (year) year, cases, events, done_at FROM calendar_recomputations ORDER BY year, id DESC`,
    );
    return new Map(rows.map((r) => [r.year, { cases: r.cases, events: r.events, done: r.done_at !== null }]));
  }
}
