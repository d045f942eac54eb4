import { getFlow, listFlows, type ActorRole } from '@jiefen/flows';
import { DomainError } from '../common/errors/DomainError.js';
import type { UserRole } from '../users/user.entity.js';

/**
 * Who may do what, in one place. Events: the roles each flow names for the event type
 * (flows.md "Who sends what", the `by` of every event spec); `engine` events (`deadline.expired`,
 * `mediation.concluded`) are never accepted from a person. Opening a case: the flow's `openedBy`.
 */
export function maySendEvent(role: UserRole, flowId: string, flowVersion: number, eventType: string): boolean {
  const spec = getFlow(flowId, flowVersion).events[eventType];
  return !!spec && (spec.by as readonly string[]).includes(role as ActorRole);
}

/**
 * Who opens a case of a flow is the flow's own `openedBy` (flows.md "Who sends what"): intake is
 * reception's or the handling body's mediator's work; a court registers judicial-confirmation
 * applications. A case opens on the flow's latest version, so that version's list applies.
 */
export function mayOpenCase(role: UserRole, flowId: string): boolean {
  const latest = listFlows().find((f) => f.id === flowId);
  return !!latest && (latest.openedBy as readonly string[]).includes(role);
}

/** A reader of a case's personal data in full: its mediator, or a court the case is before (PIPL Arts. 28, 51). */
export function mayReadPersonalData(
  actor: { userId: string; role: UserRole; organizationId: string },
  c: { mediatorId: unknown; courtId: string | null; organizationPath: string },
): boolean {
  // The court the case is before, or a court the handling body sits under.
  const courtAccess = c.courtId === actor.organizationId || c.organizationPath.endsWith(`/${actor.organizationId}/`);
  return (actor.role === 'mediator' && c.mediatorId === actor.userId) || (actor.role === 'court' && courtAccess);
}

export function forbidden(message: string, extensions: Record<string, unknown> = {}): DomainError {
  return new DomainError('FORBIDDEN', message, extensions);
}
