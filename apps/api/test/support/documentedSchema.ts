import { Ajv2020 } from 'ajv/dist/2020.js';
import type { TestApp } from './testApp.js';

/**
 * Checks a response body against the schema the served OpenAPI document gives it
 * (`#/components/schemas/<name>`): the list of what does not match, empty when all does.
 */
export async function documentedSchema(t: TestApp): Promise<(name: string, value: unknown) => string[]> {
  const document = (await t.anonymous.get('/docs/openapi.json').expect(200)).body;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'openapi', components: document.components });
  return (name, value) => {
    const validate = ajv.compile({ $ref: `openapi#/components/schemas/${name}` });
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message}`);
  };
}
