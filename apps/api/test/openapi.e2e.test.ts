import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createJiefenClient, signIn, type JiefenClient } from '@jiefen/client';
import { getFlow, listFlows, validateObject, intakeSpec } from '@jiefen/flows';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { namedValues } from '../src/openapi/chineseNames.js';
import { eventSchemaName, flowUnionName } from '../src/openapi/eventSchemas.js';
import { intakeSchemaName } from '../src/openapi/intakeSchema.js';
import { anIntake, DEMO } from './support/factories.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/testApp.js';

/** The document the client package is generated from; JIEFEN_UPDATE_OPENAPI=1 rewrites it from the service. */
const CLIENT_DOCUMENT = new URL('../../../packages/client/openapi.json', import.meta.url);

type Json = Record<string, any>;
let t: TestApp;
let document: Json;
let baseUrl: string;
const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );

beforeAll(async () => {
  t = await startTestApp();
  document = (await t.anonymous.get('/docs/openapi.json').expect(200)).body;
  const server = t.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

/**
 * A served schema without the Chinese names the document gives each code table's values (`x-enum-descriptions`, and the
 * same in `description`).
 */
function withoutChineseNames(node: unknown): Json {
  if (Array.isArray(node)) return node.map(withoutChineseNames) as unknown as Json;
  if (!node || typeof node !== 'object') return node as Json;
  const out: Json = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withoutChineseNames(value)]));
  if (Array.isArray(out['x-enum-descriptions'])) {
    const listed = namedValues(out.enum, out['x-enum-descriptions']);
    delete out['x-enum-descriptions'];
    if (out.description === listed) delete out.description;
    else out.description = String(out.description).replace(`. ${listed}`, '');
  }
  return out;
}

/** Validates values against the document's own schemas (JSON Schema 2020-12, OpenAPI 3.1's dialect). */
function schemaValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'openapi', components: document.components });
  const absolute = (schema: unknown) =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
  return (schema: unknown, value: unknown): string[] => {
    const validate = ajv.compile(absolute(schema));
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for a real validator (swagger-parser)', async () => {
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('is the document the typed client (packages/client) was generated from', () => {
    if (process.env.JIEFEN_UPDATE_OPENAPI === '1')
      writeFileSync(CLIENT_DOCUMENT, `${JSON.stringify(document, null, 2)}\n`);
    const committed = JSON.parse(readFileSync(CLIENT_DOCUMENT, 'utf8'));
    // On a difference: JIEFEN_UPDATE_OPENAPI=1 jest apps/api/test/openapi.e2e.test.ts, then pnpm --filter
    // @jiefen/client generate.
    expect(document).toEqual(committed);
  });

  it('gives each operation a stable operationId, summary, description, described tag, 2xx response with schema', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'cases.open',
        'cases.sendEvent',
        'cases.get',
        'cases.list',
        'cases.events',
        'flows.get',
        'auth.token',
        'me.get',
      ]),
    );
    const tags = new Set(document.tags.map((tag: Json) => tag.name));
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, operation.operationId]).toEqual([
        where,
        expect.stringMatching(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/),
      ]);
      expect([where, operation.summary, operation.description]).toEqual([
        where,
        expect.any(String),
        expect.any(String),
      ]);
      expect([where, operation.tags.every((tag: string) => tags.has(tag))]).toEqual([where, true]);
      const success = Object.entries(operation.responses as Record<string, Json>).filter(([status]) =>
        status.startsWith('2'),
      );
      expect([where, success.length]).toEqual([where, 1]);
      const content: Record<string, Json> = success[0]![1].content ?? {};
      expect([where, Object.values(content).some((media) => media.schema)]).toEqual([where, true]);
    }
    for (const tag of document.tags) expect([tag.name, tag.description]).toEqual([tag.name, expect.any(String)]);
  });

  it('documents problem+json errors: 400 and 503 everywhere, 401 behind a token, and each operation’s statuses', () => {
    for (const { path, method, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      const expected = ['400', '503', ...(operation.security?.length ? ['401'] : [])];
      expect([method, path, expected.every((s) => statuses.includes(s))]).toEqual([method, path, true]);
      for (const status of statuses.filter((s) => /^4/.test(s))) {
        expect(operation.responses[status].content['application/problem+json'].schema).toEqual({
          $ref: '#/components/schemas/Problem',
        });
      }
    }
    const send = document.paths['/api/v1/cases/{id}/events'].post;
    expect(Object.keys(send.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '412', '422', '503']);
    expect(document.paths['/api/v1/auth/token'].post.responses).toHaveProperty('429');
  });

  it('carries the Chinese names of the code tables’ values: neighbour — 邻里纠纷', () => {
    const category = document.components.schemas[intakeSchemaName('people-mediation')].properties.category;
    expect(category['x-enum-descriptions'][category.enum.indexOf('neighbour')]).toBe('邻里纠纷');
    expect(category.description).toContain('neighbour — 邻里纠纷');
    const channel = document.components.schemas[intakeSchemaName('petition')].properties.channel;
    expect(channel.description).toContain('hotline12345 — 12345热线');
    const party =
      document.components.schemas[intakeSchemaName('people-mediation')].properties.parties.items.properties.role;
    expect(party.description).toContain('respondent — 被申请人');
    expect(document.components.schemas.CaseView.properties.status.description).toContain('resolved — 化解成功');
    expect(document.components.schemas.CaseView.properties.state.description).toContain(
      'people-mediation: pendingAcceptance — 待受理',
    );
    expect(document.components.schemas.User.properties.role.description).toContain('mediator — 调解员');
    const listCategory = document.paths['/api/v1/cases'].get.parameters.find((p: Json) => p.name === 'category');
    expect(listCategory.schema.description).toContain('medical — 医疗纠纷');
  });
});

