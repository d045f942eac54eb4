import type { CaseContext } from './caseContext.js';
import type { Deadline } from './deadlines.js';
import type { Effect } from './effects.js';

interface ExecutableAction {
  type: string;
  params?: unknown;
}

/**
 * The host's to-do list after a transition: the effects the machine asked for, then the
 * deadline timers to set, move or cancel, computed from the deadlines before and after.
 */
export function collectEffects(
  before: readonly Deadline[],
  after: readonly Deadline[],
  actions: readonly ExecutableAction[],
): Effect[] {
  const effects: Effect[] = actions.filter((a) => a.type === 'effect').map((a) => a.params as Effect);
  for (const next of after) {
    const previous = before.find((d) => d.kind === next.kind);
    if (previous && previous.status === next.status && previous.dueOn === next.dueOn) continue;
    if (next.status === 'running') effects.push({ type: 'deadline.set', deadline: next });
    else if (next.status === 'paused') effects.push({ type: 'deadline.cleared', kind: next.kind });
    else if (previous?.status === 'running') {
      effects.push({ type: 'deadline.overdue', kind: next.kind, sort: next.sort, dueOn: previous.dueOn });
    }
  }
  for (const previous of before) {
    if (!after.some((d) => d.kind === previous.kind)) effects.push({ type: 'deadline.cleared', kind: previous.kind });
  }
  return effects;
}

export function deadlinesOf(context: CaseContext | undefined): readonly Deadline[] {
  return context?.deadlines ?? [];
}
