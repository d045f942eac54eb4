import { Injectable } from '@nestjs/common';
import { describeCase, getFlow, type CaseResult, type FlowEvent, type HostFacts } from '@jiefen/flows';
import { ancestorIds, autoEscalates, isCentre, resolutionTargetFor } from '../centres/centrePolicy.js';
import type { Organization } from '../organizations/organization.entity.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { Actor } from './actor.js';
import type { CaseRow } from './caseRow.js';

/** Centre events that hand a case to another organisation, whose own resolution target then applies. */
const CHANGES_HANDS = ['case.escalated', 'case.assigned', 'case.transferred'];

/**
 * What the flows cannot know and the host tells them: where organisations named by an event sit in
 * the tree, the handling organisation's local policy and centre target, and when the centre's
 * policy makes the engine escalate a case by itself.
 */
@Injectable()
export class CaseHostFacts {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Facts about the organisation that handles (or will handle) a case: its local policy and centre target. */
  forOrganization(organization: Organization): HostFacts {
    const resolutionTarget = resolutionTargetFor(organization);
    return { policy: organization.policy, ...(resolutionTarget ? { resolutionTarget } : {}) };
  }

  /** Where the organisation an event hands the case to (a 'handling' field of the flow) and the sender sit. */
  async forEvent(row: CaseRow, event: FlowEvent, actor: Actor): Promise<HostFacts> {
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    const handling = row.snapshot.context.organizationId;
    const { organizationFields } = getFlow(row.snapshot.flowId, row.snapshot.flowVersion);
    const target = Object.entries(organizationFields)
      .filter(([, use]) => use === 'handling')
      .map(([field]) => payload[field])
      .find((v): v is string => typeof v === 'string');
    const targetRelation = await this.organizations.relation(target, handling);
    const actorRelation = await this.organizations.relation(actor.organizationId, handling);
    const handsOver = CHANGES_HANDS.includes(event.type) && target ? await this.organizations.find(target) : undefined;
    const resolutionTarget = handsOver ? resolutionTargetFor(handsOver) : undefined;
    return {
      ...(targetRelation ? { targetRelation } : {}),
      ...(actorRelation ? { actorRelation } : {}),
      ...(resolutionTarget ? { resolutionTarget } : {}),
    };
  }

  /**
   * A case past its resolution target at a level that escalates by itself goes up to the nearest
   * centre above (centre policy): the event the engine sends next, and the facts for it.
   */
  async autoEscalation(result: CaseResult): Promise<{ event: FlowEvent; host: HostFacts } | undefined> {
    const overdue = result.effects.some((e) => e.type === 'deadline.overdue' && e.kind === 'resolutionTarget');
    if (!overdue) return undefined;
    const handling = await this.organizations.get(result.snapshot.context.organizationId);
    if (!autoEscalates(handling)) return undefined;
    const above = await this.nearestCentreAbove(handling);
    if (!above || !describeCase(result.snapshot).allowedEvents.includes('case.escalated')) return undefined;
    return {
      event: {
        type: 'case.escalated',
        payload: {
          toOrganizationId: above.id,
          reason: `超过${handling.name}化解时限，自动上报 (centre policy: ${handling.level} level)`,
        },
      },
      host: { targetRelation: 'ancestor', ...this.forOrganization(above) },
    };
  }

  private async nearestCentreAbove(organization: Organization): Promise<Organization | undefined> {
    for (const id of ancestorIds(organization)) {
      const candidate = await this.organizations.find(id);
      // A 综治中心 is a centre too; a deactivated one takes no case (docs/centres.md).
      if (isCentre(candidate) && candidate!.active) return candidate;
    }
    return undefined;
  }
}
