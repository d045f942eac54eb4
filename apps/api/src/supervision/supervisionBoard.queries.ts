import type { Queryable } from '../database/dataSource.js';

/** The nearest running deadline a centre can breach: limits and targets, not a party's window. */
const NEXT_DUE = `(SELECT min(d.due_on) FROM deadlines d
  WHERE d.case_id = c.id AND d.status = 'running' AND d.sort <> 'window')`;
const CHINA_DAY = `(c.updated_at AT TIME ZONE 'Asia/Shanghai')::date`;

/** An organisation's open cases by deadline status (on track = open − breached − due soon). */
export interface BoardCountRow {
  organizationId: string;
  open: number;
  breached: number;
  dueSoon: number;
}

/** One case of a board list, with what the list reads for the page only. */
export interface BoardCaseRow {
  id: string;
  caseNumber: string;
  flowId: string;
  state: string;
  status: string;
  organizationId: string;
  riskLevel: string;
  summary: string;
  version: number;
  overdue: boolean;
  mediatorId: string | null;
  lastEventOn: string;
  nextDueOn: string | null;
  /** Supervised list only: the open supervision order on the snapshot. */
  supervision?: { instructions: unknown; dueOn: unknown; supervisedOn: unknown } | null;
  /** Escalated list only. */
  escalation?: { escalatedOn: string | null; resolutionTargetDueOn: string | null };
}

/** A list: how many open cases of the subtree meet it, and one page of them in detail. */
export interface BoardList {
  total: number;
  rows: BoardCaseRow[];
}

/** The day on or before which a case's last event makes it stuck, per organisation. */
export interface StuckCutoff {
  id: string;
  cutoff: string;
}

interface ListSpec {
  condition: string;
  order: string;
  from?: (values: unknown[]) => string;
  extra?: string;
}

/**
 * The supervisor's board (督办台, docs/supervision.md) as a read model over the open cases handled
 * in a subtree (`subtree`: a `LIKE` pattern of organisation paths, escaped), their deadline rows
 * and events. Counted in SQL, so a city's board reads each case once; a list's detail (snapshot
 * fields, next deadline) is read for its page only, never for every case counted.
 */
export class SupervisionBoardQueries {
  constructor(private readonly db: Queryable) {}

