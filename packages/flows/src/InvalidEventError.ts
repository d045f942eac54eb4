import { FlowError } from './FlowError.js';
import type { FieldProblem } from './schema.js';

/** An event or a case's opening input is malformed; `problems` names every bad field (the service's 400). */
export class InvalidEventError extends FlowError {
  override readonly name = 'InvalidEventError';
  readonly code = 'VALIDATION_FAILED' as const;

  constructor(
    readonly subject: string,
    readonly problems: readonly FieldProblem[],
  ) {
    super(`${subject} is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
}
