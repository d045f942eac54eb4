import type { IsoDate } from '@jiefen/legal-time';
import type { AnyMachineSnapshot } from 'xstate';
import type { CaseContext } from './caseContext.js';
import type { CaseSnapshot } from './caseSnapshot.js';
import type { Deadline } from './deadlines.js';
import type { FlowDefinition } from './flowDefinition.js';
import { acceptedEventTypes, describeState, restoreSnapshot, stateName } from './machineSnapshot.js';
import { getFlow } from './registry.js';
import { CASE_STATUSES, type CaseStatus } from './vocabulary.js';

export interface CaseDescription {
  flowId: string;
  flowVersion: number;
  state: string;
  /** The state's Chinese term and gloss. */
  stateDescription: string | undefined;
  status: CaseStatus;
  final: boolean;
  /** Whether the case counts as accepted for the resolution rate, and since when. */
  acceptedOn: IsoDate | null;
  deadlines: Deadline[];
  /** Targets and windows that have passed while the case is still within their span. */
  overdue: boolean;
  allowedEvents: readonly string[];
  organizationId: string;
}

/** What a case is doing now: state, status, running deadlines and the events it accepts. */
export function describeCase(snapshot: CaseSnapshot): CaseDescription {
  const flow = getFlow(snapshot.flowId, snapshot.flowVersion);
  return describeMachineSnapshot(flow, restoreSnapshot(flow, snapshot));
}

/** `describeCase` of a machine snapshot already in hand (`sendEvent` describes its result). */
export function describeMachineSnapshot(flow: FlowDefinition, current: AnyMachineSnapshot): CaseDescription {
  const context = current.context as CaseContext;
  return {
    flowId: flow.id,
    flowVersion: flow.version,
    state: stateName(current.value),
    stateDescription: describeState(current),
    status: statusFromMachine(flow, current),
    final: current.status === 'done',
    acceptedOn: context.acceptedOn,
    deadlines: context.deadlines,
    overdue: context.deadlines.some((d) => d.status === 'expired'),
    allowedEvents: acceptedEventTypes(flow.machine, current),
    organizationId: context.organizationId,
  };
}

/** The status of the case's state (flows.md "Status and the resolution rate"). */
export function statusOf(flow: FlowDefinition, snapshot: CaseSnapshot): CaseStatus {
  return statusFromMachine(flow, restoreSnapshot(flow, snapshot));
}

export function statusFromMachine(flow: FlowDefinition, current: AnyMachineSnapshot): CaseStatus {
  const state = stateName(current.value);
  const special = flow.statusOf?.(state, current.context);
  if (special) return special;
  const status = CASE_STATUSES.find((s) => current.hasTag(s));
  if (!status) throw new Error(`state "${state}" of ${flow.id} has no status tag`);
  return status;
}
