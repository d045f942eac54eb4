import { Injectable } from '@nestjs/common';
import { computeDueDate, workingDaysBetween } from '@jiefen/legal-time';
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
import { SupervisionBoardQueries, type BoardCaseRow, type BoardCountRow } from './supervisionBoard.queries.js';

/** "Due soon" on the board: the next deadline falls within this many working days (official calendar). */
export const DUE_SOON_WORKING_DAYS = 3;

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
  private readonly queries: SupervisionBoardQueries;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {
    this.queries = new SupervisionBoardQueries(poolOf(dataSource));
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

    const countRows = await this.queries.counts(subtree, today, soon);
    const byOrganization = await Promise.all(
      countRows.map(async (r) => {
        const o = await this.organizations.find(r.organizationId);
        return {
          organizationId: r.organizationId,
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

    const items = async (list: Promise<{ total: number; rows: BoardCaseRow[] }>) => {
      const { total, rows } = await list;
      return { total, items: await Promise.all(rows.map((r) => this.item(r, today))) };
    };
    const redRisk = await items(this.queries.redRisk(subtree, limit));
    const supervised = await items(this.queries.supervised(subtree, limit));
    const escalated = await items(this.queries.escalated(subtree, limit));
    const cutoffs = await this.stuckCutoffs(root, today);
    const thresholds = new Map(cutoffs.map((c) => [c.id, c.threshold]));
    const stuck = await items(this.queries.stuck(subtree, limit, cutoffs));
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

  /**
   * The day on or before which a case's last event makes it stuck, per organisation of the subtree
   * (its own threshold, inherited or the default).
   */
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

  private async item(r: BoardCaseRow, today: string) {
    const o = await this.organizations.find(r.organizationId);
    const nextDueOn = r.nextDueOn;
    const status =
      r.overdue || (nextDueOn !== null && nextDueOn < today)
        ? 'breached'
        : nextDueOn !== null && workingDaysBetween(today, nextDueOn) <= DUE_SOON_WORKING_DAYS
          ? 'dueSoon'
          : 'onTrack';
    return {
      caseId: r.id,
      caseNumber: r.caseNumber,
      flowId: r.flowId,
      state: r.state,
      status: r.status,
      organizationId: r.organizationId,
      organizationName: o?.name ?? '',
      level: o?.level ?? '',
      riskLevel: r.riskLevel,
      summary: r.summary,
      version: r.version,
      mediatorId: r.mediatorId,
      overdue: r.overdue,
      nextDueOn,
      deadlineStatus: status,
      lastEventOn: r.lastEventOn,
      workingDaysIdle: workingDaysBetween(r.lastEventOn, today),
      ...(r.supervision
        ? {
            supervision: {
              instructions: r.supervision.instructions,
              dueOn: r.supervision.dueOn,
              supervisedOn: r.supervision.supervisedOn,
            },
          }
        : {}),
      ...(r.escalation ?? {}),
    };
  }
}

function counts(r: BoardCountRow): Counts {
  return { open: r.open, breached: r.breached, dueSoon: r.dueSoon, onTrack: r.open - r.breached - r.dueSoon };
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