describe('event payloads in the document', () => {
  it('give each event type its own schema, a union on `type` per flow, generated from the flow’s spec', () => {
    const schemas = document.components.schemas;
    expect(schemas.CaseEvent.anyOf).toHaveLength(listFlows().length);
    for (const flow of listFlows()) {
      const union = schemas[flowUnionName(flow.id)];
      expect(union.discriminator.propertyName).toBe('type');
      expect(Object.keys(union.discriminator.mapping).sort()).toEqual(Object.keys(flow.events).sort());
      for (const [type, spec] of Object.entries(flow.events)) {
        const branch = schemas[eventSchemaName(flow.id, type)];
        expect(branch.properties.type).toMatchObject({ const: type, description: `${type} — ${spec.titleZh}` });
        expect(Object.keys(branch.properties.payload.properties ?? {}).sort()).toEqual(
          Object.keys(spec.payload.properties).sort(),
        );
      }
    }
    // One event type, two payloads: the union is per flow.
    expect(schemas.PeopleMediation_MediatorAssigned.properties.payload.properties.chosenBy.enum).toEqual([
      'committee',
      'parties',
    ]);
    expect(schemas.DelegatedMediation_MediatorAssigned.properties.payload.properties.chosenBy.enum).toEqual([
      'parties',
      'organization',
      'court',
    ]);
  });

  it('serve each payload and intake as the very schema the flows library checks with (TypeBox markers aside)', () => {
    const schemas = document.components.schemas;
    // The markers TypeBox keeps on its schemas are not enumerable: JSON, and so the document, leaves them out.
    const asJson = (schema: object) => JSON.parse(JSON.stringify(schema));
    const agreement = getFlow('people-mediation').events['agreement.signed']!.payload;
    expect(Object.getOwnPropertyNames(agreement)).toContain('~kind');
    expect(schemas.PeopleMediation_AgreementSigned.properties.payload).toEqual(asJson(agreement));
    expect(schemas.PeopleMediation_AgreementSigned.properties.payload).not.toHaveProperty('~kind');
    for (const flow of listFlows()) {
      for (const [type, spec] of Object.entries(flow.events)) {
        expect([flow.id, type, schemas[eventSchemaName(flow.id, type)].properties.payload]).toEqual([
          flow.id,
          type,
          asJson(spec.payload),
        ]);
      }
      // The intake as served, less what the branch adds (`flow`, title, examples) and the Chinese names of code tables.
      const {
        title: _title,
        description: _description,
        examples: _examples,
        properties,
        required,
        ...intake
      } = withoutChineseNames(schemas[intakeSchemaName(flow.id)]);
      const { flow: _flow, ...fields } = properties;
      expect({ ...intake, properties: fields, required: required.filter((name: string) => name !== 'flow') }).toEqual(
        asJson(intakeSpec(flow.intake)),
      );
    }
  });

  it('give every event a realistic example that the flow’s own validator and the schema both accept', () => {
    const check = schemaValidator();
    for (const flow of listFlows()) {
      for (const [type, spec] of Object.entries(flow.events)) {
        const branch = document.components.schemas[eventSchemaName(flow.id, type)];
        const [example] = branch.examples;
        expect([flow.id, type, validateObject(spec.payload, example.payload ?? {})]).toEqual([flow.id, type, []]);
        expect([
          flow.id,
          type,
          check({ $ref: `#/components/schemas/${eventSchemaName(flow.id, type)}` }, example),
        ]).toEqual([flow.id, type, []]);
        expect([flow.id, type, check({ $ref: '#/components/schemas/CaseEvent' }, example)]).toEqual([
          flow.id,
          type,
          [],
        ]);
      }
    }
    const examples = document.paths['/api/v1/cases/{id}/events'].post.requestBody.content['application/json'].examples;
    expect(Object.keys(examples)).toHaveLength(listFlows().reduce((n, f) => n + Object.keys(f.events).length, 0));
    expect(examples['people-mediation: mediator.assigned'].value).toEqual({
      type: 'mediator.assigned',
      payload: { mediatorId: '00000000-0000-4000-8000-0000000000a2', chosenBy: 'committee' },
    });
  });

  it('give every flow an intake example that its validator and the schema accept', () => {
    const check = schemaValidator();
    const examples = document.paths['/api/v1/cases'].post.requestBody.content['application/json'].examples;
    for (const flow of listFlows()) {
      const { flow: id, ...intake } = examples[flow.id].value;
      expect(id).toBe(flow.id);
      expect([flow.id, validateObject(intakeSpec(getFlow(flow.id).intake), intake)]).toEqual([flow.id, []]);
      expect([flow.id, check({ $ref: '#/components/schemas/CaseIntake' }, examples[flow.id].value)]).toEqual([
        flow.id,
        [],
      ]);
    }
  });

  it('make Swagger’s defaults work: the first intake example opens a case, the first event one is taken', async () => {
    const intakeExamples: Record<string, Json> =
      document.paths['/api/v1/cases'].post.requestBody.content['application/json'].examples;
    const eventExamples: Record<string, Json> =
      document.paths['/api/v1/cases/{id}/events'].post.requestBody.content['application/json'].examples;
    const reception = await t.as('reception');
    const opened = await reception.post('/api/v1/cases').send(Object.values(intakeExamples)[0]!.value).expect(201);
    const mediator = await t.as('mediator');
    const sent = await mediator
      .post(`/api/v1/cases/${opened.body.id}/events`)
      .send(Object.values(eventExamples)[0]!.value)
      .expect(200);
    expect(sent.body.state).toBe('awaitingMediator');
    // And the next step of the README tour, from its example too.
    await mediator
      .post(`/api/v1/cases/${opened.body.id}/events`)
      .send(eventExamples['people-mediation: mediator.assigned']!.value)
      .expect(200);
  });
});

