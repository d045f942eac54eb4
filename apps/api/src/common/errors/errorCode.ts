/** Every error code the API answers with (flows.md "Concurrency and errors", plus the service's own). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CASE_NOT_FOUND',
  'FLOW_NOT_FOUND',
  'EVENT_NOT_ALLOWED',
  'IDEMPOTENCY_KEY_REUSED',
  'CALENDAR_YEAR_EXISTS',
  'ORGANIZATION_IN_USE',
  'VERSION_CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RULE_VIOLATED',
  'ORGANIZATION_INACTIVE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
