import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { chineseNamesOf, namedValues } from './chineseNames.js';
import { eventSchemas } from './eventSchemas.js';
import { intakeSchemas } from './intakeSchema.js';
import { PROBLEM_SCHEMA, problemResponse, type ProblemStatus } from './problems.js';
import { RESPONSE_SCHEMAS } from './responseSchemas.js';
import { REPORT_SCHEMAS } from '../reports/reportSchemas.js';

const DESCRIPTION = [
  'Mediation and dispute-resolution cases (人民调解、委派调解、行政调解、司法确认、引导诉讼、信访): intake, events, ' +
    'deadlines on the official calendar.',
  '',
  'Sign in with `POST /api/v1/auth/token` and send the token as `Authorization: Bearer …`. Every error is ' +
    '`application/problem+json` with a stable `code` (schema `Problem`).',
  'A case moves by events (`POST /api/v1/cases/{id}/events`), one schema per flow and event type (`CaseEvent`); ' +
    '`GET /api/v1/flows/{id}` describes a flow’s states, events, deadlines and rules.',
].join('\n');

/** Tags in the order Swagger shows them, each with what it groups. */
const TAGS = [
  { name: 'auth', description: 'Sign in: a short-lived bearer token' },
  { name: 'me', description: 'Who you are: user, role, organisation and what you may do' },
  { name: 'cases', description: 'Cases: open one on a flow, send it events, read it and its audit trail' },
  {
    name: 'flows',
    description:
      'The flows (statecharts) a case can run on: states, events with their payload schemas, deadlines, rules',
  },
  { name: 'deadlines', description: 'Running deadlines of the cases in your scope: the work list' },
  { name: 'documents', description: 'The documents a case issued, and its dossier' },
  { name: 'reports', description: 'Statistics: the resolution rate' },
  {
    name: 'supervision',
    description: 'The supervisor’s board (督办台) of a subtree, and bulk reassignment of a mediator’s cases',
  },
  {
    name: 'return-visits',
    description: 'Return visits (回访) after an agreement or the end, their work queue, and the 防止民转刑 flag',
  },
  { name: 'organizations', description: 'The organisation tree: centres, committees, courts, offices' },
  { name: 'users', description: 'Accounts of your organisation and below (admin)' },
  {
    name: 'calendar',
    description: 'The State Council’s holiday schedule that legal periods count on (admin loads a year)',
  },
  { name: 'health', description: 'Liveness and database readiness' },
];

/** Operation ids: `<resource>.<handler>` (`cases.open`), unless the handler names its own in `@ApiOperation`. */
const operationIdOf = (controllerKey: string, methodKey: string) => {
  const resource = controllerKey.replace(/Controller$/, '');
  return `${resource[0]!.toLowerCase()}${resource.slice(1)}.${methodKey}`;
};

/** The OpenAPI 3.1 document of the API, served at /docs/openapi.json and checked by a validator in the tests. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Jiefen 解纷').setDescription(DESCRIPTION).setVersion('1').addBearerAuth().build(),
    { operationIdFactory: operationIdOf },
  );
  return completeDocument(document);
}

function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.openapi = '3.1.0';
  document.tags = TAGS;
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ...intakeSchemas(),
      ...eventSchemas(),
      ...RESPONSE_SCHEMAS,
      ...REPORT_SCHEMAS,
      Problem: PROBLEM_SCHEMA,
    } as never,
  };
  delete document.components.schemas!.SendEventDto;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      completeOperation(operation as Operation, `${method.toUpperCase()} ${path}`);
    }
  }
  uniqueOperationIds(document);
  return toOpenApi31(document) as OpenAPIObject;
}

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: unknown }>;
}

/** Every operation can give 400 (an unknown query parameter, malformed input) and 503; one behind a token, 401. */
function completeOperation(operation: Operation, name: string): void {
  const universal: ProblemStatus[] = [400, ...(operation.security?.length ? [401 as const] : []), 503];
  for (const status of universal) operation.responses[status] ??= problemResponse(status);
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response.description) throw new Error(`${name}: response ${status} has no description`);
    // Every error is problem+json (ProblemFilter), whatever the handler's decorator said of it.
    if (/^[45]/.test(status) && !response.content) response.content = problemResponse(400).content;
  }
}

/**
 * One handler served at several paths (`/health`, `/api/v1/health`):
 * the id stays on the API's path, the others get a suffix.
 */
function uniqueOperationIds(document: OpenAPIObject): void {
  const seen = new Map<string, number>();
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.values(item)
      .filter((o): o is Operation => !!o && typeof o === 'object' && 'responses' in o)
      .map((o) => ({ path, o })),
  );
  for (const { o } of operations.sort(
    (a, b) => Number(b.path.startsWith('/api/')) - Number(a.path.startsWith('/api/')),
  )) {
    if (!o.operationId) continue;
    const count = seen.get(o.operationId) ?? 0;
    seen.set(o.operationId, count + 1);
    if (count > 0) o.operationId = `${o.operationId}AtRoot`;
  }
}

/**
 * What @nestjs/swagger writes in the 3.0 dialect, in 3.1's (JSON Schema 2020-12): `nullable` becomes a
 * `null` type; and every enum of the contract's code tables gets its values' Chinese names.
 */
function toOpenApi31(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi31);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = toOpenApi31(value);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
  } else if (out.nullable === false) delete out.nullable;
  if (Array.isArray(out.enum)) {
    const names = chineseNamesOf(out.enum);
    if (names) {
      out['x-enum-descriptions'] = names;
      const listed = namedValues(out.enum as string[], names);
      out.description =
        typeof out.description === 'string' && out.description ? `${out.description}. ${listed}` : listed;
    }
  }
  return out;
}
