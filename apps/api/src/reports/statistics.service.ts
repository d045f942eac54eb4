import { Injectable } from '@nestjs/common';
import { CATEGORIES, listFlows } from '@jiefen/flows';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { forbidden } from '../auth/permissions.js';
import { validationFailed } from '../common/errors/DomainError.js';
import { poolOf } from '../database/dataSource.js';
import { ReportsQueries, type ReportOrganization } from './reports.queries.js';
import { chineseNamesOf } from '../openapi/chineseNames.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { ORGANIZATION_LEVELS, type StatisticsGroup, type StatisticsQuery } from './dto/statistics.query.js';
import { CENTRE_REPORT } from './centreStatistics.js';
import { COURT_REPORT } from './courtStatistics.js';
import { MEDIATION_REPORT } from './mediationStatistics.js';
import { PETITION_REPORT } from './petitionStatistics.js';
import type { ReportDefinition, Sums } from './reportDefinition.js';
import { dayAfter, reportPeriod } from './reportPeriod.js';
import type { Report, ReportKind, ReportRow } from './statisticsReport.js';
import { StatisticsSql } from './statisticsSql.js';

export const REPORTS: Record<ReportKind, ReportDefinition<object>> = {
  mediation: MEDIATION_REPORT,
  centre: CENTRE_REPORT,
  petitions: PETITION_REPORT,
  courts: COURT_REPORT,
};

export const LEVEL_ZH: Record<string, string> = {
  city: '市级',
  district: '区（县）级',
  street: '街道（乡镇）级',
  community: '社区（村）级',
};
const CATEGORY_NAMES = Object.fromEntries(CATEGORIES.map((c, i) => [c, chineseNamesOf(CATEGORIES)![i]!]));

type Org = ReportOrganization;

/**
 * The statistics reports (issue 16, docs/reports.md): one definition per family (which flows,
 * which SQL, how the sums become figures), run here for a period, a subtree and the filters, each
 * figure's query on its own, in parallel. Rows come back per handling organisation, category,
 * flow or month; organisations are rolled up here to the root and each organisation directly
 * below it, with its subtree, as the resolution-rate report does.
 */
@Injectable()
export class StatisticsService {
  private readonly queries: ReportsQueries;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {
    this.queries = new ReportsQueries(poolOf(dataSource));
  }

