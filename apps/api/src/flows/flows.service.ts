import { Injectable } from '@nestjs/common';
import {
  flowStructure,
  flowToMermaid,
  getFlow,
  intakeSpec,
  jsonSchemaOf,
  listFlows,
  type FlowDefinition,
} from '@jiefen/flows';

/**
 * What a client needs to drive a flow: its states, events (with
 * payload schemas and senders), deadlines, rules and diagram.
 */
@Injectable()
export class FlowsService {
  list() {
    return listFlows().map((flow) => ({
      id: flow.id,
      version: flow.version,
      title: flow.title,
      titleZh: flow.titleZh,
      basis: flow.basis,
      states: flowStructure(flow).states.map((s) => s.name),
      events: Object.keys(flow.events),
    }));
  }

  get(id: string) {
    const flow = getFlow(id);
    let described = descriptions.get(flow);
    if (!described) descriptions.set(flow, (described = describe(flow)));
    return described;
  }
}

/** A flow version never changes once registered: its description is built once (the schemas as JSON, the diagram). */
const descriptions = new WeakMap<FlowDefinition, ReturnType<typeof describe>>();

function describe(flow: FlowDefinition) {
  const structure = flowStructure(flow);
  return {
    id: flow.id,
    version: flow.version,
    title: flow.title,
    titleZh: flow.titleZh,
    basis: flow.basis,
    initialState: structure.initial,
    states: structure.states,
    transitions: structure.transitions,
    events: Object.entries(flow.events).map(([type, spec]) => ({
      type,
      titleZh: spec.titleZh,
      description: spec.description,
      sentBy: spec.by,
      payloadSchema: jsonSchemaOf(spec.payload),
    })),
    intakeFields: Object.fromEntries(Object.entries(flow.intake).map(([k, v]) => [k, jsonSchemaOf(v)])),
    /** The whole `POST /cases` body for this flow (common fields and the flow's own), for a generated intake form. */
    intakeSchema: jsonSchemaOf(intakeSpec(flow.intake)),
    deadlines: flow.deadlines,
    rules: flow.rules,
    mermaid: flowToMermaid(flow),
  };
}
