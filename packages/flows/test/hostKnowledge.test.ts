import { COMMON_INTAKE, listFlowVersions, type FlowDefinition } from '../src/index.js';

/** A field name that, by the naming rule of the contract, holds an organisation id. */
const ORGANIZATION_ID = /(OrganizationId|organizationId|committeeId|courtId)$/;

/**
 * The top-level field names of a payload or intake spec. The host reads organisation ids at the
 * top level only; the schema may describe an object by `fields` or by JSON Schema `properties`.
 */
function fieldNames(spec: unknown): string[] {
  const s = spec as { fields?: Record<string, unknown>; properties?: Record<string, unknown> };
  return Object.keys(s.properties ?? s.fields ?? {});
}

function organizationIdFields(flow: FlowDefinition): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (name: string, where: string) => {
    if (ORGANIZATION_ID.test(name)) found.set(name, [...(found.get(name) ?? []), where]);
  };
  for (const name of [...Object.keys(COMMON_INTAKE), ...Object.keys(flow.intake)]) note(name, 'intake');
  for (const [type, spec] of Object.entries(flow.events)) for (const name of fieldNames(spec.payload)) note(name, type);
  return found;
}

describe('what the host needs from every registered flow', () => {
  const flows = listFlowVersions();

  it.each(flows.map((f) => [`${f.id} v${f.version}`, f] as const))(
    '%s names the roles that may open it (openedBy)',
    (_, flow) => {
      expect(flow.openedBy.length).toBeGreaterThan(0);
      expect(new Set(flow.openedBy).size).toBe(flow.openedBy.length);
    },
  );

  it.each(flows.map((f) => [`${f.id} v${f.version}`, f] as const))(
    '%s declares every organisation id field of its payloads and intake in organizationFields',
    (_, flow) => {
      const undeclared = [...organizationIdFields(flow)].filter(([name]) => !(name in flow.organizationFields));
      expect(undeclared).toEqual([]);
    },
  );

  it.each(flows.map((f) => [`${f.id} v${f.version}`, f] as const))(
    '%s declares no organisation field it does not have',
    (_, flow) => {
      const present = organizationIdFields(flow);
      expect(Object.keys(flow.organizationFields).filter((name) => !present.has(name))).toEqual([]);
    },
  );

  it('marks the centre events’ fields and the receiving organisation as handing the case over', () => {
    for (const flow of flows) {
      expect(flow.organizationFields).toMatchObject({ toOrganizationId: 'handling', organizationId: 'handling' });
    }
  });
});
