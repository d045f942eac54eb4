/** Stable codes of the errors this library throws; the service maps each to HTTP in one place. */
export type FlowErrorCode = 'EVENT_NOT_ALLOWED' | 'RULE_VIOLATED' | 'VALIDATION_FAILED' | 'FLOW_NOT_FOUND';

/** Base of every error the flows library throws. */
export abstract class FlowError extends Error {
  abstract readonly code: FlowErrorCode;
}
