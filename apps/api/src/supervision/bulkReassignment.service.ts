import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { scopeOf } from '../auth/caseScope.js';
import { CaseRunner } from '../cases/caseRunner.js';
import { MediatorAccountsRepository, type MediatorAccount } from '../cases/mediatorAccounts.repository.js';
import { MEDIATOR_OF_ORGANIZATION } from '../cases/mediatorCheck.js';
import { DomainError, validationFailed } from '../common/errors/DomainError.js';
import { statusOf, toProblem } from '../common/problem.filter.js';
import { poolOf } from '../database/dataSource.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { BulkReassignDto } from './dto/bulk-reassign.dto.js';
import { ReassignableCasesQueries, type ReassignableCase } from './reassignableCases.queries.js';

export type ReassignmentOutcome = 'reassigned' | 'partial' | 'failed' | 'skipped';

export interface ReassignmentItem {
  caseId: string;
  caseNumber: string;
  flowId: string;
  state: string;
  outcome: ReassignmentOutcome;
  /** The case's version after what was written (the first's when nothing was). */
  version: number;
  /** Why a case was not (fully) reassigned: the problem its own request would have answered with. */
  problem?: { status: number; code: string; detail: string; rule?: unknown; basis?: unknown };
}

/**
 * How a case's mediator changes, per flow and state, in events the flow itself accepts (so its
 * guards, the version and the trail apply). People's mediation: the mediator steps aside
 * (mediator.recused) and the committee designates the new one (mediator.assigned, PML Art. 19).
 * Delegated mediation is left to a person: the parties or the court choose again there
 * (SPC-Invited Art. 12; SPC-Online Art. 12), which a supervisor cannot do for them.
 */
const PLANS: Record<
  string,
  Record<string, (to: string, reason: string) => { type: string; payload: Record<string, unknown> }[]>
> = {
  'people-mediation': {
    mediating: (to, reason) => [
      { type: 'mediator.recused', payload: { reason } },
      { type: 'mediator.assigned', payload: { mediatorId: to, chosenBy: 'committee' } },
    ],
  },
};

const NOT_IN_BULK =
  'the mediator of this flow and state is chosen again by the parties or the court ' +
  '(SPC-Invited Art. 12; SPC-Online Art. 12): reassign it on the case itself';

/**
 * Bulk reassignment (a mediator on leave): each open case of `fromMediatorId` in the supervisor's
 * subtree gets its own events through the case runner, one case after another. A case that fails
 * is reported with its problem and does not undo the others (docs/supervision.md).
 */
@Injectable()
export class BulkReassignmentService {
  private readonly logger = new Logger('BulkReassignment');
  private readonly accounts: MediatorAccountsRepository;
  private readonly cases: ReassignableCasesQueries;

  constructor(
    dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly runner: CaseRunner,
  ) {
    const pool = poolOf(dataSource);
    this.accounts = new MediatorAccountsRepository(pool);
    this.cases = new ReassignableCasesQueries(pool);
  }

