import type { AnyStateMachine } from 'xstate';
import type { CaseContext, HostFacts } from './caseContext.js';
import { CENTRE_EVENTS } from './centreEvents.js';
import type { ObjectSpec, FieldSpec } from './schema.js';
import type { Rule } from './rules.js';
import type { CaseStatus, DeadlineSort, Sender } from './vocabulary.js';

/** One event type a flow accepts: its payload, who may send it, what it means. */
export interface EventSpec {
  /** Chinese name a person reads on a button or in a timeline, e.g. 受理, 选定调解员 (docs/glossary.md). */
  titleZh: string;
  description: string;
  by: readonly Sender[];
  payload: ObjectSpec;
}

/** A deadline kind a flow can set, for documentation and the service's work lists. */
export interface DeadlineSpec {
  kind: string;
  sort: DeadlineSort;
  basis: string;
  description: string;
}

/** A rule checked when a case opens; `violated` returns true when the case must not open. */
export interface OpeningRule {
  rule: Rule;
  violated: (context: CaseContext, host: HostFacts) => boolean;
}

/** A flow: id and version, its machine, its vocabulary, and the rules it enforces. */
export interface FlowDefinition {
  id: string;
  version: number;
  title: string;
  /** Chinese name, e.g. 人民调解. */
  titleZh: string;
  basis: string;
  machine: AnyStateMachine;
  /** Intake fields beyond the common ones (flows.md "Intake"). */
  intake: Record<string, FieldSpec>;
  events: Record<string, EventSpec>;
  deadlines: readonly DeadlineSpec[];
  rules: readonly Rule[];
  openingRules: readonly OpeningRule[];
  /** For a state whose status depends on how it was reached (petition `closed`). */
  statusOf?: (state: string, context: CaseContext) => CaseStatus | undefined;
}

/** Completes a flow definition with the events every flow accepts. */
export function defineFlow(
  definition: Omit<FlowDefinition, 'events' | 'openingRules'> & {
    events: Record<string, EventSpec>;
    openingRules?: readonly OpeningRule[];
  },
): FlowDefinition {
  return { openingRules: [], ...definition, events: { ...definition.events, ...CENTRE_EVENTS } };
}
