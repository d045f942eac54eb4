import { Injectable } from '@nestjs/common';
import { computeDueDate, workingDaysBetween } from '@jiefen/legal-time';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { forbidden } from '../auth/permissions.js';
import { hostPolicyOf, stuckSince } from '../centres/hostPolicy.js';
import { Clock } from '../common/clock.js';
import { escapeLike } from '../common/escapeLike.js';
import { poolOf } from '../database/dataSource.js';
import { ORGANIZATION_LEVELS, type Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { SupervisionBoardQuery } from './dto/supervision-board.query.js';

/** "Due soon" on the board: the next deadline falls within this many working days (official calendar). */
export const DUE_SOON_WORKING_DAYS = 3;

/** The nearest running deadline a centre can breach: limits and targets, not a party's window. */
const NEXT_DUE = `(SELECT min(d.due_on) FROM deadlines d WHERE d.case_id = c.id AND d.status = 'running' AND d.sort <> 'window')`;
const CHINA_DAY = `(c.updated_at AT TIME ZONE 'Asia/Shanghai')::date`;

interface Counts {
  open: number;
  breached: number;
  dueSoon: number;
  onTrack: number;
}

/**
 * The supervisor's board (督办台) over their subtree, docs/supervision.md: open (non-final) cases
 * breached / due within 3 working days / on track, by organisation and by level; the red-risk,
 * escalated, supervised and stuck cases, each with the version an action from the list sends as
 * `If-Match`. Counted in SQL, so a city's board reads each case once.
 */
@Injectable()
export class SupervisionBoardService {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
  }

  async board(user: AuthenticatedUser, query: SupervisionBoardQuery) {
    const own = await this.organizations.get(user.organizationId);
    const root = query.organizationId ? await this.organizations.get(query.organizationId) : own;
    if (!root.path.startsWith(own.path))
      throw forbidden('the board covers your own organisation and those below it', { field: 'organizationId' });
    const today = this.clock.today();
    const soon = computeDueDate({ from: today, length: DUE_SOON_WORKING_DAYS, unit: 'workingDay' }).dueOn;
    const limit = query.limit ?? 50;
    const subtree = `${escapeLike(root.path)}%`;
    // Cases handled in the subtree: the path prefix alone (a court's view of the cases before it is not a board's).
    const open = (values: unknown[]) => `NOT c.final AND c.organization_path LIKE $${values.push(subtree)}`;

    const countValues: unknown[] = [today, soon];
    const { rows: countRows } = await this.pool.query(
      `WITH next AS (
         SELECT d.case_id, min(d.due_on) AS next_due FROM deadlines d
         WHERE d.status = 'running' AND d.sort <> 'window' AND d.organization_path LIKE $${countValues.push(subtree)} GROUP BY d.case_id)
       SELECT c.organization_id,
              count(*)::int AS open,
              count(*) FILTER (WHERE c.overdue OR n.next_due < $1)::int AS breached,
              count(*) FILTER (WHERE NOT c.overdue AND n.next_due >= $1 AND n.next_due <= $2)::int AS due_soon
       FROM cases c LEFT JOIN next n ON n.case_id = c.id
       WHERE ${open(countValues)} GROUP BY c.organization_id`,
      countValues,
    );
    const byOrganization = await Promise.all(
      countRows.map(async (r) => {
        const o = await this.organizations.find(r.organization_id);
        return {
          organizationId: r.organization_id as string,
          name: o?.name ?? '',
          kind: o?.kind ?? '',
          level: o?.level ?? '',
          ...counts(r),
        };
      }),
    );
    byOrganization.sort(
      (a, b) =>
        ORGANIZATION_LEVELS.indexOf(a.level as never) - ORGANIZATION_LEVELS.indexOf(b.level as never) ||
        a.name.localeCompare(b.name),
    );
    const byLevel = ORGANIZATION_LEVELS.map((level) => ({
      level,
      ...sum(byOrganization.filter((o) => o.level === level)),
    })).filter((l) => l.open > 0);

    /**
     * One list: the open cases of the subtree that meet `condition` (over `from`: cases c and what
     * it joins), counted in full; one page of them, in `order`, read in detail. The detail (snapshot
     * fields, next deadline, `extra`) is read for the page only, never for every case counted.
     */
    const list = async (o: {
      condition: string;
      order: string;
      from?: (values: unknown[]) => string;
      extra?: string;
    }) => {
      const values: unknown[] = [];
      const from = o.from ? o.from(values) : 'cases c';
      const filter = `${open(values)} AND ${o.condition}`;
      const countValues = [...values];
      const pageLimit = values.push(limit);
      const [{ rows: total }, { rows }] = await Promise.all([
        this.pool.query(`SELECT count(*)::int AS n FROM ${from} WHERE ${filter}`, countValues),
        this.pool.query(
          `SELECT c.id, c.case_number, c.flow_id, c.state, c.status, c.organization_id, c.risk_level, c.summary, c.version, c.overdue,
                  c.snapshot->'context'->'records'->>'mediatorId' AS mediator_id, ${CHINA_DAY} AS last_event_on, ${NEXT_DUE} AS next_due ${o.extra ?? ''}
           FROM (SELECT c.id AS page_id, row_number() OVER (ORDER BY ${o.order}, c.id) AS page_order FROM ${from} WHERE ${filter}
                 ORDER BY ${o.order}, c.id LIMIT $${pageLimit}) page
           JOIN cases c ON c.id = page.page_id
           ORDER BY page.page_order`,
          values,
        ),
      ]);
      return { total: total[0].n as number, items: await Promise.all(rows.map((r) => this.item(r, today))) };
    };

    const redRisk = await list({ condition: `c.risk_level = 'red'`, order: 'c.opened_at' });
    // An open supervision order is a running `supervision` deadline (flowSetup's openSupervision): found without reading snapshots.
    const supervised = await list({
      condition: `EXISTS (SELECT 1 FROM deadlines s WHERE s.case_id = c.id AND s.kind = 'supervision' AND s.status = 'running')`,
      order: `(SELECT s.due_on FROM deadlines s WHERE s.case_id = c.id AND s.kind = 'supervision')`,
      extra: `, c.snapshot->'context'->'supervision' AS supervision`,
    });
    const escalated = await list({
      condition: `EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'case.escalated')`,
      order: `(SELECT d.due_on FROM deadlines d WHERE d.case_id = c.id AND d.kind = 'resolutionTarget')`,
      extra: `, (SELECT max(e.today) FROM case_events e WHERE e.case_id = c.id AND e.type = 'case.escalated') AS escalated_on,
                (SELECT d.due_on FROM deadlines d WHERE d.case_id = c.id AND d.kind = 'resolutionTarget') AS target_due`,
    });
    const cutoffs = await this.stuckCutoffs(root, today);
    const thresholds = new Map(cutoffs.map((c) => [c.id, c.threshold]));
    const stuck = await list({
      condition: `${CHINA_DAY} <= t.cutoff`,
      order: 'c.updated_at',
      from: (values) =>
        `cases c JOIN jsonb_to_recordset($${values.push(JSON.stringify(cutoffs))}::jsonb) AS t(id uuid, cutoff date) ON t.id = c.organization_id`,
    });
    for (const item of stuck.items) Object.assign(item, { stuckThreshold: thresholds.get(item.organizationId) });

    return {
      organizationId: root.id,
      today,
      dueSoonBy: soon,
      totals: {
        ...sum(byOrganization),
        redRisk: redRisk.total,
        supervised: supervised.total,
        escalated: escalated.total,
        stuck: stuck.total,
      },
      byOrganization,
      byLevel,
      redRisk: redRisk.items,
      supervised: supervised.items,
      escalated: escalated.items,
      stuck: stuck.items,
    };
  }

  /** The day on or before which a case's last event makes it stuck, per organisation of the subtree (its own threshold, inherited or the default). */
  private async stuckCutoffs(root: Organization, today: string) {
    const all = await this.organizations.descendantsOf(root);
    return Promise.all(
      [root, ...all].map(async (o) => {
        const threshold = hostPolicyOf('stuckThreshold', o, await this.organizations.ancestorsOf(o));
        return {
          id: o.id,
          cutoff: stuckSince(today, threshold),
          threshold: { length: threshold.length, unit: threshold.unit },
        };
      }),
    );
  }

  private async item(r: Record<string, any>, today: string) {
    const o = await this.organizations.find(r.organization_id);
    const nextDueOn: string | null = r.next_due;
    const status =
      r.overdue || (nextDueOn !== null && nextDueOn < today)
        ? 'breached'
        : nextDueOn !== null && workingDaysBetween(today, nextDueOn) <= DUE_SOON_WORKING_DAYS
          ? 'dueSoon'
          : 'onTrack';
    return {
      caseId: r.id as string,
      caseNumber: r.case_number as string,
      flowId: r.flow_id as string,
      state: r.state as string,
      status: r.status as string,
      organizationId: r.organization_id as string,
      organizationName: o?.name ?? '',
      level: o?.level ?? '',
      riskLevel: r.risk_level as string,
      summary: r.summary as string,
      version: r.version as number,
      mediatorId: (r.mediator_id as string | null) ?? null,
      overdue: r.overdue as boolean,
      nextDueOn,
      deadlineStatus: status,
      lastEventOn: r.last_event_on as string,
      workingDaysIdle: workingDaysBetween(r.last_event_on, today),
      ...(r.supervision
        ? {
            supervision: {
              instructions: r.supervision.instructions,
              dueOn: r.supervision.dueOn,
              supervisedOn: r.supervision.supervisedOn,
            },
          }
        : {}),
      ...(r.escalated_on !== undefined
        ? { escalatedOn: r.escalated_on, resolutionTargetDueOn: r.target_due ?? null }
        : {}),
    };
  }
}

function counts(r: { open: number; breached: number; due_soon: number }): Counts {
  return { open: r.open, breached: r.breached, dueSoon: r.due_soon, onTrack: r.open - r.breached - r.due_soon };
}

function sum(rows: readonly Counts[]): Counts {
  return rows.reduce(
    (a, r) => ({
      open: a.open + r.open,
      breached: a.breached + r.breached,
      dueSoon: a.dueSoon + r.dueSoon,
      onTrack: a.onTrack + r.onTrack,
    }),
    { open: 0, breached: 0, dueSoon: 0, onTrack: 0 },
  );
}
