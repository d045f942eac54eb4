import type { FlowDefinition } from './flowDefinition.js';
import { UnknownFlowError } from './UnknownFlowError.js';
import { peopleMediationV1 } from './flows/people-mediation/machine.js';
import { delegatedMediationV1 } from './flows/delegated-mediation/machine.js';
import { administrativeMediationV1 } from './flows/administrative-mediation/machine.js';
import { judicialConfirmationV1 } from './flows/judicial-confirmation/machine.js';
import { courtReferralV1 } from './flows/court-referral/machine.js';
import { petitionV1 } from './flows/petition/machine.js';

/**
 * Every version of every flow. A case stays on the version it started on: add a new version
 * beside the old one, never change a released machine in place. Built on first use, because
 * judicial confirmation looks flows up here to read a linked case (a cycle at load time).
 */
const releasedFlows = (): readonly FlowDefinition[] => [
  peopleMediationV1,
  delegatedMediationV1,
  administrativeMediationV1,
  judicialConfirmationV1,
  courtReferralV1,
  petitionV1,
];

let registry: Map<string, FlowDefinition[]> | undefined;

function flowsById(): Map<string, FlowDefinition[]> {
  if (!registry) {
    registry = new Map();
    releasedFlows().forEach(register);
  }
  return registry;
}

/**
 * Adds a flow version (a new release, or a host's local flow). Versions already registered are
 * never replaced, so running cases keep their machine.
 */
export function registerFlow(flow: FlowDefinition): void {
  flowsById();
  register(flow);
}

function register(flow: FlowDefinition): void {
  const versions = registry!.get(flow.id) ?? [];
  if (versions.some((f) => f.version === flow.version)) {
    throw new Error(`flow ${flow.id} version ${flow.version} is already registered`);
  }
  registry!.set(
    flow.id,
    [...versions, flow].sort((a, b) => a.version - b.version),
  );
}

/** The flow `id` at `version`, or its latest version. */
export function getFlow(id: string, version?: number): FlowDefinition {
  const versions = flowsById().get(id);
  if (!versions) throw new UnknownFlowError(id, undefined, [...flowsById().keys()]);
  const flow = version === undefined ? versions.at(-1) : versions.find((f) => f.version === version);
  if (!flow) throw new UnknownFlowError(id, version);
  return flow;
}

/** The latest version of every flow. */
export function listFlows(): FlowDefinition[] {
  return [...flowsById().values()].map((versions) => versions.at(-1)!);
}

/** Every registered version of every flow. */
export function listFlowVersions(): FlowDefinition[] {
  return [...flowsById().values()].flat();
}
