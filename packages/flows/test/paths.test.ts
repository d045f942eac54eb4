/**
 * Model-based tests: explore every flow with xstate/graph from each of its openings, replay every
 * shortest path through the public API (with a JSON round trip after each step) and check the
 * invariants of flows.md on every step.
 */
import { getShortestPaths } from 'xstate/graph';
import type { AnyStateMachine, StateNode } from 'xstate';
import {
  CASE_STATUSES,
  describeCase,
  EventNotAllowedError,
  getFlow,
  listFlows,
  sendEvent,
  startCase,
  type CaseContext,
  type CaseSnapshot,
} from '../src/index.js';
import type { FlowModel } from './models/flowModel.js';
import { peopleMediationModel } from './models/peopleMediation.model.js';
import { delegatedMediationModel } from './models/delegatedMediation.model.js';
import { administrativeMediationModel } from './models/administrativeMediation.model.js';
import { judicialConfirmationModel } from './models/judicialConfirmation.model.js';
import { courtReferralModel } from './models/courtReferral.model.js';
import { petitionModel } from './models/petition.model.js';
import { roundTrip } from './support/factories.js';

const MODELS: FlowModel[] = [
  peopleMediationModel,
  delegatedMediationModel,
  administrativeMediationModel,
  petitionModel,
  judicialConfirmationModel,
  courtReferralModel,
];

const stateKey = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function leafStates(machine: AnyStateMachine): { path: string; node: StateNode<any, any> }[] {
  const walk = (node: StateNode<any, any>, prefix: string): { path: string; node: StateNode<any, any> }[] => {
    const children = Object.entries(node.states ?? {});
    if (children.length === 0) return [{ path: prefix, node }];
    return children.flatMap(([key, child]) => walk(child as StateNode<any, any>, prefix ? `${prefix}.${key}` : key));
  };
  return walk(machine.root, '');
}

function explore(model: FlowModel) {
  const flow = getFlow(model.flowId);
  const reached = new Set<string>();
  const replays: { opening: string; events: { type: string; payload: Record<string, unknown>; today: string }[] }[] =
    [];
  for (const opening of model.openings) {
    const opened = startCase(model.flowId, opening.input, {
      today: opening.today,
      ...(opening.host ? { host: opening.host } : {}),
    });
    const fromState = flow.machine.resolveState({ value: opened.snapshot.state, context: opened.snapshot.context });
    const paths = getShortestPaths(flow.machine, {
      fromState,
      // xstate's transition() would still run root handlers on a done snapshot; sendEvent refuses them.
      events: (snapshot: any) =>
        snapshot.status === 'done'
          ? []
          : model.events(describeState(snapshot.value), snapshot.context as CaseContext).map((e) => ({
              type: e.type,
              payload: e.payload ?? {},
              today: e.today ?? opening.today,
              host: e.host ?? {},
            })),
      // The state plus what changes which events apply: running deadlines and appraisal.
      serializeState: (snapshot: any) =>
        `${stateKey(snapshot.value)}|${(snapshot.context as CaseContext).deadlines
          .map((d) => `${d.kind}:${d.status}`)
          .sort()
          .join(',')}|${(snapshot.context as CaseContext).supervision ? 'supervised' : ''}`,
    } as never);
    for (const path of paths) {
      reached.add(stateKey(path.state.value));
      replays.push({
        opening: opening.name,
        events: path.steps.slice(1).map((step: any) => step.event),
      });
    }
  }
  return { flow, reached, replays };
}

const describeState = (value: unknown) => (typeof value === 'string' ? value : stateKey(value));

function checkInvariants(model: FlowModel, snapshot: CaseSnapshot) {
  const description = describeCase(snapshot);
  expect(CASE_STATUSES).toContain(description.status);
  if (description.final) {
    // flows.md: a final state holds no deadline and accepts no event.
    expect(description.deadlines).toEqual([]);
    expect(description.allowedEvents).toEqual([]);
    expect(() =>
      sendEvent(
        snapshot,
        { type: 'case.escalated', payload: { toOrganizationId: 'x', reason: 'x' } },
        { today: '2026-12-01', host: { targetRelation: 'ancestor' } },
      ),
    ).toThrow(EventNotAllowedError);
  }
  if (description.state === 'confirmed') {
    expect(snapshot.context.agreement?.effectiveOn).toEqual(expect.any(String));
  }
  for (const invariant of model.invariants ?? []) invariant(description.state, snapshot.context);
  checkDeadlinesDocumented(snapshot);
}

