import type { FlowDefinition } from './flowDefinition.js';
import { UnknownFlowError } from './UnknownFlowError.js';
import { peopleMediationV1 } from './peopleMediation.machine.js';

/**
 * Every version of every flow. A case stays on the version it started on: add a new version
 * beside the old one, never change a released machine in place.
 */
const ALL_FLOWS: readonly FlowDefinition[] = [
  peopleMediationV1,
];

const byId = new Map<string, FlowDefinition[]>();
ALL_FLOWS.forEach(registerFlow);

/**
 * Adds a flow version (a new release, or a host's local flow). Versions already registered are
 * never replaced, so running cases keep their machine.
 */
export function registerFlow(flow: FlowDefinition): void {
  const versions = byId.get(flow.id) ?? [];
  if (versions.some((f) => f.version === flow.version)) {
    throw new Error(`flow ${flow.id} version ${flow.version} is already registered`);
  }
  byId.set(flow.id, [...versions, flow].sort((a, b) => a.version - b.version));
}

/** The flow `id` at `version`, or its latest version. */
export function getFlow(id: string, version?: number): FlowDefinition {
  const versions = byId.get(id);
  if (!versions) throw new UnknownFlowError(id, undefined, [...byId.keys()]);
  const flow = version === undefined ? versions.at(-1) : versions.find((f) => f.version === version);
  if (!flow) throw new UnknownFlowError(id, version);
  return flow;
}

/** The latest version of every flow. */
export function listFlows(): FlowDefinition[] {
  return [...byId.values()].map((versions) => versions.at(-1)!);
}

/** Every registered version of every flow. */
export function listFlowVersions(): FlowDefinition[] {
  return [...byId.values()].flat();
}
