import { jsonSchemaOf, listFlows, type EventSpec, type FlowDefinition } from '@jiefen/flows';
import { pascal } from './intakeSchema.js';
import { exampleOf } from './payloadExample.js';

/**
 * `POST /cases/{id}/events` bodies, generated from the flows' event specs: per flow, a union of
 * one schema per event type told apart by `type` (`PeopleMediationEvent` → `PeopleMediation_MediatorAssigned`),
 * and `CaseEvent`, any of those unions — the case's flow decides which one applies, since one
 * event type (e.g. `mediator.assigned`) takes a different payload in different flows.
 */
export function eventSchemas(): Record<string, object> {
  const schemas: Record<string, object> = {};
  for (const flow of listFlows()) {
    const mapping: Record<string, string> = {};
    for (const [type, spec] of Object.entries(flow.events)) {
      const name = eventSchemaName(flow.id, type);
      schemas[name] = eventSchema(flow, type, spec);
      mapping[type] = `#/components/schemas/${name}`;
    }
    schemas[flowUnionName(flow.id)] = {
      description:
        `An event for a ${flow.id} case (${flow.titleZh}): one schema per event ` + `type, told apart by \`type\`.`,
      oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
      discriminator: { propertyName: 'type', mapping },
    };
  }
  schemas.CaseEvent = {
    description:
      'An event to send to a case. Which union applies is the case’s flow’s (`flow.id` of the ' +
      'case); see also `GET /flows/{id}`.',
    anyOf: listFlows().map((flow) => ({ $ref: `#/components/schemas/${flowUnionName(flow.id)}` })),
  };
  return schemas;
}

function eventSchema(flow: FlowDefinition, type: string, spec: EventSpec): object {
  // The library's schema object itself, as JSON: what validates the payload is what is documented.
  const payload = jsonSchemaOf(spec.payload) as { required?: string[] };
  const example = exampleFor(spec, type);
  return {
    type: 'object',
    title: `${flow.id}: ${type}`,
    description: `${spec.titleZh}: ${spec.description}. Sent by: ${spec.by.join(', ')}.`,
    additionalProperties: false,
    required: payload.required?.length ? ['type', 'payload'] : ['type'],
    properties: {
      type: { type: 'string', const: type, description: `${type} — ${spec.titleZh}` },
      payload,
    },
    examples: [example],
  };
}

/** One event's example body: `{ type }` alone when its payload has no fields. */
export function exampleFor(spec: EventSpec, type = ''): { type: string; payload?: Record<string, unknown> } {
  const payload = exampleOf(spec.payload);
  return Object.keys(spec.payload.properties).length ? { type, payload } : { type };
}

/**
 * The request-body examples of `POST /cases/{id}/events`, one per flow and event type. The first is
 * the first event of people-mediation (`application.accepted`), which a case just opened accepts:
 * Swagger's default body works as is.
 */
export function eventExamples(): Record<string, { summary: string; value: unknown }> {
  const examples: Record<string, { summary: string; value: unknown }> = {};
  for (const flow of listFlows()) {
    for (const [type, spec] of Object.entries(flow.events)) {
      examples[`${flow.id}: ${type}`] = {
        summary: `${flow.titleZh} ${spec.titleZh} (${flow.id}: ${type})`,
        value: exampleFor(spec, type),
      };
    }
  }
  return examples;
}

export const eventSchemaName = (flowId: string, type: string) => `${pascal(flowId)}_${pascal(type)}`;
export const flowUnionName = (flowId: string) => `${pascal(flowId)}Event`;
