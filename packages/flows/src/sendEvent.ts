import { transition } from 'xstate';
import type { CaseContext } from './caseContext.js';
import type { CaseSnapshot } from './caseSnapshot.js';
import { collectEffects } from './collectEffects.js';
import { EventNotAllowedError } from './EventNotAllowedError.js';
import { InvalidEventError } from './InvalidEventError.js';
import { acceptedEventTypes, persistSnapshot, restoreSnapshot, stateName } from './machineSnapshot.js';
import { mediationOutcomeOf } from './outcome.js';
import { getFlow } from './registry.js';
import { RuleViolatedError } from './RuleViolatedError.js';
import type { Rule } from './rules.js';
import { validateObject } from './schema.js';
import { checkToday, type CaseOptions, type CaseResult } from './startCase.js';
import { statusOf } from './describeCase.js';
import type { FlowAction } from './flowSetup.js';

/** An event as a caller sends it: a dot-separated past-tense fact and its payload. */
export interface FlowEvent {
  type: string;
  payload?: Record<string, unknown>;
}

/**
 * Applies `event` to a case on the flow version the case is pinned to, without side effects.
 * Returns the next snapshot and the effects the host carries out after saving it.
 * Throws `InvalidEventError` (malformed), `EventNotAllowedError` (the state does not accept the
 * event) or `RuleViolatedError` (a rule refuses it); the input snapshot is never modified.
 */
export function sendEvent(snapshot: CaseSnapshot, event: FlowEvent, options: CaseOptions): CaseResult {
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

  const [next, actions] = transition(flow.machine, current, {
    type: event.type,
    payload,
    today: options.today,
    host: options.host ?? {},
  });
  const violated = (actions as FlowAction[]).find((a) => a.type === 'ruleViolated');
  if (violated) throw new RuleViolatedError(flow.id, stateName(current.value), event.type, violated.params as Rule);

  const before = (current.context as CaseContext).deadlines;
  const effects = collectEffects(before, (next.context as CaseContext).deadlines, actions);
  const persisted = persistSnapshot(flow, next);
  if (next.status === 'done') {
    const status = statusOf(flow, persisted);
    effects.push({ type: 'case.ended', status, outcome: mediationOutcomeOf(status) });
  }
  return { snapshot: persisted, effects };
}
