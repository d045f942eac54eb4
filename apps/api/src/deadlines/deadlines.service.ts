import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { poolOf } from '../database/dataSource.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { ListDeadlinesQuery } from './dto/list-deadlines.query.js';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { scopeOf, scopeSql } from '../auth/caseScope.js';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class DeadlinesService {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {
    this.pool = poolOf(dataSource);
  }

  /** Deadlines soonest first, with their case: what a centre must act on. */
  async list(user: AuthenticatedUser, query: ListDeadlinesQuery) {
    const values: unknown[] = [query.status ?? 'running'];
    const where = ['d.status = $1', scopeSql(scopeOf(await this.organizations.get(user.organizationId)), values, 'c')];
    if (query.dueBefore) where.push(`d.due_on <= $${values.push(query.dueBefore)}`);
    if (query.kind) where.push(`d.kind = $${values.push(query.kind)}`);
    if (query.organizationId) {
      const organization = await this.organizations.get(query.organizationId);
      where.push(`d.organization_path LIKE $${values.push(`${escapeLike(organization.path)}%`)}`);
    }
    const { rows } = await this.pool.query(
      `SELECT d.case_id, d.kind, d.sort, d.status, d.basis, d.due_on, d.remind_on, d.provisional, d.organization_id,
              c.case_number, c.flow_id, c.state, c.summary
       FROM deadlines d JOIN cases c ON c.id = d.case_id
       WHERE ${where.join(' AND ')}
       ORDER BY d.due_on NULLS LAST, d.case_id, d.kind
       LIMIT $${values.push(query.limit ?? 100)}`,
      values,
    );
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
        remindOn: r.remind_on,
        provisional: r.provisional,
        organizationId: r.organization_id,
      })),
    };
  }
}
