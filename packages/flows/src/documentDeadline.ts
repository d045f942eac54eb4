import type { DeadlineRule } from './deadlines.js';
import type { DeadlineSpec } from './flowDefinition.js';

/** What a documented deadline is read from: a rule constant, or a deadline whose last day someone sets. */
export type DeadlineSource = Pick<DeadlineRule, 'kind' | 'sort' | 'basis'>;

/**
 * A deadline kind as the flow documents it (FlowDefinition.deadlines), read from the rule
 * constants the machine starts it with, so the docs cannot drift from them: its kind, its sort
 * (the first rule's; a variant of another sort is named after its basis) and every basis it may cite.
 */
export function documentDeadline(
  rules: readonly [DeadlineSource, ...DeadlineSource[]],
  description: string,
): DeadlineSpec {
  const [first] = rules;
  const other = rules.find((r) => r.kind !== first.kind);
  if (other) throw new Error(`deadline ${first.kind} documented with a rule of kind ${other.kind}`);
  const bases = [...new Set(rules.map((r) => (r.sort === first.sort ? r.basis : `${r.basis} (${r.sort})`)))];
  return { kind: first.kind, sort: first.sort, basis: bases.join('; '), description };
}

const UNIT_NAMES: Record<DeadlineRule['unit'], [string, string]> = {
  day: ['day', 'days'],
  workingDay: ['working day', 'working days'],
  month: ['month', 'months'],
  year: ['year', 'years'],
};

/** A rule's length as a person reads it: `30 working days`, `1 month`. */
export function span(rule: Pick<DeadlineRule, 'length' | 'unit'>): string {
  const [one, many] = UNIT_NAMES[rule.unit];
  return `${rule.length} ${rule.length === 1 ? one : many}`;
}
