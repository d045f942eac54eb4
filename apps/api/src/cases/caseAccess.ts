import { Injectable, Logger } from '@nestjs/common';
import { describeCase, getFlow, type FlowDefinition, type FlowEvent } from '@jiefen/flows';
import { inScope, scopeOf } from '../auth/caseScope.js';
import { forbidden, mayOpenCase, maySendEvent } from '../auth/permissions.js';
import { caseNotFound, validationFailed } from '../common/errors/DomainError.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { UserRole } from '../users/user.entity.js';
import { ENGINE_ACTOR, type Actor } from './actor.js';
import type { CaseRow } from './caseRow.js';
import { CasesRepository } from './cases.repository.js';
import { mayLinkTo } from './mayLinkTo.js';
import { MediatorAccountsRepository } from './mediatorAccounts.repository.js';
import { checkMediators, MEDIATOR_FIELDS } from './mediatorCheck.js';

/**
 * Load and guard: the case as stored, and everything checked before the flow sees an event or an
 * intake — scope (404 outside it), the role (403), organisations and mediators the input names
 * (400 / 422). Nothing here writes.
 */
@Injectable()
export class CaseAccess {
  private readonly logger = new Logger('CaseAccess');

  constructor(
    private readonly cases: CasesRepository,
    private readonly organizations: OrganizationsService,
    private readonly mediators: MediatorAccountsRepository,
  ) {}

  async load(caseId: string): Promise<CaseRow> {
    const row = await this.cases.load(caseId);
    if (!row) throw caseNotFound(caseId);
    return row;
  }

  /** A user opens cases their role may open (the flow's `openedBy`), at their organisation or below it. */
  async checkMayOpen(actor: Actor, flowId: string, organization: Organization): Promise<void> {
    if (!mayOpenCase(actor.role as UserRole, flowId)) {
      this.logger.warn({ userId: actor.userId, role: actor.role, flowId }, 'opening refused: role');
      throw forbidden(`a ${actor.role} may not open a ${flowId} case`);
    }
    const own = actor.organizationId ? await this.organizations.find(actor.organizationId) : undefined;
    if (!own || !organization.path.startsWith(own.path)) {
      this.logger.warn(
        { userId: actor.userId, organizationId: organization.id },
        'opening refused: organisation out of scope',
      );
      throw forbidden('cases are opened at your own organisation or one below it', { field: 'organizationId' });
    }
  }

  /** A case outside the user's scope does not exist for them (404); an event their role may not send is 403. */
  async checkMaySend(actor: Actor, row: CaseRow, event: FlowEvent): Promise<void> {
    if (actor.role === ENGINE_ACTOR.role) return;
    const own = actor.organizationId ? await this.organizations.find(actor.organizationId) : undefined;
    if (!own || !inScope(scopeOf(own), row)) throw caseNotFound(row.id);
    const { flowId, flowVersion } = row.snapshot;
    if (
      getFlow(flowId, flowVersion).events[event.type] &&
      !maySendEvent(actor.role as UserRole, flowId, flowVersion, event.type)
    ) {
      this.logger.warn(
        { userId: actor.userId, role: actor.role, caseId: row.id, eventType: event.type },
        'event refused: role',
      );
      throw forbidden(`a ${actor.role} may not send ${event.type}`, { eventType: event.type });
    }
  }

  /**
   * Every organisation id the flow declares in an intake (`organizationFields`) must name an
   * organisation (400 on the field).
   */
  async checkIntake(flowId: string, intake: Record<string, unknown>): Promise<void> {
    await this.checkOrganizationsExist(getFlow(flowId), intake, '');
  }

  /** The same for an event's payload, and a mediator it names must be one of the handling organisation's (422). */
  async checkPayload(row: CaseRow, event: FlowEvent): Promise<void> {
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    await this.checkOrganizationsExist(getFlow(row.snapshot.flowId, row.snapshot.flowVersion), payload, 'payload.');
    await this.checkMediatorsOf(row, event, payload);
  }

  /**
   * The case an opening names as `linkedCaseId`, if the user may name it (`mayLinkTo`). Any other
   * case does not exist for them: the same 400 as a missing one, so its existence does not leak.
   */
  async linkedCase(id: string, actor: Actor): Promise<CaseRow> {
    const row = await this.cases.load(id);
    const own = actor.organizationId ? await this.organizations.find(actor.organizationId) : undefined;
    if (!row || !own || !mayLinkTo(own, row)) {
      if (row)
        this.logger.warn({ userId: actor.userId, linkedCaseId: id }, 'opening refused: linked case out of scope');
      throw validationFailed([{ field: 'linkedCaseId', message: `no case ${id}` }]);
    }
    return row;
  }

  private async checkOrganizationsExist(
    flow: FlowDefinition,
    values: Record<string, unknown>,
    prefix: string,
  ): Promise<void> {
    for (const field of Object.keys(flow.organizationFields)) {
      const id = values[field];
      if (typeof id === 'string' && !(await this.organizations.find(id))) {
        throw validationFailed([{ field: `${prefix}${field}`, message: `no organisation ${id}` }]);
      }
    }
  }

  /** Only for an event the state accepts: otherwise the flow answers 409 first. */
  private async checkMediatorsOf(row: CaseRow, event: FlowEvent, payload: Record<string, unknown>): Promise<void> {
    if (!MEDIATOR_FIELDS.some((field) => field in payload)) return;
    const { state, allowedEvents } = describeCase(row.snapshot);
    if (!allowedEvents.includes(event.type)) return;
    const handling = await this.organizations.get(row.snapshot.context.organizationId);
    await checkMediators(this.mediators, payload, handling, (id) => this.organizations.find(id), state);
  }
}
