import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { maySendEvent } from '../auth/permissions.js';
import type { CaseView } from './caseView.js';

/**
 * The case as one caller sees it: `allowedEvents` are the events the case accepts now *and* the
 * caller's role may send (issue 13: a mediator was offered `deadline.expired` and `case.assigned`);
 * `flowAllowedEvents` keeps every event the flow accepts in this state, whoever sends it.
 */
export function viewForCaller(view: CaseView, caller: Pick<AuthenticatedUser, 'role'>): CaseView {
  // An idempotent replay stored before flowAllowedEvents existed carries only allowedEvents.
  const flowAllowedEvents = view.flowAllowedEvents ?? view.allowedEvents;
  return {
    ...view,
    allowedEvents: flowAllowedEvents.filter((type) => maySendEvent(caller.role, view.flow.id, view.flow.version, type)),
    flowAllowedEvents,
  };
}
