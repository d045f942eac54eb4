import type { ErrorCode } from './errorCode.js';

/**
 * An error with a stable code, thrown by services and the runner. It knows nothing of HTTP:
 * `ProblemFilter` maps each code to a status in one table.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra members of the problem document (`rule`, `allowedEvents`, `errors` …). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export interface FieldError {
  field: string;
  message: string;
}

export function validationFailed(errors: FieldError[], subject = 'the request'): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `${subject} is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
    {
      errors,
    },
  );
}

export function caseNotFound(caseId: string): DomainError {
  return new DomainError('CASE_NOT_FOUND', `no case ${caseId}`, { caseId });
}

export function versionConflict(caseId: string, expected: number, actual: number): DomainError {
  return new DomainError(
    'VERSION_CONFLICT',
    `case ${caseId} is at version ${actual}, not ${expected}: reload it and try again`,
    {
      caseId,
      expectedVersion: expected,
      currentVersion: actual,
    },
  );
}

/** An organisation id in the request that names no organisation: a 400 on that field. */
export function organizationNotFound(organizationId: string, field = 'organizationId'): DomainError {
  return validationFailed([{ field, message: `no organisation ${organizationId}` }]);
}
