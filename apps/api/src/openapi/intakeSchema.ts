import { intakeSpec, jsonSchemaOf, listFlows } from '@jiefen/flows';
import { intakeExampleOf } from './intakeExample.js';

/** `POST /cases` body: one schema per flow (`CaseIntake_<flow>`), told apart by `flow`. */
export function intakeSchemas(): Record<string, object> {
  const branches = Object.fromEntries(
    listFlows().map((flow) => {
      const schema = jsonSchemaOf(intakeSpec(flow.intake)) as { properties: object; required?: string[] };
      return [
        intakeSchemaName(flow.id),
        {
          ...schema,
          title: flow.id,
          description: `${flow.titleZh} ${flow.title} (${flow.basis})`,
          properties: {
            flow: { type: 'string', const: flow.id, description: `${flow.id} — ${flow.titleZh}` },
            ...schema.properties,
          },
          required: ['flow', ...(schema.required ?? [])],
          examples: [intakeExampleOf(flow)],
        },
      ];
    }),
  );
  const refs = Object.keys(branches).map((name) => `#/components/schemas/${name}`);
  return {
    ...branches,
    CaseIntake: {
      description: 'The case to open: the common intake fields and the flow’s own (flows.md "Intake").',
      oneOf: refs.map(($ref) => ({ $ref })),
      discriminator: {
        propertyName: 'flow',
        mapping: Object.fromEntries(listFlows().map((f) => [f.id, `#/components/schemas/${intakeSchemaName(f.id)}`])),
      },
    },
  };
}

/** The request-body examples of `POST /cases`, people-mediation's first (Swagger's default). */
export function intakeExamples(): Record<string, { summary: string; value: unknown }> {
  return Object.fromEntries(
    listFlows().map((flow) => [flow.id, { summary: `${flow.titleZh} ${flow.title}`, value: intakeExampleOf(flow) }]),
  );
}

export const intakeSchemaName = (flowId: string) => `CaseIntake_${pascal(flowId)}`;

/** `people-mediation` → `PeopleMediation`, `mediator.assigned` → `MediatorAssigned`. */
export const pascal = (id: string) =>
  id
    .split(/[-.]/)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
