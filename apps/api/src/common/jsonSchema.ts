import type { FieldSpec } from '@jiefen/flows';

/** The JSON Schema (OpenAPI 3.1 dialect) of a payload spec, for the OpenAPI document. */
export function jsonSchemaOf(field: FieldSpec): Record<string, unknown> {
  const described = field.description ? { description: field.description } : {};
  switch (field.kind) {
    case 'string':
      return { type: 'string', minLength: field.minLength ?? 0, maxLength: field.maxLength, ...(field.pattern ? { pattern: field.pattern } : {}), ...(field.format ? { 'x-format': field.format } : {}), ...described };
    case 'enum':
      return { type: 'string', enum: [...field.values], ...described };
    case 'date':
      return { type: 'string', format: 'date', ...described };
    case 'integer':
      return { type: 'integer', minimum: field.min, maximum: field.max, ...described };
    case 'decimal':
      return { type: 'string', pattern: '^(0|[1-9]\\d{0,14})(\\.\\d{1,2})?$', example: '12000.50', ...described };
    case 'boolean':
      return { type: 'boolean', ...described };
    case 'array':
      return { type: 'array', items: jsonSchemaOf(field.items), minItems: field.minItems ?? 0, maxItems: field.maxItems, ...described };
    case 'object':
      return {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(field.fields).map(([k, v]) => [k, jsonSchemaOf(v)])),
        required: Object.entries(field.fields).filter(([, v]) => !v.optional).map(([k]) => k),
        ...described,
      };
  }
}
