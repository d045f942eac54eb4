import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { EventNotAllowedError, FlowError, InvalidEventError, RuleViolatedError, UnknownFlowError } from '@jiefen/flows';
import type { Request, Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './databaseUnavailable.js';
import { maskedUrl } from '../security/maskedUrl.js';
import { DomainError } from './errors/DomainError.js';
import type { ErrorCode } from './errors/errorCode.js';

/** The one place where error codes become HTTP statuses. A new code without a status does not compile. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CASE_NOT_FOUND: 404,
  FLOW_NOT_FOUND: 404,
  EVENT_NOT_ALLOWED: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  CALENDAR_YEAR_EXISTS: 409,
  ORGANIZATION_IN_USE: 409,
  DOCUMENT_NOT_ISSUED: 409,
  DOCUMENT_ALREADY_CORRECTED: 409,
  VERSION_CONFLICT: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATED: 422,
  ORGANIZATION_INACTIVE: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

const TITLE: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is invalid',
  UNAUTHENTICATED: 'Authentication is required',
  FORBIDDEN: 'Not allowed for your role',
  NOT_FOUND: 'Not found',
  CASE_NOT_FOUND: 'No such case',
  FLOW_NOT_FOUND: 'No such flow',
  EVENT_NOT_ALLOWED: 'The case’s state does not accept this event',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used for a different request',
  CALENDAR_YEAR_EXISTS: 'The calendar year is already loaded; a correction names the version it corrects',
  ORGANIZATION_IN_USE: 'The organisation still has open cases, active users or active organisations below it',
  DOCUMENT_NOT_ISSUED: 'The document is not issued yet: only an issued document is corrected',
  DOCUMENT_ALREADY_CORRECTED: 'The document has already been replaced by a correction; correct the correction',
  VERSION_CONFLICT: 'The case has changed since you read it',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be application/json',
  RULE_VIOLATED: 'A legal rule refuses this',
  ORGANIZATION_INACTIVE: 'The organisation is deactivated and takes no new cases',
  TOO_MANY_REQUESTS: 'Too many requests',
  INTERNAL_ERROR: 'Internal error',
  SERVICE_UNAVAILABLE: 'The service is not ready',
};

/** The HTTP status of an error code. */
export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export interface Problem {
  code: ErrorCode;
  detail: string;
  extensions?: Record<string, unknown>;
  /** Sent as `Retry-After` (seconds). */
  retryAfterSeconds?: number;
}

/** Answers every error as `application/problem+json` (RFC 9457) with a stable `code`; never a stack or SQL. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = toProblem(exception);
    if (problem.code === 'INTERNAL_ERROR')
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const status = STATUS[problem.code];
    if (problem.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(problem.retryAfterSeconds));
    response
      .status(status)
      .type('application/problem+json')
      .json({
        type: `https://jiefen.dev/problems/${problem.code.toLowerCase().replaceAll('_', '-')}`,
        title: TITLE[problem.code],
        status,
        code: problem.code,
        detail: problem.detail,
        // As in the log line: never an ID number or phone echoed from the URL (PIPL Art. 51).
        instance: maskedUrl(request.originalUrl),
        ...problem.extensions,
      });
  }
}

/**
 * What an error answers with: its code, detail and extra members. Also used where one request
 * reports several outcomes (a bulk reassignment's per-case results), so each says what its own
 * request would have.
 */
export function toProblem(exception: unknown): Problem {
  if (exception instanceof DomainError) {
    const retryAfter = exception.extensions?.retryAfterSeconds;
    return {
      code: exception.code,
      detail: exception.message,
      extensions: exception.extensions,
      ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  if (exception instanceof FlowError) return fromFlowError(exception);
  const refusal = fromDatabaseRefusal(exception);
  if (refusal) return refusal;
  const bodyError = fromBodyParser(exception);
  if (bodyError) return bodyError;
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (isDatabaseUnavailable(exception)) {
    return {
      code: 'SERVICE_UNAVAILABLE',
      detail: 'the database cannot be reached; try again shortly (an Idempotency-Key makes a retried event safe)',
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  return { code: 'INTERNAL_ERROR', detail: 'An unexpected error occurred; it has been logged.' };
}

function fromFlowError(error: FlowError): Problem {
  if (error instanceof EventNotAllowedError) {
    return {
      code: 'EVENT_NOT_ALLOWED',
      detail: error.message,
      extensions: { state: error.state, eventType: error.eventType, allowedEvents: error.allowedEvents },
    };
  }
  if (error instanceof RuleViolatedError) {
    return {
      code: 'RULE_VIOLATED',
      detail: error.message,
      extensions: { rule: error.rule, basis: error.basis, state: error.state },
    };
  }
  if (error instanceof InvalidEventError) {
    return {
      code: 'VALIDATION_FAILED',
      detail: error.message,
      extensions: { errors: error.problems.map((p) => ({ field: p.path, message: p.message })) },
    };
  }
  if (error instanceof UnknownFlowError) return { code: 'FLOW_NOT_FOUND', detail: error.message };
  return { code: 'INTERNAL_ERROR', detail: 'An unexpected flow error occurred; it has been logged.' };
}

/**
 * A refusal raised by a trigger, whatever path wrote the row: a case opened at or handed to a
 * deactivated organisation (migration 1763900000010, `cases_organization_current`).
 */
function fromDatabaseRefusal(exception: unknown): Problem | undefined {
  const { code, constraint, detail } = (exception ?? {}) as { code?: string; constraint?: string; detail?: string };
  if (code !== 'P0001' || constraint !== 'organizations_active') return undefined;
  return {
    code: 'ORGANIZATION_INACTIVE',
    detail: `organisation ${detail ?? ''} is deactivated: it keeps its history but takes no new cases`,
    extensions: { organizationId: detail ?? null },
  };
}

/** Errors raised by Express's JSON body parser before any handler runs. */
function fromBodyParser(exception: unknown): Problem | undefined {
  const type = (exception as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') {
    return {
      code: 'VALIDATION_FAILED',
      detail: 'the body is not valid JSON',
      extensions: { errors: [{ field: '(body)', message: 'is not valid JSON' }] },
    };
  }
  if (type === 'entity.too.large') return { code: 'PAYLOAD_TOO_LARGE', detail: 'the body exceeds the size limit' };
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'the body must be UTF-8 JSON' };
  }
  return undefined;
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const code: ErrorCode =
    status === 404
      ? 'NOT_FOUND'
      : status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : status === 429
            ? 'TOO_MANY_REQUESTS'
            : status === 401
              ? 'UNAUTHENTICATED'
              : status === 403
                ? 'FORBIDDEN'
                : status < 500
                  ? 'VALIDATION_FAILED'
                  : 'INTERNAL_ERROR';
  return {
    code,
    detail: code === 'INTERNAL_ERROR' ? 'An unexpected error occurred; it has been logged.' : exception.message,
  };
}
