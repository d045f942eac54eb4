import { addDays } from '@jiefen/legal-time';
import type { CaseContext, HostFacts } from '../../src/index.js';

/** An event a model offers in a state; `today` and `host` default to the model's. */
export interface ModelEvent {
  type: string;
  payload?: Record<string, unknown>;
  today?: string;
  host?: HostFacts;
}

/**
 * What the path tests need to explore a flow: how cases open, and which events (valid ones and
 * ones a guard must refuse) to try in each state. The explorer keeps only those that move the case.
 */
export interface FlowModel {
  flowId: string;
  openings: { name: string; input: Record<string, unknown>; today: string; host?: HostFacts }[];
  events(state: string, context: CaseContext): ModelEvent[];
  /** Extra flow-specific invariants, checked after every step. */
  invariants?: ((state: string, context: CaseContext) => void)[];
}

/** The engine's `deadline.expired` for every running deadline, the day after its last day. */
export function expiryEvents(context: CaseContext): ModelEvent[] {
  return context.deadlines
    .filter((d) => d.status === 'running' && d.dueOn)
    .map((d) => ({ type: 'deadline.expired', payload: { kind: d.kind }, today: addDays(d.dueOn!, 1) }));
}

/** Centre events: they must never change a flow's state. */
export function centreEvents(): ModelEvent[] {
  return [
    {
      type: 'case.escalated',
      payload: { toOrganizationId: 'org-district', reason: '疑难' },
      host: { targetRelation: 'ancestor' },
    },
    {
      type: 'case.escalated',
      payload: { toOrganizationId: 'org-community', reason: '下放' },
      host: { targetRelation: 'descendant' },
    },
    {
      type: 'case.supervised',
      payload: { instructions: '限期化解', dueOn: '2026-12-31' },
      host: { actorRelation: 'ancestor' },
    },
    { type: 'supervision.answered', payload: { note: '已化解' } },
  ];
}
