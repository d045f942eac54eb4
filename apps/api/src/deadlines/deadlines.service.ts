import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { poolOf } from '../database/dataSource.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { ListDeadlinesQuery } from './dto/list-deadlines.query.js';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { scopeOf, type CaseScope } from '../auth/caseScope.js';
import { escapeLike } from '../common/escapeLike.js';
import { Clock } from '../common/clock.js';
import { timeLeft } from './timeLeft.js';

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
  return `(d.organization_path LIKE $${path} OR EXISTS (SELECT 1 FROM cases s WHERE s.id = d.case_id AND s.court_id = $${court}::uuid))`;
}

@Injectable()
export class DeadlinesService {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {
    this.pool = poolOf(dataSource);
  }

  /** Deadlines soonest first, with their case: what a centre must act on. */
  async list(user: AuthenticatedUser, query: ListDeadlinesQuery) {
    const values: unknown[] = [query.status ?? 'running'];
    const where = [
      'd.status = $1',
      deadlineScopeSql(scopeOf(await this.organizations.get(user.organizationId)), values),
    ];
    if (query.dueBefore) where.push(`d.due_on <= $${values.push(query.dueBefore)}`);
    if (query.kind) where.push(`d.kind = $${values.push(query.kind)}`);
    if (query.organizationId) {
      const organization = await this.organizations.get(query.organizationId);
      where.push(`d.organization_path LIKE $${values.push(`${escapeLike(organization.path)}%`)}`);
    }
    const { rows } = await this.pool.query(
      `SELECT d.case_id, d.kind, d.sort, d.status, d.basis, d.due_on, d.remind_on, d.provisional, d.provisional_reason, d.organization_id,
              c.case_number, c.flow_id, c.state, c.summary
       FROM deadlines d JOIN cases c ON c.id = d.case_id
       WHERE ${where.join(' AND ')}
       ORDER BY d.due_on NULLS LAST, d.case_id, d.kind
       LIMIT $${values.push(query.limit ?? 100)}`,
      values,
    );
    const today = this.clock.today();
    return {
      items: rows.map((r) => ({
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
        ...timeLeft(r.due_on, today),
        remindOn: r.remind_on,
        provisional: r.provisional,
        ...(r.provisional_reason ? { provisionalReason: r.provisional_reason } : {}),
        organizationId: r.organization_id,
      })),
    };
  }
}
