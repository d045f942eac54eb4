import { FlowError } from './FlowError.js';

/** The case's state does not accept this event at all (the service's 409). */
export class EventNotAllowedError extends FlowError {
  override readonly name = 'EventNotAllowedError';
  readonly code = 'EVENT_NOT_ALLOWED' as const;

  constructor(
    readonly flowId: string,
    readonly state: string,
    readonly eventType: string,
    readonly allowedEvents: readonly string[],
  ) {
    super(
      allowedEvents.length === 0
        ? `${flowId} case in state "${state}" has ended and accepts no events; "${eventType}" was refused`
        : `${flowId} case in state "${state}" does not accept "${eventType}"; it accepts: ${allowedEvents.join(', ')}`,
    );
  }
}
