import { FlowError } from './FlowError.js';
import type { Rule } from './rules.js';

/** The state accepts the event, but a legal or policy rule refuses it (the service's 422). */
export class RuleViolatedError extends FlowError {
  override readonly name = 'RuleViolatedError';
  readonly code = 'RULE_VIOLATED' as const;
  readonly rule: string;
  readonly basis: string;

  constructor(
    readonly flowId: string,
    readonly state: string,
    readonly eventType: string,
    violated: Rule,
  ) {
    super(`${flowId} case in state "${state}" refused "${eventType}": ${violated.requirement} (${violated.basis})`);
    this.rule = violated.code;
    this.basis = violated.basis;
  }
}
