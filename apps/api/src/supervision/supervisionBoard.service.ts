import { Injectable } from '@nestjs/common';
import { computeDueDate, workingDaysBetween } from '@jiefen/legal-time';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { scopeOf, scopeSql } from '../auth/caseScope.js';
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
    if (!root.path.startsWith(own.path)) throw forbidden('the board covers your own organisation and those below it', { field: 'organizationId' });
    const today = this.clock.today();
    const soon = computeDueDate({ from: today, length: DUE_SOON_WORKING_DAYS, unit: 'workingDay' }).dueOn;
    const limit = query.limit ?? 50;
    const where = (values: unknown[]) => {
      const clauses = ['NOT c.final', scopeSql(scopeOf(own), values, 'c')];
      if (root.id !== own.id) clauses.push(`c.organization_path LIKE $${values.push(`${escapeLike(root.path)}%`)}`);
      return clauses.join(' AND ');
    };

    const countValues: unknown[] = [today, soon];
    const { rows: countRows } = await this.pool.query(
      `WITH open AS (SELECT c.organization_id, c.overdue, ${NEXT_DUE} AS next_due FROM cases c WHERE ${where(countValues)})
       SELECT organization_id,
              count(*)::int AS open,
              count(*) FILTER (WHERE overdue OR next_due < $1)::int AS breached,
              count(*) FILTER (WHERE NOT overdue AND next_due >= $1 AND next_due <= $2)::int AS due_soon
       FROM open GROUP BY organization_id`,
      countValues,
    );
    const byOrganization = await Promise.all(
      countRows.map(async (r) => {
        const o = await this.organizations.find(r.organization_id);
        return { organizationId: r.organization_id as string, name: o?.name ?? '', kind: o?.kind ?? '', level: o?.level ?? '', ...counts(r) };
      }),
    );
    byOrganization.sort((a, b) => ORGANIZATION_LEVELS.indexOf(a.level as never) - ORGANIZATION_LEVELS.indexOf(b.level as never) || a.name.localeCompare(b.name));
    const byLevel = ORGANIZATION_LEVELS.map((level) => ({ level, ...sum(byOrganization.filter((o) => o.level === level)) })).filter((l) => l.open > 0);

    const list = async (condition: string, order: string, extra = '', join: (values: unknown[]) => string = () => '') => {
      const values: unknown[] = [];
      const joined = join(values);
      const { rows } = await this.pool.query(
        `SELECT c.id, c.case_number, c.flow_id, c.state, c.status, c.organization_id, c.risk_level, c.summary, c.version, c.overdue,
                c.snapshot->'context'->'records'->>'mediatorId' AS mediator_id, ${CHINA_DAY} AS last_event_on, ${NEXT_DUE} AS next_due,
                count(*) OVER ()::int AS total ${extra}
         FROM cases c ${joined} WHERE ${where(values)} AND ${condition} ORDER BY ${order} LIMIT $${values.push(limit)}`,
        values,
      );
      return { total: rows[0]?.total ?? 0, items: await Promise.all(rows.map((r) => this.item(r, today))) };
    };

    const redRisk = await list(`c.risk_level = 'red'`, 'c.opened_at, c.id');
    const supervised = await list(
      `jsonb_typeof(c.snapshot->'context'->'supervision') = 'object'`,
      `(c.snapshot->'context'->'supervision'->>'dueOn'), c.id`,
      `, c.snapshot->'context'->'supervision' AS supervision`,
    );
    const escalated = await list(
      `EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'case.escalated')`,
      'next_due NULLS LAST, c.id',
      `, (SELECT max(e.today) FROM case_events e WHERE e.case_id = c.id AND e.type = 'case.escalated') AS escalated_on,
         (SELECT d.due_on FROM deadlines d WHERE d.case_id = c.id AND d.kind = 'resolutionTarget') AS target_due`,
    );
    const cutoffs = await this.stuckCutoffs(root, today);
    const stuck = await list(
      `${CHINA_DAY} <= t.cutoff`,
      'c.updated_at, c.id',
      ', t.threshold',
      (values) => `JOIN jsonb_to_recordset($${values.push(JSON.stringify(cutoffs))}::jsonb) AS t(id uuid, cutoff date, threshold jsonb) ON t.id = c.organization_id`,
    );

    return {
      organizationId: root.id,
      today,
      dueSoonBy: soon,
      totals: { ...sum(byOrganization), redRisk: redRisk.total, supervised: supervised.total, escalated: escalated.total, stuck: stuck.total },
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
        return { id: o.id, cutoff: stuckSince(today, threshold), threshold: { length: threshold.length, unit: threshold.unit } };
      }),
    );
  }

  private async item(r: Record<string, any>, today: string) {
    const o = await this.organizations.find(r.organization_id);
    const nextDueOn: string | null = r.next_due;
    const status = r.overdue || (nextDueOn !== null && nextDueOn < today) ? 'breached' : nextDueOn !== null && workingDaysBetween(today, nextDueOn) <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'onTrack';
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
      ...(r.supervision ? { supervision: { instructions: r.supervision.instructions, dueOn: r.supervision.dueOn, supervisedOn: r.supervision.supervisedOn } } : {}),
      ...(r.escalated_on !== undefined ? { escalatedOn: r.escalated_on, resolutionTargetDueOn: r.target_due ?? null } : {}),
      ...(r.threshold ? { stuckThreshold: r.threshold } : {}),
    };
  }
}

function counts(r: { open: number; breached: number; due_soon: number }): Counts {
  return { open: r.open, breached: r.breached, dueSoon: r.due_soon, onTrack: r.open - r.breached - r.due_soon };
}

function sum(rows: readonly Counts[]): Counts {
  return rows.reduce((a, r) => ({ open: a.open + r.open, breached: a.breached + r.breached, dueSoon: a.dueSoon + r.dueSoon, onTrack: a.onTrack + r.onTrack }), { open: 0, breached: 0, dueSoon: 0, onTrack: 0 });
}
