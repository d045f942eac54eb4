import type { Problem } from './types';

/** A refusal of the API: its HTTP status and problem document. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** 409 EVENT_NOT_ALLOWED or 412: the case moved on since the page read it. */
  get isStale(): boolean {
    return this.status === 412 || (this.status === 409 && this.problem.code !== 'IDEMPOTENCY_KEY_REUSED');
  }
}
