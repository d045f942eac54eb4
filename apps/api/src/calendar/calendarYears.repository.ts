import type { Actor } from '../cases/actor.js';
import type { Queryable } from '../database/dataSource.js';

/** One stored version of a year's schedule (`calendar_years`), as the API and the calendar read it. */
export interface StoredCalendarYear {
  year: number;
  version: number;
  notice: { number: string; date: string };
  reason: string | null;
  loadedBy: Actor;
  loadedAt: string;
  holidays: Record<string, string>;
  makeUpWorkdays: Record<string, string>;
}

/** A new version to store; the dates already sorted. */
export interface NewCalendarYearVersion {
  year: number;
  version: number;
  holidays: Record<string, string>;
  makeUpWorkdays: Record<string, string>;
  notice: { number: string; date: string };
  reason: string | null;
  loadedBy: Actor;
  loadedAt: Date;
}

const COLUMNS = 'year, version, holidays, make_up_workdays, notice_number, notice_date, reason, loaded_by, loaded_at';

/**
 * The official calendar's loaded years: every version of a year kept (the audit of its
 * corrections), the newest one in force. On the pool, or `within` a transaction's client.
 */
export class CalendarYearsRepository {
  constructor(private readonly db: Queryable) {}

  within(client: Queryable): CalendarYearsRepository {
    return new CalendarYearsRepository(client);
  }

  /**
   * Makes the loaders of `year` queue, on every instance, until this transaction ends (a
   * transaction-scoped advisory lock): the version read after it is then exact.
   */
  async lockYear(year: number): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar-year:${year}`]);
  }

  /** The newest stored version of `year`, or null when none is stored (the bundled schedule, if any, applies). */
  async latestVersion(year: number): Promise<number | null> {
    const { rows } = await this.db.query('SELECT max(version) AS version FROM calendar_years WHERE year = $1', [year]);
    return rows[0].version;
  }

  async insert(y: NewCalendarYearVersion): Promise<void> {
    await this.db.query(
      `INSERT INTO calendar_years (${COLUMNS})
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8::jsonb, $9)`,
      [
        y.year,
        y.version,
        JSON.stringify(y.holidays),
        JSON.stringify(y.makeUpWorkdays),
        y.notice.number,
        y.notice.date,
        y.reason,
        JSON.stringify(y.loadedBy),
        y.loadedAt,
      ],
    );
  }

  /** The newest version of every loaded year, oldest year first. */
  async latestOfEachYear(): Promise<StoredCalendarYear[]> {
    const { rows } = await this.db.query(
      `SELECT DISTINCT ON (year) ${COLUMNS} FROM calendar_years ORDER BY year, version DESC`,
    );
    return rows.map(recordOf);
  }

  /** Every version of one year, newest first. */
  async versionsOf(year: number): Promise<StoredCalendarYear[]> {
    const { rows } = await this.db.query(
      `SELECT ${COLUMNS} FROM calendar_years WHERE year = $1 ORDER BY version DESC`,
      [year],
    );
    return rows.map(recordOf);
  }
}

function recordOf(r: Record<string, any>): StoredCalendarYear {
  return {
    year: r.year,
    version: r.version,
    notice: { number: r.notice_number, date: r.notice_date },
    reason: r.reason,
    loadedBy: r.loaded_by,
    loadedAt: new Date(r.loaded_at).toISOString(),
    holidays: r.holidays,
    makeUpWorkdays: r.make_up_workdays,
  };
}
