import {
  createActor,
  getNextTransitions,
  initialTransition,
  transition,
  type AnyActorRef,
  type AnyActorScope,
  type AnyEventObject,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type StateValue,
} from 'xstate';
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

/** An action `transition()` returns unexecuted: its `type` and resolved `params`. */
export interface TransitionAction {
  type: string;
  params?: unknown;
}

/**
 * The actor that stands in as `self` for pure transitions of a machine, or `null` when the
 * machine must go through xstate's own `transition()` (see `pureTransition`).
 */
const inertSelf = new WeakMap<AnyStateMachine, AnyActorRef | null>();

/**
 * xstate's pure `transition()`, without its per-call cost. `transition()` builds a throwaway
 * actor for every call, and that actor's constructor computes the machine's initial snapshot,
 * running the context factory (ours destructures the missing input and throws, which V8 makes
 * expensive): on the flows' machines that is most of the time `transition()` takes. Here the
 * actor is built once per machine and reused as `self` in an inert scope that, like xstate's,
 * executes nothing and collects the actions. The machine's own `transition(snapshot, event,
 * scope)` does the work in both cases, so the snapshot and actions are the same.
 *
 * xstate's scope also gets a fresh actor system per call, which only matters to machines that
 * spawn or invoke actors (they register there). Flow machines are pure and never do; a machine
 * that declares `invoke`, or whose transition returns children, goes through `transition()`
 * instead, from then on.
 */
export function pureTransition(
  machine: AnyStateMachine,
  snapshot: AnyMachineSnapshot,
  event: AnyEventObject,
): [AnyMachineSnapshot, TransitionAction[]] {
  const self = inertSelfOf(machine);
  if (!self || Object.keys(snapshot.children).length) return viaXstate(machine, snapshot, event);
  const actions: TransitionAction[] = [];
  const next = machine.transition(snapshot, event, inertScope(self, actions)) as AnyMachineSnapshot;
  if (Object.keys(next.children).length) {
    inertSelf.set(machine, null);
    return viaXstate(machine, snapshot, event);
  }
  return [next, actions];
}

/** xstate's `initialTransition()`, with the same reused inert actor as `pureTransition`. */
export function pureInitialTransition(
  machine: AnyStateMachine,
  input: unknown,
): [AnyMachineSnapshot, TransitionAction[]] {
  const self = inertSelfOf(machine);
  if (!self) return initialViaXstate(machine, input);
  const actions: TransitionAction[] = [];
  const first = machine.getInitialSnapshot(inertScope(self, actions), input) as AnyMachineSnapshot;
  if (Object.keys(first.children).length) {
    inertSelf.set(machine, null);
    return initialViaXstate(machine, input);
  }
  return [first, actions];
}

const viaXstate = (machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: AnyEventObject) =>
  transition(machine, snapshot, event) as [AnyMachineSnapshot, TransitionAction[]];
const initialViaXstate = (machine: AnyStateMachine, input: unknown) =>
  initialTransition(machine, input) as [AnyMachineSnapshot, TransitionAction[]];

function inertSelfOf(machine: AnyStateMachine): AnyActorRef | null {
  let self = inertSelf.get(machine);
  if (self === undefined) {
    self = invokes(machine.root) ? null : createActor(machine);
    inertSelf.set(machine, self);
  }
  return self;
}

function invokes(node: AnyStateMachine['root']): boolean {
  return node.invoke.length > 0 || Object.values(node.states).some(invokes);
}

const ignore = () => {};

/** The scope xstate's `transition()` builds (createInertActorScope), around a reused `self`. */
function inertScope(self: AnyActorRef, actions: TransitionAction[]): AnyActorScope {
  return {
    self,
    id: '',
    sessionId: '',
    logger: ignore,
    defer: ignore,
    emit: ignore,
    stopChild: ignore,
    system: self.system,
    actionExecutor: (action) => {
      actions.push(action as TransitionAction);
    },
  };
}

const parallelByMachine = new WeakMap<AnyStateMachine, boolean>();

/**
 * Whether a snapshot that `transition()` returned reads like the one `restoreSnapshot` rebuilds
 * from its JSON form, for describing it: the same state, tags, status and, without parallel
 * states, the same single active leaf (with parallel states the order of the active nodes,
 * which `describeState` and `acceptedEventTypes` follow, may differ).
 */
export function describableAsIs(machine: AnyStateMachine): boolean {
  let parallel = parallelByMachine.get(machine);
  if (parallel === undefined) parallelByMachine.set(machine, (parallel = hasParallel(machine.root)));
  return !parallel;
}

function hasParallel(node: AnyStateMachine['root']): boolean {
  return node.type === 'parallel' || Object.values(node.states).some(hasParallel);
}