  async report(kind: ReportKind, user: AuthenticatedUser, query: StatisticsQuery): Promise<Report<object>> {
    const definition = REPORTS[kind];
    const period = reportPeriod(query);
    if (query.flow && !definition.flows.includes(query.flow)) {
      throw validationFailed([
        { field: 'flow', message: `is not a flow this report covers (${definition.flows.join(', ')})` },
      ]);
    }
    const own = await this.organizations.get(user.organizationId);
    const root = query.organizationId ? await this.organizations.get(query.organizationId) : own;
    if (!root.path.startsWith(own.path))
      throw forbidden('reports cover your organisation and those below it', { field: 'organizationId' });
    const groupBy: StatisticsGroup = query.groupBy ?? definition.defaultGroup;

    // The subtree, read fresh (a few thousand rows): the filter, and the rows' labels.
    const subtree = await this.queries.subtree(root.path);
    const byId = new Map(subtree.map((o) => [o.id, o]));
    const selected = query.level ? subtree.filter((o) => o.level === query.level) : subtree;
    // The whole tree with no level needs no organisation filter (the scans stay on their indexes).
    const organizationIds = root.parentId === null && !query.level ? null : selected.map((o) => o.id);
    const flows = query.flow ? [query.flow] : [...definition.flows];

    const raw = await Promise.all(
      definition.queries.map(async (build) => {
        const sql = new StatisticsSql({ from: period.from, until: dayAfter(period.to) }, groupBy, {
          organizationIds,
          category: query.category,
          flows,
        });
        const text = build(sql);
        return this.queries.statistics(text, sql.values);
      }),
    );

    const groups = new Map<string, { label: string; level?: string; sums: Sums }>();
    const group = (key: string, label: string, level?: string) => {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { label, ...(level ? { level } : {}), sums: {} }));
      return g;
    };
    // Every row of the form is there, with zeros where nothing happened.
    for (const [key, label, level] of this.skeleton(groupBy, root, subtree, flows, period)) group(key, label, level);
    const total: Sums = {};
    for (const rows of raw) {
      for (const row of rows) {
        const target = this.groupOf(groupBy, row.key, root, byId, group);
        for (const [name, value] of Object.entries(row)) {
          if (name === 'key') continue;
          add(total, name, value);
          if (target) add(target.sums, name, value);
        }
      }
    }
    const rows: ReportRow<object>[] = [...groups].map(([key, g]) => ({
      key,
      label: g.label,
      ...(g.level ? { level: g.level } : {}),
      ...definition.figures(g.sums),
    }));
    return {
      report: kind,
      title: definition.title,
      organization: { id: root.id, name: root.name, level: root.level },
      period,
      filters: {
        ...(query.level ? { level: query.level } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.flow ? { flow: query.flow } : {}),
      },
      groupBy,
      generatedAt: new Date().toISOString(),
      rows,
      total: definition.figures(total),
    };
  }

  /** The rows a form always shows: the root and its children, every level below, every category, flow or month. */
  private skeleton(
    groupBy: StatisticsGroup,
    root: Org,
    subtree: Org[],
    flows: string[],
    period: { from: string; to: string },
  ): [string, string, string?][] {
    switch (groupBy) {
      case 'organization':
        return [
          [root.id, root.name, root.level],
          ...subtree
            .filter((o) => o.parentId === root.id)
            .sort((a, b) => a.path.localeCompare(b.path))
            .map((o): [string, string, string] => [o.id, o.name, o.level]),
        ];
      case 'level':
        return ORGANIZATION_LEVELS.slice(ORGANIZATION_LEVELS.indexOf(root.level as never)).map(
          (l): [string, string] => [l, LEVEL_ZH[l]!],
        );
      case 'category':
        return CATEGORIES.map((c): [string, string] => [c, CATEGORY_NAMES[c]!]);
      case 'flow': {
        const titles = new Map(listFlows().map((f) => [f.id, f.titleZh]));
        return flows.map((f): [string, string] => [f, titles.get(f) ?? f]);
      }
      case 'month': {
        const months: [string, string][] = [];
        let [y, m] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
        const last = period.to.slice(0, 7);
        for (;;) {
          const key = `${y}-${String(m).padStart(2, '0')}`;
          if (key > last) break;
          months.push([key, `${y}年${m}月`]);
          [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
        }
        return months;
      }
    }
  }

  private groupOf(
    groupBy: StatisticsGroup,
    key: string | null,
    root: Org,
    byId: Map<string, Org>,
    group: (key: string, label: string, level?: string) => { sums: Sums },
  ) {
    if (key === null) return undefined;
    if (groupBy === 'organization') {
      const handling = byId.get(key);
      if (!handling) return undefined;
      const childId = handling.path.slice(root.path.length).split('/')[0] || root.id;
      const child = byId.get(childId);
      return group(childId, child?.name ?? childId, child?.level);
    }
    if (groupBy === 'level') {
      const level = byId.get(key)?.level;
      return level ? group(level, LEVEL_ZH[level] ?? level) : undefined;
    }
    if (groupBy === 'month') return group(key.slice(0, 7), key.slice(0, 7));
    return group(key, groupBy === 'category' ? (CATEGORY_NAMES[key] ?? key) : key);
  }
}

function add(sums: Sums, name: string, value: unknown): void {
  if (Array.isArray(value)) {
    (sums[name] ??= []) as number[];
    (sums[name] as number[]).push(...value.map(Number));
  } else if (name.endsWith('Cents')) {
    sums[name] = ((sums[name] as bigint | undefined) ?? 0n) + BigInt(String(value ?? 0));
  } else {
    sums[name] = ((sums[name] as number | undefined) ?? 0) + Number(value ?? 0);
  }
}
