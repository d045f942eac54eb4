import type { FlowPolicy } from '../../caseContext.js';
import type { DeadlineRule } from '../../deadlines.js';

/** What a deadline cites when an organisation's policy replaces a period without naming its rule. */
export const LOCAL_POLICY_BASIS = 'local policy (cfg)';

/**
 * A period that local policy may replace *(cfg)*: the organisation's length and unit, citing the
 * local rule its policy names (e.g. SZ-DR Art. 25), else "local policy (cfg)" — never the basis
 * of the default it replaced, which would claim a national or another place's rule for it.
 */
export function withLocalPolicy(rule: DeadlineRule, local: FlowPolicy[string]): DeadlineRule {
  if (!local) return rule;
  return { ...rule, length: local.length, unit: local.unit, basis: local.basis ?? LOCAL_POLICY_BASIS };
}
