import type { CaseContext } from './caseContext.js';
import type { CaseSnapshot } from './caseSnapshot.js';
import { collectEffects } from './collectEffects.js';
import { EventNotAllowedError } from './EventNotAllowedError.js';
import { InvalidEventError } from './InvalidEventError.js';
import {
  acceptedEventTypes,
  describableAsIs,
  persistSnapshot,
  pureTransition,
  restoreSnapshot,
  stateName,
} from './machineSnapshot.js';
import { mediationOutcomeOf } from './outcome.js';
import { getFlow } from './registry.js';
import { RuleViolatedError } from './RuleViolatedError.js';
import type { Rule } from './rules.js';
import { validateObject } from './schema.js';
import { checkToday, type CaseOptions, type CaseResult } from './startCase.js';
import { describeMachineSnapshot, type CaseDescription } from './describeCase.js';

/** An event as a caller sends it: a dot-separated past-tense fact and its payload. */
export interface FlowEvent {
  type: string;
  payload?: Record<string, unknown>;
}

/** What `sendEvent` returns: the next snapshot, the effects, and the case as it now stands. */
export interface EventResult extends CaseResult {
  /**
   * `describeCase(snapshot)` of the next snapshot, computed from the machine snapshot
   * `sendEvent` already holds, so a host need not restore the case again to show it. (Like
   * `describeCase`, it needs every state of the flow to carry a status tag.)
   */
  description: CaseDescription;
}

/**
 * Applies `event` to a case on the flow version the case is pinned to, without side effects.
 * Returns the next snapshot, the effects the host carries out after saving it, and the
 * description of the case in its next state (what `describeCase` would return).
 * Throws `InvalidEventError` (malformed), `EventNotAllowedError` (the state does not accept the
 * event) or `RuleViolatedError` (a rule refuses it); the input snapshot is never modified.
 */
export function sendEvent(snapshot: CaseSnapshot, event: FlowEvent, options: CaseOptions): EventResult {
  const flow = getFlow(snapshot.flowId, snapshot.flowVersion);
  checkToday(options.today);
  const spec = flow.events[event?.type];
  if (!spec) {
    throw new InvalidEventError(`event for a ${flow.id} case`, [
      { path: 'type', message: `must be one of: ${Object.keys(flow.events).join(', ')}` },
    ]);
  }
  const current = restoreSnapshot(flow, snapshot);
  const accepted = acceptedEventTypes(flow.machine, current);
  if (!accepted.includes(event.type)) {
    throw new EventNotAllowedError(flow.id, stateName(current.value), event.type, accepted);
  }
  const payload = event.payload ?? {};
  const problems = validateObject(spec.payload, payload, 'payload');
  if (problems.length) throw new InvalidEventError(`"${event.type}"`, problems);

  const [next, actions] = pureTransition(flow.machine, current, {
    type: event.type,
    payload,
    today: options.today,
    host: options.host ?? {},
  });
  const violated = actions.find((a) => a.type === 'ruleViolated');
  if (violated) throw new RuleViolatedError(flow.id, stateName(current.value), event.type, violated.params as Rule);

  const before = (current.context as CaseContext).deadlines;
  const effects = collectEffects(before, (next.context as CaseContext).deadlines, actions);
  const persisted = persistSnapshot(flow, next);
  // The snapshot in hand reads like the persisted one restored (except, for the order of
  // active nodes, on machines with parallel states): no need to restore it again.
  const description = describeMachineSnapshot(
    flow,
    describableAsIs(flow.machine) ? next : restoreSnapshot(flow, persisted),
  );
  if (next.status === 'done') {
    effects.push({ type: 'case.ended', status: description.status, outcome: mediationOutcomeOf(description.status) });
  }
  return { snapshot: persisted, effects, description };
}
