import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { forbidden } from '../auth/permissions.js';
import { poolOf } from '../database/dataSource.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { ResolutionRateGroup, ResolutionRateQuery } from './dto/resolution-rate.query.js';
import { ReportsQueries } from './reports.queries.js';

export interface RateRow {
  key: string;
  label: string;
  level?: string;
  accepted: number;
  resolved: number;
  /** resolved ÷ accepted; null when nothing was accepted. */
  rate: number | null;
}

const rateOf = (accepted: number, resolved: number) =>
  accepted ? Math.round((resolved / accepted) * 10_000) / 10_000 : null;

/**
 * The resolution rate (化解率): of the cases accepted in a year and handled in an organisation's
 * subtree, the share whose status is `resolved` (the flows' status for an agreement that took
 * effect, was performed or was confirmed). One aggregate read from the `cases_accepted` index (see
 * the ReportsAndListIndexes migration, ReportsQueries); the tree is rolled up here, from the cached
 * organisations.
 */
@Injectable()
export class ReportsService {
  private readonly queries: ReportsQueries;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {
    this.queries = new ReportsQueries(poolOf(dataSource));
  }

  async resolutionRate(user: AuthenticatedUser, query: ResolutionRateQuery) {
    const own = await this.organizations.get(user.organizationId);
    const root = query.organizationId ? await this.organizations.get(query.organizationId) : own;
    if (!root.path.startsWith(own.path))
      throw forbidden('reports cover your organisation and those below it', { field: 'organizationId' });
    const groupBy: ResolutionRateGroup = query.groupBy ?? 'organization';
    const byCategory = groupBy === 'category';
    const rows = await this.queries.resolutionCounts({
      from: `${query.year}-01-01`,
      until: `${query.year + 1}-01-01`,
      byCategory,
      subtreePath: root.parentId === null ? null : root.path,
    });
    const groups = new Map<string, { label: string; level?: string; accepted: number; resolved: number }>();
    const add = (key: string, label: string, level: string | undefined, accepted: number, resolved: number) => {
      const group = groups.get(key) ?? { label, ...(level ? { level } : {}), accepted: 0, resolved: 0 };
      group.accepted += accepted;
      group.resolved += resolved;
      groups.set(key, group);
    };
    if (groupBy === 'organization') {
      // The organisation itself and each child with its subtree, children with no cases included.
      add(root.id, root.name, root.level, 0, 0);
      for (const child of await this.organizations.children(root.id)) add(child.id, child.name, child.level, 0, 0);
    }
    for (const row of rows) {
      if (byCategory) {
        add(row.key, row.key, undefined, row.accepted, row.resolved);
        continue;
      }
      const handling = await this.organizations.find(row.key);
      if (!handling) continue;
      if (groupBy === 'level') {
        add(handling.level, handling.level, undefined, row.accepted, row.resolved);
      } else {
        const childId = handling.path.slice(root.path.length).split('/')[0] || root.id;
        const child = await this.organizations.find(childId);
        add(childId, child?.name ?? childId, child?.level, row.accepted, row.resolved);
      }
    }
    const result: RateRow[] = [...groups].map(([key, g]) => ({ key, ...g, rate: rateOf(g.accepted, g.resolved) }));
    const accepted = result.reduce((a, r) => a + r.accepted, 0);
    const resolved = result.reduce((a, r) => a + r.resolved, 0);
    return {
      year: query.year,
      organizationId: root.id,
      groupBy,
      total: { accepted, resolved, rate: rateOf(accepted, resolved) },
      rows: result,
    };
  }
}
