import type { AnyStateMachine } from 'xstate';
import type { CaseContext, HostFacts } from './caseContext.js';
import { CENTRE_DEADLINES } from './centreDeadlines.js';
import { CENTRE_EVENTS, CENTRE_ORGANIZATION_FIELDS } from './centreEvents.js';
import { partyCorrectionSenders } from './flows/shared/partyCorrection.js';
import { COMMON_ORGANIZATION_FIELDS } from './intake.js';
import type { ObjectSpec, FieldSpec } from './schema.js';
import type { Rule } from './rules.js';
import type { ActorRole, CaseStatus, DeadlineSort, Sender } from './vocabulary.js';

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

/** How the host treats an organisation id in a payload or intake field (FlowDefinition.organizationFields). */
export type OrganizationFieldUse = 'handling' | 'reference';

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
  /** Roles that may open a case of this flow (flows.md "Who sends what"). */
  openedBy: readonly ActorRole[];
  /**
   * Payload or intake fields that hold an organisation id: 'handling' hands the case to that
   * organisation (its resolution target then applies), 'reference' only names one (a committee, a court).
   */
  organizationFields: Readonly<Record<string, OrganizationFieldUse>>;
  /** For a state whose status depends on how it was reached (petition `closed`). */
  statusOf?: (state: string, context: CaseContext) => CaseStatus | undefined;
}

/**
 * Completes a flow definition with what every flow has: the centre events (a party's correction
 * by the roles that open or handle the flow's cases), their deadlines
 * (supervision, the resolution target), and the organisation fields of those events and of the
 * common intake. A flow declares only its own.
 */
export function defineFlow(
  definition: Omit<FlowDefinition, 'events' | 'openingRules'> & {
    events: Record<string, EventSpec>;
    openingRules?: readonly OpeningRule[];
  },
): FlowDefinition {
  return {
    openingRules: [],
    ...definition,
    events: {
      ...definition.events,
      ...CENTRE_EVENTS,
      'party.corrected': {
        ...CENTRE_EVENTS['party.corrected'],
        by: partyCorrectionSenders(definition.openedBy, definition.events),
      },
    },
    deadlines: [
      ...definition.deadlines.filter((d) => !CENTRE_DEADLINES.some((c) => c.kind === d.kind)),
      ...CENTRE_DEADLINES,
    ],
    organizationFields: {
      ...definition.organizationFields,
      ...COMMON_ORGANIZATION_FIELDS,
      ...CENTRE_ORGANIZATION_FIELDS,
    },
  };
}
