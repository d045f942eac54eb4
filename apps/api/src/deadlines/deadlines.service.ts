import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { poolOf } from '../database/dataSource.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { ListDeadlinesQuery } from './dto/list-deadlines.query.js';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { scopeOf } from '../auth/caseScope.js';
import { Clock } from '../common/clock.js';
import { DeadlineWorkListQueries } from './deadlineWorkList.queries.js';
import { timeLeft } from './timeLeft.js';

@Injectable()
export class DeadlinesService {
  private readonly workList: DeadlineWorkListQueries;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {
    this.workList = new DeadlineWorkListQueries(poolOf(dataSource));
  }

  /** Deadlines soonest first, with their case: what a centre must act on. */
  async list(user: AuthenticatedUser, query: ListDeadlinesQuery) {
    const scope = scopeOf(await this.organizations.get(user.organizationId));
    const organization = query.organizationId ? await this.organizations.get(query.organizationId) : undefined;
    const rows = await this.workList.list({
      status: query.status ?? 'running',
      scope,
      ...(query.dueBefore ? { dueBefore: query.dueBefore } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(organization ? { organizationPath: organization.path } : {}),
      limit: query.limit ?? 100,
    });
    const today = this.clock.today();
    return {
      items: rows.map(({ provisionalReason, ...r }) => ({
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        flowId: r.flowId,
        state: r.state,
        summary: r.summary,
        kind: r.kind,
        sort: r.sort,
        status: r.status,
        basis: r.basis,
        dueOn: r.dueOn,
        ...timeLeft(r.dueOn, today),
        remindOn: r.remindOn,
        provisional: r.provisional,
        ...(provisionalReason ? { provisionalReason } : {}),
        organizationId: r.organizationId,
      })),
    };
  }
}
