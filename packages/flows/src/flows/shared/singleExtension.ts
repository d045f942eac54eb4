import { violation, type flowSetup, type FlowTransition } from '../../flowSetup.js';
import type { Rule } from '../../rules.js';

/**
 * An extension granted once, by at most `maxDays` (a court's review, SPC-Confirm-2011 Art. 5; a
 * petition's handling period, PC-Reg Art. 34). A second request is refused as already extended,
 * whatever its length: that it was extended is what the body is told first.
 */
export function singleExtension<S = typeof flowSetup>({
  record,
  maxDays,
  rules,
  actions,
}: {
  /** Where the granted extension is kept in `records`. */
  record: 'reviewExtension' | 'handlingExtension';
  maxDays: number;
  rules: { alreadyExtended: Rule; tooLong: Rule };
  /** What granting it does, in the setup `S` of the flow that uses the handler. */
  actions: FlowTransition<S>['actions'];
}): FlowTransition<S>[] {
  // The refusals use shared guards only, so they fit every flow's setup.
  const refusals: FlowTransition[] = [
    violation({ type: 'alreadyExtended', params: { record } }, rules.alreadyExtended),
    violation({ type: 'extensionLongerThan', params: { days: maxDays } }, rules.tooLong),
  ];
  return [...(refusals as FlowTransition<S>[]), { actions }];
}
