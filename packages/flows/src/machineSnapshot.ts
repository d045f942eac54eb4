import { getNextTransitions, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from 'xstate';
import type { CaseSnapshot } from './caseSnapshot.js';
import type { FlowDefinition } from './flowDefinition.js';

/** Rebuilds the machine snapshot from its persisted JSON form. */
export function restoreSnapshot(flow: FlowDefinition, snapshot: CaseSnapshot): AnyMachineSnapshot {
  return flow.machine.resolveState({ value: snapshot.state, context: snapshot.context });
}

/** The persisted, JSON-safe form of a machine snapshot. */
export function persistSnapshot(flow: FlowDefinition, snapshot: AnyMachineSnapshot): CaseSnapshot {
  return { flowId: flow.id, flowVersion: flow.version, state: snapshot.value, context: snapshot.context };
}

/** `mediating`, or `mediating.paused` for a nested state. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => (child && Object.keys(child).length ? `${key}.${stateName(child as StateValue)}` : key))
    .join(',');
}

const acceptedByState = new WeakMap<AnyStateMachine, Map<string, readonly string[]>>();

/**
 * Event types the current state accepts at all, guards aside (a guard that fails is a rule
 * violation, not a refused event). A final state accepts nothing. Cached per machine and state.
 */
export function acceptedEventTypes(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): readonly string[] {
  if (snapshot.status !== 'active') return [];
  let byState = acceptedByState.get(machine);
  if (!byState) acceptedByState.set(machine, (byState = new Map()));
  const key = stateName(snapshot.value);
  let accepted = byState.get(key);
  if (!accepted) {
    accepted = [...new Set(getNextTransitions(snapshot).map((t) => t.eventType))].filter(
      (type) => type !== '' && !type.startsWith('xstate.'),
    );
    byState.set(key, accepted);
  }
  return accepted;
}

/** The description (Chinese term and a short gloss) of the active leaf state. */
export function describeState(snapshot: AnyMachineSnapshot): string | undefined {
  const nodes = snapshot._nodes as { type: string; description?: string }[];
  return [...nodes].reverse().find((n) => n.type === 'atomic' || n.type === 'final')?.description;
}
