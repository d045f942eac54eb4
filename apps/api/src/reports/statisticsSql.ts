import type { StatisticsGroup } from './dto/statistics.query.js';

/**
 * One statistics query being built: its parameters, and the conditions every figure shares (the
 * organisation subtree and level, the category, the flows the report covers). `key(day)` is the
 * group each row falls in: the case's handling organisation (rolled up to the tree afterwards),
 * its category or flow, or the month of the figure's own day.
 */
export class StatisticsSql {
  readonly values: unknown[] = [];
  readonly from: string;
  readonly until: string;

  constructor(
    period: { from: string; until: string },
    private readonly groupBy: StatisticsGroup,
    private readonly filter: { organizationIds: string[] | null; category?: string; flows: string[] },
  ) {
    this.from = this.param(period.from, 'date');
    this.until = this.param(period.until, 'date');
  }

  param(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }

  /** `alias.column` in the period: from ≤ day < the day after `to`. */
  inPeriod(day: string): string {
    return `${day} >= ${this.from} AND ${day} < ${this.until}`;
  }

  key(day: string, alias = 'c'): string {
    switch (this.groupBy) {
      case 'category':
        return `${alias}.category`;
      case 'flow':
        return `${alias}.flow_id`;
      case 'month':
        // The day itself (cheap to group); StatisticsService folds days into months.
        return day;
      default:
        // uuid, not ::text: a cast per row costs more than the grouping (pg hands uuids over as strings).
        return `${alias}.organization_id`;
    }
  }

  /** The case conditions shared by every figure, on the case aliased `alias`. */
  cases(alias = 'c'): string {
    const parts = [`${alias}.flow_id = ANY(${this.param(this.filter.flows, 'text[]')})`];
    if (this.filter.category) parts.push(`${alias}.category = ${this.param(this.filter.category)}`);
    if (this.filter.organizationIds)
      parts.push(`${alias}.organization_id = ANY(${this.param(this.filter.organizationIds, 'uuid[]')})`);
    return parts.join(' AND ');
  }
}
