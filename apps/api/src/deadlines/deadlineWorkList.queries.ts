import type { CaseScope } from '../auth/caseScope.js';
import { escapeLike } from '../common/escapeLike.js';
import type { Queryable } from '../database/dataSource.js';

/** What `GET /deadlines` asks for: the service has resolved the caller's scope and the organisation filter. */
export interface DeadlineWorkListFilter {
  status: string;
  scope: CaseScope;
  dueBefore?: string;
  kind?: string;
  /** The path of the organisation whose subtree is asked for. */
  organizationPath?: string;
  limit: number;
}

/** One deadline row of the work list with the case columns it shows. */
export interface DeadlineWorkListRow {
  caseId: string;
  caseNumber: string;
  flowId: string;
  state: string;
  summary: string;
  kind: string;
  sort: string;
  status: string;
  basis: string;
  dueOn: string | null;
  remindOn: string | null;
  provisional: boolean;
  provisionalReason: string | null;
  organizationId: string;
}

/**
 * The case scope (caseScope.ts) over deadline rows: a deadline row carries its case's handling
 * organisation path (kept in step by the runner when a case moves), so the scan of
 * `deadlines_running_order` is filtered without visiting the case; only a row outside the path
 * is checked against the case's court. The page then stops at its limit instead of joining and
 * sorting every deadline due (15 ms city-wide at a million cases, docs/benchmarks.md item 4).
 */
function deadlineScopeSql(scope: CaseScope, values: unknown[]): string {
  const path = values.push(`${escapeLike(scope.organizationPath)}%`);
  const court = values.push(scope.organizationId);
  return (
    `(d.organization_path LIKE $${path} OR ` +
    `EXISTS (SELECT 1 FROM cases s WHERE s.id = d.case_id AND s.court_id = $${court}::uuid))`
  );
}

/** The deadline work list, a read model over `deadlines` joined with their cases: soonest first. */
export class DeadlineWorkListQueries {
  constructor(private readonly db: Queryable) {}

  async list(filter: DeadlineWorkListFilter): Promise<DeadlineWorkListRow[]> {
    const values: unknown[] = [filter.status];
    const where = ['d.status = $1', deadlineScopeSql(filter.scope, values)];
    if (filter.dueBefore) where.push(`d.due_on <= $${values.push(filter.dueBefore)}`);
    if (filter.kind) where.push(`d.kind = $${values.push(filter.kind)}`);
    if (filter.organizationPath)
      where.push(`d.organization_path LIKE $${values.push(`${escapeLike(filter.organizationPath)}%`)}`);
    const { rows } = await this.db.query(
      `SELECT d.case_id, d.kind, d.sort, d.status, d.basis, d.due_on, d.remind_on, d.provisional,
              d.provisional_reason, d.organization_id, c.case_number, c.flow_id, c.state, c.summary
       FROM deadlines d JOIN cases c ON c.id = d.case_id
       WHERE ${where.join(' AND ')}
       ORDER BY d.due_on NULLS LAST, d.case_id, d.kind
       LIMIT $${values.push(filter.limit)}`,
      values,
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      caseNumber: r.case_number,
      flowId: r.flow_id,
      state: r.state,
      summary: r.summary,
      kind: r.kind,
      sort: r.sort,
      status: r.status,
      basis: r.basis,
      dueOn: r.due_on,
      remindOn: r.remind_on,
      provisional: r.provisional,
      provisionalReason: r.provisional_reason,
      organizationId: r.organization_id,
    }));
  }
}