  async reassign(actor: AuthenticatedUser, dto: BulkReassignDto) {
    const own = await this.organizations.get(actor.organizationId);
    if (dto.fromMediatorId === dto.toMediatorId)
      throw validationFailed([{ field: 'toMediatorId', message: 'must be another mediator than fromMediatorId' }]);
    const from = await this.user(dto.fromMediatorId);
    const fromHome = from ? await this.organizations.find(from.organizationId) : undefined;
    if (!from || from.role !== 'mediator' || !fromHome?.path.startsWith(own.path)) {
      throw validationFailed([
        { field: 'fromMediatorId', message: `no mediator ${dto.fromMediatorId} at your organisation or below it` },
      ]);
    }
    const to = await this.user(dto.toMediatorId);
    if (!to || to.role !== 'mediator' || to.disabled || to.organizationId !== from.organizationId) {
      throw new DomainError(
        'RULE_VIOLATED',
        `${dto.toMediatorId} is not an active mediator of ${fromHome.name}, ` +
          `the organisation of the mediator whose cases move (${MEDIATOR_OF_ORGANIZATION.basis})`,
        {
          rule: MEDIATOR_OF_ORGANIZATION.code,
          basis: MEDIATOR_OF_ORGANIZATION.basis,
          requirement: MEDIATOR_OF_ORGANIZATION.requirement,
          field: 'toMediatorId',
        },
      );
    }
    const rows = await this.cases.openCasesOf(dto.fromMediatorId, scopeOf(own));
    const items: ReassignmentItem[] = [];
    for (const row of rows) items.push(await this.reassignOne(actor, row, dto));
    const count = (outcome: ReassignmentOutcome) => items.filter((i) => i.outcome === outcome).length;
    this.logger.log(
      {
        by: actor.userId,
        from: dto.fromMediatorId,
        to: dto.toMediatorId,
        cases: items.length,
        failed: count('failed') + count('partial'),
      },
      'bulk reassignment',
    );
    return {
      fromMediatorId: dto.fromMediatorId,
      toMediatorId: dto.toMediatorId,
      total: items.length,
      reassigned: count('reassigned'),
      partial: count('partial'),
      failed: count('failed'),
      skipped: count('skipped'),
      items,
    };
  }

  private async reassignOne(
    actor: AuthenticatedUser,
    row: ReassignableCase,
    dto: BulkReassignDto,
  ): Promise<ReassignmentItem> {
    const base = { caseId: row.id, caseNumber: row.caseNumber, flowId: row.flowId, state: row.state };
    const plan = PLANS[row.flowId]?.[row.state];
    if (!plan)
      return {
        ...base,
        outcome: 'skipped',
        version: row.version,
        problem: { status: 409, code: 'EVENT_NOT_ALLOWED', detail: NOT_IN_BULK },
      };
    let version: number = row.version;
    let state: string = row.state;
    let written = 0;
    try {
      // The runner checks the new mediator again with mediator.assigned; checked here first, so that a case
      // handled elsewhere since (escalated, transferred) is refused before its mediator steps aside.
      await this.checkOfHandling(dto.toMediatorId, row.organizationId, row.state);
      for (const event of plan(dto.toMediatorId, dto.reason)) {
        const { view } = await this.runner.apply(row.id, event, { actor, expectedVersion: version });
        version = view.version;
        state = view.state;
        written++;
      }
      return { ...base, state, outcome: 'reassigned', version };
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'INTERNAL_ERROR')
        this.logger.error({ caseId: row.id, err: error }, 'bulk reassignment: case failed');
      const { rule, basis } = (problem.extensions ?? {}) as { rule?: unknown; basis?: unknown };
      return {
        ...base,
        state,
        outcome: written ? 'partial' : 'failed',
        version,
        problem: {
          status: statusOf(problem.code),
          code: problem.code,
          detail: problem.detail,
          ...(rule ? { rule } : {}),
          ...(basis ? { basis } : {}),
        },
      };
    }
  }

  /**
   * The same rule as mediator.assigned's (PML Arts. 13, 19): a mediator of the handling organisation
   * or of a committee attached to it.
   */
  private async checkOfHandling(mediatorId: string, handlingId: string, state: string): Promise<void> {
    const to = await this.user(mediatorId);
    const home = to ? await this.organizations.find(to.organizationId) : undefined;
    if (home && (home.id === handlingId || (home.kind === 'committee' && home.parentId === handlingId))) return;
    const handling = await this.organizations.get(handlingId);
    throw new DomainError(
      'RULE_VIOLATED',
      `${mediatorId} is not a mediator of ${handling.name}, which now handles the case, ` +
        `or of a committee attached to it (${MEDIATOR_OF_ORGANIZATION.basis})`,
      {
        rule: MEDIATOR_OF_ORGANIZATION.code,
        basis: MEDIATOR_OF_ORGANIZATION.basis,
        state,
      },
    );
  }

  private user(id: string): Promise<MediatorAccount | undefined> {
    return this.accounts.find(id);
  }
}