describe('the typed client (packages/client) against the service', () => {
  let api: JiefenClient;
  beforeAll(async () => {
    const token = await signIn(createJiefenClient({ baseUrl }), 'city-mediator', DEMO_PASSWORD);
    api = createJiefenClient({ baseUrl, token });
  });

  it('opens a case, sends it events and reads it back, each answer valid against the documented schema', async () => {
    const check = schemaValidator();
    const opened = await api.POST('/api/v1/cases', { body: anIntake() as never });
    expect(opened.response.status).toBe(201);
    expect(check({ $ref: '#/components/schemas/CaseView' }, opened.data)).toEqual([]);
    const id = opened.data!.id;
    const accepted = await api.POST('/api/v1/cases/{id}/events', {
      params: { path: { id } },
      body: { type: 'application.accepted' },
    });
    expect(accepted.data?.state).toBe('awaitingMediator');
    expect(accepted.response.headers.get('etag')).toBe('"2"');
    expect(check({ $ref: '#/components/schemas/CaseView' }, accepted.data)).toEqual([]);
    const read = await api.GET('/api/v1/cases/{id}', { params: { path: { id } } });
    expect(check({ $ref: '#/components/schemas/CaseView' }, read.data)).toEqual([]);
    expect(read.data?.deadlines[0]?.kind).toBe('mediationPeriod');
    const trail = await api.GET('/api/v1/cases/{id}/events', { params: { path: { id } } });
    expect(trail.data?.items.map((e) => e.type)).toEqual(['case.opened', 'application.accepted']);
    expect(check({ $ref: '#/components/schemas/CaseTrail' }, trail.data)).toEqual([]);
    const documents = await api.GET('/api/v1/cases/{id}/documents', { params: { path: { id } } });
    expect(documents.data?.items.map((d) => d.kind)).toContain('acceptanceNotice');
    expect(check({ $ref: '#/components/schemas/DocumentList' }, documents.data)).toEqual([]);
    const page = await api.GET('/api/v1/cases', { params: { query: { limit: 5 } } });
    expect(check({ $ref: '#/components/schemas/CasePage' }, page.data)).toEqual([]);
  });

  it('gets every error as a documented status with a body valid against Problem', async () => {
    const check = schemaValidator();
    const id = (await api.POST('/api/v1/cases', { body: anIntake() as never })).data!.id;
    const attempts = [
      {
        operation: 'cases.sendEvent',
        answer: await api.POST('/api/v1/cases/{id}/events', {
          params: { path: { id } },
          body: { type: 'performance.confirmed' },
        }),
      },
      {
        operation: 'cases.sendEvent',
        answer: await api.POST('/api/v1/cases/{id}/events', {
          params: { path: { id } },
          body: { type: 'case.withdrawn', payload: { partyId: 'p2' } },
        }),
      },
      {
        operation: 'cases.sendEvent',
        answer: await api.POST('/api/v1/cases/{id}/events', {
          params: { path: { id }, header: { 'If-Match': '"7"' } },
          body: { type: 'application.accepted' },
        }),
      },
      {
        operation: 'cases.get',
        answer: await api.GET('/api/v1/cases/{id}', {
          params: { path: { id: '00000000-0000-4000-8000-000000000999' } },
        }),
      },
      { operation: 'cases.list', answer: await createJiefenClient({ baseUrl }).GET('/api/v1/cases', {}) },
      {
        operation: 'reports.resolutionRate',
        answer: await api.GET('/api/v1/reports/resolution-rate', { params: { query: { year: 2026 } } }),
      },
      {
        operation: 'organizations.create',
        answer: await api.POST('/api/v1/organizations', { body: { name: 'x' } as never }),
      },
    ];
    const statuses = attempts.map(({ answer }) => answer.response.status);
    expect(statuses).toEqual([409, 422, 412, 404, 401, 403, 403]);
    for (const { operation, answer } of attempts) {
      const documented = operations().find((o) => o.operation.operationId === operation)!.operation.responses;
      expect([operation, answer.response.status, String(answer.response.status) in documented]).toEqual([
        operation,
        answer.response.status,
        true,
      ]);
      expect(answer.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(check({ $ref: '#/components/schemas/Problem' }, answer.error)).toEqual([]);
    }
  });

  it('reads the other resources, each valid against its documented schema', async () => {
    const check = schemaValidator();
    const admin = createJiefenClient({
      baseUrl,
      token: await signIn(createJiefenClient({ baseUrl }), 'admin', DEMO_PASSWORD),
    });
    const supervisor = createJiefenClient({
      baseUrl,
      token: await signIn(createJiefenClient({ baseUrl }), 'supervisor', DEMO_PASSWORD),
    });
    const answers: [string, { data?: unknown; response: Response }][] = [
      ['FlowSummary[]', await api.GET('/api/v1/flows')],
      ['FlowDetail', await api.GET('/api/v1/flows/{id}', { params: { path: { id: 'people-mediation' } } })],
      ['DeadlineList', await api.GET('/api/v1/deadlines')],
      ['Me', await api.GET('/api/v1/me')],
      ['OrganizationNode[]', await admin.GET('/api/v1/organizations')],
      ['User[]', await admin.GET('/api/v1/users')],
      [
        'ResolutionRate',
        await supervisor.GET('/api/v1/reports/resolution-rate', {
          params: { query: { year: 2026, organizationId: DEMO.xuanwu } },
        }),
      ],
      ['CalendarYears', await admin.GET('/api/v1/calendar/years')],
      ['CalendarYear', await admin.GET('/api/v1/calendar/years/{year}', { params: { path: { year: 2026 } } })],
      ['Health', await api.GET('/api/v1/health')],
    ];
    for (const [name, answer] of answers) {
      expect([name, answer.response.status]).toEqual([name, 200]);
      const schema = name.endsWith('[]')
        ? { type: 'array', items: { $ref: `#/components/schemas/${name.slice(0, -2)}` } }
        : { $ref: `#/components/schemas/${name}` };
      expect([name, check(schema, answer.data)]).toEqual([name, []]);
    }
  });
});
