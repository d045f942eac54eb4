import type { JsonSchema } from '../api/types';

/** The empty value a generated form starts from. */
export function initialValue(schema: JsonSchema, required = true): unknown {
  if (schema.type === 'object') {
    if (!required) return undefined;
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([k, s]) => [
        k,
        initialValue(s, schema.required?.includes(k) ?? false),
      ]),
    );
  }
  if (schema.type === 'array') {
    // An optional list starts empty, even when it needs at least one item once given.
    const min = required ? (schema.minItems ?? 0) : 0;
    return schema.items?.type === 'object' ? Array.from({ length: min }, () => initialValue(schema.items!)) : [];
  }
  if (schema.type === 'boolean') return required ? false : undefined;
  if (schema.type === 'integer') return undefined;
  return '';
}

/** What is sent: empty optional fields left out, so that the service applies its defaults. */
export function cleanValue(schema: JsonSchema, value: unknown): unknown {
  if (value === '' || value === null || value === undefined) return undefined;
  if (schema.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(schema.properties ?? {})
      .map(([k, s]) => [k, cleanValue(s, (value as Record<string, unknown>)[k])] as const)
      // An optional list left empty is left out (the service's default applies), not sent as [].
      .filter(([k, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0 && !schema.required?.includes(k)));
    return Object.fromEntries(entries);
  }
  if (schema.type === 'array' && Array.isArray(value))
    return value.map((item) => cleanValue(schema.items ?? {}, item)).filter((v) => v !== undefined);
  return value;
}

/** Field names whose value is the id of a party of this case. */
export const PARTY_ID_FIELDS = new Set(['partyId', 'obligorPartyId', 'applicantPartyId']);
export const PARTY_ID_LIST_FIELDS = new Set(['partyIds', 'boundPartyIds', 'applicantPartyIds', 'consentingPartyIds']);
/** Field names whose value is a user id; a mediator is offered themselves. */
export const USER_ID_FIELDS = new Set(['mediatorId']);
export const ORGANIZATION_FIELDS = new Set(['organizationId', 'toOrganizationId']);

/** Server paths (`parties[0].idNumber`, `payload.terms[0].amount`) as the form names them. */
export function normalisePath(path: string): string {
  return path.replace(/^payload\.?/, '');
}
