import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { FlowDefinition } from './flowDefinition.js';
import { CASE_STATUSES, type CaseStatus } from './vocabulary.js';

export interface FlowStateInfo {
  name: string;
  /** Chinese name, from the state's `meta.titleZh` in its machine (e.g. 待受理). */
  titleZh: string;
  description: string | undefined;
  /** Null when the status depends on how the state was reached (see the flow's `statusOf`). */
  status: CaseStatus | null;
  final: boolean;
  events: string[];
}

export interface FlowTransitionInfo {
  from: string;
  event: string;
  to: string;
}

/** The states and state-changing transitions of a flow, read from its machine. */
export function flowStructure(flow: FlowDefinition): {
  initial: string;
  states: FlowStateInfo[];
  transitions: FlowTransitionInfo[];
} {
  const states: FlowStateInfo[] = [];
  const transitions: FlowTransitionInfo[] = [];
  for (const [name, node] of leafNodes(flow.machine)) {
    const events = new Set<string>();
    for (const [event, definitions] of Object.entries(transitionsOf(node))) {
      events.add(event);
      for (const definition of definitions) {
        for (const target of definition.target ?? []) {
          const to = pathOf(target);
          if (!transitions.some((t) => t.from === name && t.event === event && t.to === to))
            transitions.push({ from: name, event, to });
        }
      }
    }
    states.push({
      name,
      titleZh: titleOf(node),
      description: node.description,
      status: CASE_STATUSES.find((s) => node.tags.includes(s)) ?? null,
      final: node.type === 'final',
      events: node.type === 'final' ? [] : [...events],
    });
  }
  return { initial: initialOf(flow.machine), states, transitions };
}

/** A Mermaid `stateDiagram-v2` of the flow, generated from its machine. */
export function flowToMermaid(flow: FlowDefinition): string {
  const { initial, states, transitions } = flowStructure(flow);
  const id = (name: string) => name.replaceAll('.', '_');
  const lines = ['stateDiagram-v2', `  [*] --> ${id(initial)}`];
  for (const s of states)
    if (s.description) lines.push(`  ${id(s.name)} : ${s.name} — ${s.description.split(' — ')[0]}`);
  for (const t of transitions) lines.push(`  ${id(t.from)} --> ${id(t.to)} : ${t.event}`);
  for (const s of states) if (s.final) lines.push(`  ${id(s.name)} --> [*]`);
  return lines.join('\n');
}

/** A node of any flow's machine: xstate's own type, whose context and events differ per flow. */
type AnyNode = AnyStateNode;

/** Every leaf state carries `meta: { titleZh }`; a test over every registered flow holds them to it. */
function titleOf(node: AnyNode): string {
  const meta = node.meta as { titleZh?: unknown } | undefined;
  return typeof meta?.titleZh === 'string' ? meta.titleZh : '';
}

function leafNodes(machine: AnyStateMachine): [string, AnyNode][] {
  const walk = (node: AnyNode, prefix: string): [string, AnyNode][] => {
    const children = Object.entries(node.states ?? {}) as [string, AnyNode][];
    if (!children.length) return [[prefix, node]];
    return children.flatMap(([key, child]) => walk(child, prefix ? `${prefix}.${key}` : key));
  };
  return walk(machine.root as AnyNode, '');
}

/** Transitions of a leaf and of its ancestors below the root (the root holds the centre events). */
function transitionsOf(node: AnyNode): Record<string, { target?: readonly AnyNode[] }[]> {
  const all: Record<string, { target?: readonly AnyNode[] }[]> = {};
  for (let n: AnyNode | undefined = node; n && n.parent; n = n.parent) {
    for (const [event, definitions] of Object.entries(n.on as Record<string, { target?: readonly AnyNode[] }[]>)) {
      all[event] = [...(all[event] ?? []), ...definitions];
    }
  }
  return all;
}

function pathOf(node: AnyNode): string {
  return node.path.join('.');
}

function initialOf(machine: AnyStateMachine): string {
  let node = machine.root as AnyNode;
  const path: string[] = [];
  while (node.initial && node.initial.target.length) {
    node = node.initial.target[0] as AnyNode;
    path.push(node.key);
  }
  return path.join('.');
}