  /** Per handling organisation: open cases, breached (overdue or due before `today`), due by `soon`. */
  async counts(subtree: string, today: string, soon: string): Promise<BoardCountRow[]> {
    const values: unknown[] = [today, soon];
    const { rows } = await this.db.query(
      `WITH next AS (
         SELECT d.case_id, min(d.due_on) AS next_due FROM deadlines d
         WHERE d.status = 'running' AND d.sort <> 'window' AND d.organization_path LIKE $${values.push(subtree)}
         GROUP BY d.case_id)
       SELECT c.organization_id,
              count(*)::int AS open,
              count(*) FILTER (WHERE c.overdue OR n.next_due < $1)::int AS breached,
              count(*) FILTER (WHERE NOT c.overdue AND n.next_due >= $1 AND n.next_due <= $2)::int AS due_soon
       FROM cases c LEFT JOIN next n ON n.case_id = c.id
       WHERE ${open(subtree, values)} GROUP BY c.organization_id`,
      values,
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      open: r.open,
      breached: r.breached,
      dueSoon: r.due_soon,
    }));
  }

  /** Red-risk cases, longest open first. */
  redRisk(subtree: string, limit: number): Promise<BoardList> {
    return this.list(subtree, limit, { condition: `c.risk_level = 'red'`, order: 'c.opened_at' });
  }

  /** Cases under an open supervision order, the order due soonest first. */
  supervised(subtree: string, limit: number): Promise<BoardList> {
    // An open supervision order is a running `supervision` deadline (flowSetup's openSupervision):
    // found without reading snapshots.
    return this.list(subtree, limit, {
      condition: `EXISTS (SELECT 1 FROM deadlines s
                          WHERE s.case_id = c.id AND s.kind = 'supervision' AND s.status = 'running')`,
      order: `(SELECT s.due_on FROM deadlines s WHERE s.case_id = c.id AND s.kind = 'supervision')`,
      extra: `, c.snapshot->'context'->'supervision' AS supervision`,
    });
  }

  /** Cases escalated past a centre's target, their resolution target due soonest first. */
  escalated(subtree: string, limit: number): Promise<BoardList> {
    return this.list(subtree, limit, {
      condition: `EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'case.escalated')`,
      order: `(SELECT d.due_on FROM deadlines d WHERE d.case_id = c.id AND d.kind = 'resolutionTarget')`,
      extra: `, (SELECT max(e.today) FROM case_events e
                 WHERE e.case_id = c.id AND e.type = 'case.escalated') AS escalated_on,
                (SELECT d.due_on FROM deadlines d
                 WHERE d.case_id = c.id AND d.kind = 'resolutionTarget') AS target_due`,
    });
  }

  /** Cases whose last event (China day) is on or before their organisation's cutoff, idle longest first. */
  stuck(subtree: string, limit: number, cutoffs: readonly StuckCutoff[]): Promise<BoardList> {
    return this.list(subtree, limit, {
      condition: `${CHINA_DAY} <= t.cutoff`,
      order: 'c.updated_at',
      from: (values) =>
        `cases c JOIN jsonb_to_recordset($${values.push(JSON.stringify(cutoffs))}::jsonb) AS t(id uuid, cutoff date) ` +
        `ON t.id = c.organization_id`,
    });
  }

  /**
   * The open cases of the subtree that meet `condition` (over `from`: cases c and what it joins),
   * counted in full; one page of them, in `order`, read in detail.
   */
  private async list(subtree: string, limit: number, o: ListSpec): Promise<BoardList> {
    const values: unknown[] = [];
    const from = o.from ? o.from(values) : 'cases c';
    const filter = `${open(subtree, values)} AND ${o.condition}`;
    const countValues = [...values];
    const pageLimit = values.push(limit);
    const [{ rows: total }, { rows }] = await Promise.all([
      this.db.query(`SELECT count(*)::int AS n FROM ${from} WHERE ${filter}`, countValues),
      this.db.query(
        `SELECT c.id, c.case_number, c.flow_id, c.state, c.status, c.organization_id, c.risk_level, c.summary,
                c.version, c.overdue, c.snapshot->'context'->'records'->>'mediatorId' AS mediator_id,
                ${CHINA_DAY} AS last_event_on, ${NEXT_DUE} AS next_due ${o.extra ?? ''}
         FROM (SELECT c.id AS page_id, row_number() OVER (ORDER BY ${o.order}, c.id) AS page_order
               FROM ${from} WHERE ${filter}
               ORDER BY ${o.order}, c.id LIMIT $${pageLimit}) page
         JOIN cases c ON c.id = page.page_id
         ORDER BY page.page_order`,
        values,
      ),
    ]);
    return { total: total[0].n as number, rows: rows.map(caseRowOf) };
  }
}

/**
 * Open (non-final) cases handled in the subtree: the path prefix alone (a court's view of the
 * cases before it is not a board's).
 */
function open(subtree: string, values: unknown[]): string {
  return `NOT c.final AND c.organization_path LIKE $${values.push(subtree)}`;
}

function caseRowOf(r: Record<string, any>): BoardCaseRow {
  return {
    id: r.id,
    caseNumber: r.case_number,
    flowId: r.flow_id,
    state: r.state,
    status: r.status,
    organizationId: r.organization_id,
    riskLevel: r.risk_level,
    summary: r.summary,
    version: r.version,
    overdue: r.overdue,
    mediatorId: r.mediator_id ?? null,
    lastEventOn: r.last_event_on,
    nextDueOn: r.next_due,
    ...(r.supervision !== undefined ? { supervision: r.supervision } : {}),
    ...(r.escalated_on !== undefined
      ? { escalation: { escalatedOn: r.escalated_on, resolutionTargetDueOn: r.target_due ?? null } }
      : {}),
  };
}
