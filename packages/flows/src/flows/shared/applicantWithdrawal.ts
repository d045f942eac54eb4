import { violation, type FlowAction, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES, type Rule } from '../../rules.js';

/**
 * `case.withdrawn { partyId }`: only an applicant withdraws (PML Art. 23 by default; a flow passes
 * its own article). The case ends in `withdrawn` with `outcome.reason`, plus any notices the flow adds.
 */
export function applicantWithdrawal({
  rule = COMMON_RULES.WITHDRAWAL_BY_APPLICANT,
  reason = 'withdrawnByApplicant',
  notices = [],
}: { rule?: Rule & { code: 'WITHDRAWAL_BY_APPLICANT' }; reason?: string; notices?: FlowAction[] } = {}): Record<
  'case.withdrawn',
  FlowTransition[]
> {
  return {
    'case.withdrawn': [
      violation('unknownParty', COMMON_RULES.UNKNOWN_PARTY),
      violation('notAnApplicant', rule),
      { target: 'withdrawn', actions: [{ type: 'recordOutcome', params: { reason } }, ...notices] },
    ],
  };
}