/** FlowDefinition.deadlines documents every kind a case carries, with its sort (or names the variant's sort). */
function checkDeadlinesDocumented(snapshot: CaseSnapshot) {
  const documented = getFlow(snapshot.flowId, snapshot.flowVersion).deadlines;
  for (const deadline of snapshot.context.deadlines) {
    const spec = documented.find((d) => d.kind === deadline.kind);
    expect({ kind: deadline.kind, documented: spec !== undefined }).toEqual({ kind: deadline.kind, documented: true });
    const sortNamed = spec!.sort === deadline.sort || spec!.basis.includes(`(${deadline.sort})`);
    expect({ kind: deadline.kind, sort: deadline.sort, sortNamed }).toEqual({
      kind: deadline.kind,
      sort: deadline.sort,
      sortNamed: true,
    });
  }
}

describe('every flow', () => {
  it('has a model here', () => {
    expect(
      listFlows()
        .map((f) => f.id)
        .sort(),
    ).toEqual(MODELS.map((m) => m.flowId).sort());
  });

  describe.each(MODELS.map((m) => [m.flowId, m] as const))('%s', (_id, model) => {
    const { flow, reached, replays } = explore(model);

    it('maps every state to exactly one status', () => {
      for (const { path, node } of leafStates(flow.machine)) {
        const tags = [...node.tags].filter((t) => (CASE_STATUSES as readonly string[]).includes(t));
        const special = flow.statusOf?.(path, {} as CaseContext);
        expect({ path, count: special ? 1 : tags.length }).toEqual({ path, count: 1 });
      }
    });

    it('reaches every state and every final state', () => {
      const all = leafStates(flow.machine).map((s) => s.path);
      const reachedNames = [...reached].map((k) => (k.startsWith('{') ? flattenKey(JSON.parse(k)) : k));
      expect([...new Set(reachedNames)].sort()).toEqual(all.sort());
    });

    it('keeps the invariants on every step of every path, through JSON round trips', () => {
      for (const replay of replays) {
        const opening = model.openings.find((o) => o.name === replay.opening)!;
        let snapshot = roundTrip(
          startCase(model.flowId, opening.input, {
            today: opening.today,
            ...(opening.host ? { host: opening.host } : {}),
          }).snapshot,
        );
        checkInvariants(model, snapshot);
        for (const event of replay.events as any[]) {
          snapshot = roundTrip(
            sendEvent(snapshot, { type: event.type, payload: event.payload }, { today: event.today, host: event.host })
              .snapshot,
          );
          checkInvariants(model, snapshot);
        }
      }
      expect(replays.length).toBeGreaterThan(0);
    });

    it('never changes the state on a centre event', () => {
      for (const replay of replays) {
        const opening = model.openings.find((o) => o.name === replay.opening)!;
        let snapshot = startCase(model.flowId, opening.input, {
          today: opening.today,
          ...(opening.host ? { host: opening.host } : {}),
        }).snapshot;
        for (const event of replay.events as any[]) {
          const next = sendEvent(
            snapshot,
            { type: event.type, payload: event.payload },
            { today: event.today, host: event.host },
          ).snapshot;
          if (
            event.type.startsWith('case.') &&
            ['case.escalated', 'case.assigned', 'case.transferred', 'case.supervised'].includes(event.type)
          ) {
            expect(next.state).toEqual(snapshot.state);
          }
          snapshot = next;
        }
      }
    });
  });
});

function flattenKey(value: unknown): string {
  if (typeof value === 'string') return value;
  const [[key, child]] = Object.entries(value as Record<string, unknown>) as [[string, unknown]];
  return `${key}.${flattenKey(child)}`;
}
