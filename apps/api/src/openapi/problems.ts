import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_CODES } from '../common/errors/errorCode.js';

/** The error statuses an operation declares beside the ones every operation can give (see `openApiDocument.ts`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 503;

export const PROBLEM_SCHEMA_REF = '#/components/schemas/Problem';

/** What each status means in this API, with the codes `ProblemFilter` answers it with. */
export const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400:
    '`VALIDATION_FAILED`: the body, a parameter or the query is invalid (an unknown query parameter too); ' +
    '`errors` names every bad field',
  401: '`UNAUTHENTICATED`: no bearer token, or an expired or revoked one (sign in with `POST /auth/token`)',
  403: '`FORBIDDEN`: your role may not do this, or not at that organisation',
  404:
    '`NOT_FOUND`, `CASE_NOT_FOUND` or `FLOW_NOT_FOUND`: no such resource — a case outside your ' +
    'organisation’s scope is not found either',
  409:
    '`EVENT_NOT_ALLOWED` (the case’s state does not accept the event; `allowedEvents` lists what it does), ' +
    '`IDEMPOTENCY_KEY_REUSED`, `CALENDAR_YEAR_EXISTS`, `ORGANIZATION_IN_USE` (a deactivation refused while the ' +
    'organisation has open cases, active users or active organisations below it), `DOCUMENT_NOT_ISSUED` or ' +
    '`DOCUMENT_ALREADY_CORRECTED` (a correction of a document not yet produced, or of one already replaced)',
  412: '`VERSION_CONFLICT`: `If-Match` names a version the case has moved past; `currentVersion` says where it is',
  413: '`PAYLOAD_TOO_LARGE`: the body exceeds the size limit',
  415: '`UNSUPPORTED_MEDIA_TYPE`: the body must be UTF-8 `application/json`',
  422:
    '`RULE_VIOLATED`: a legal rule refuses this; `rule` is its stable code and `basis` the article it rests on. ' +
    '`ORGANIZATION_INACTIVE`: the organisation named is deactivated and takes no new cases',
  429: '`TOO_MANY_REQUESTS`: too many attempts; wait for `Retry-After` seconds',
  503:
    '`SERVICE_UNAVAILABLE`: the database cannot be reached; retry after `Retry-After` seconds (an ' +
    '`Idempotency-Key` makes a retried event safe)',
};

/** RFC 9457 problem details with the API's stable `code` and the members some codes add. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'Every error: `application/problem+json` (RFC 9457) with a stable `code`; never a stack trace or SQL.',
  required: ['type', 'title', 'status', 'code', 'detail', 'instance'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://jiefen.dev/problems/rule-violated' },
    title: { type: 'string', example: 'A legal rule refuses this' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 422 },
    code: { type: 'string', enum: [...ERROR_CODES] },
    detail: { type: 'string', description: 'what happened and to what, in English' },
    instance: { type: 'string', description: 'the request path (ID numbers and phones in it masked)' },
    errors: {
      type: 'array',
      description: '`VALIDATION_FAILED`: every bad field',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', example: 'payload.mediatorId' },
          message: { type: 'string', example: 'is required' },
        },
      },
    },
    rule: {
      type: 'string',
      description: '`RULE_VIOLATED`: the rule’s stable code',
      example: 'WRITTEN_AGREEMENT_UNSIGNED',
    },
    basis: { type: 'string', description: '`RULE_VIOLATED`: the article the rule rests on', example: 'PML Art. 29' },
    state: { type: 'string', description: 'the case’s state when it refused the event' },
    eventType: { type: 'string' },
    allowedEvents: {
      type: 'array',
      items: { type: 'string' },
      description: '`EVENT_NOT_ALLOWED`: the events the state accepts',
    },
    caseId: { type: 'string' },
    expectedVersion: { type: 'integer' },
    currentVersion: { type: 'integer' },
  },
  additionalProperties: true,
} as const;

export const problemResponse = (status: ProblemStatus) => ({
  description: PROBLEM_DESCRIPTIONS[status],
  content: { 'application/problem+json': { schema: { $ref: PROBLEM_SCHEMA_REF } } },
});

/**
 * The errors a handler can answer with beyond 400 and 503, which every operation can give, and 401,
 * which every operation behind a bearer token can give.
 */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));
}
