import type { Queryable } from '../database/dataSource.js';
import { escapeLike } from '../common/escapeLike.js';

const SUBTREE_FILTER = 'AND organization_id IN (SELECT id FROM organizations WHERE path LIKE $3)';

/** One organisation of a report's subtree, as the rows are labelled and filtered. */
export interface ReportOrganization {
  id: string;
  parentId: string | null;
  name: string;
  level: string;
  path: string;
}

/** Accepted and resolved cases of one group (an organisation or a category). */
export interface ResolutionCount {
  key: string;
  accepted: number;
  resolved: number;
}

/**
 * The reports' read model (docs/architecture.md "Where SQL lives"): the resolution rate's counts,
 * a report's subtree, and the statistics statements `StatisticsSql` composes.
 */
export class ReportsQueries {
  constructor(private readonly db: Queryable) {}

  /**
   * Cases accepted in [from, until) by handling organisation or by category. The whole tree
   * (`subtreePath` null) needs no organisation filter; a subtree is its organisations' ids, which
   * keeps the scan on the `cases_accepted` index (a path filter would need the table).
   */
  async resolutionCounts(q: {
    from: string;
    until: string;
    byCategory: boolean;
    subtreePath: string | null;
  }): Promise<ResolutionCount[]> {
    const { rows } = await this.db.query<ResolutionCount>({
      text: `SELECT ${q.byCategory ? 'category' : 'organization_id'} AS key, count(*)::int AS accepted,
               count(*) FILTER (WHERE status = 'resolved')::int AS resolved
             FROM cases
             WHERE accepted_on >= $1::date AND accepted_on < $2::date
               ${q.subtreePath === null ? '' : SUBTREE_FILTER}
             GROUP BY 1`,
      values: [q.from, q.until, ...(q.subtreePath === null ? [] : [`${escapeLike(q.subtreePath)}%`])],
    });
    return rows;
  }

  /** The organisation at `path` and every one below it, read fresh (a few thousand rows). */
  async subtree(path: string): Promise<ReportOrganization[]> {
    const { rows } = await this.db.query<ReportOrganization>({
      text: `SELECT id, parent_id AS "parentId", name, level, path FROM organizations WHERE path LIKE $1`,
      values: [`${escapeLike(path)}%`],
    });
    return rows;
  }

  /** A statement composed by `StatisticsSql` (its text and values). */
  async statistics(text: string, values: unknown[]): Promise<({ key: string | null } & Record<string, unknown>)[]> {
    return (await this.db.query({ text, values })).rows as ({ key: string | null } & Record<string, unknown>)[];
  }
}
