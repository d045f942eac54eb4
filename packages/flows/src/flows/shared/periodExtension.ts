import { violation, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES, type Rule } from '../../rules.js';

/**
 * `period.extended { length, unit, consentingPartyIds }`: the period `kind` is extended with every
 * applicant's and respondent's consent (PML Art. 23; MDR Art. 38; SPC-Online Art. 24), and the
 * extension is kept in `records.extensions`. `refusedWhen` refuses it first where the period is
 * statutory and cannot be extended.
 */
export function periodExtension({
  kind,
  refusedWhen,
}: {
  kind: string;
  refusedWhen?: { guard: 'periodNotExtendable'; rule: Rule };
}): Record<'period.extended', FlowTransition[]> {
  return {
    'period.extended': [
      ...(refusedWhen ? [violation(refusedWhen.guard, refusedWhen.rule)] : []),
      violation({ type: 'unknownPartyIn', params: { field: 'consentingPartyIds' } }, COMMON_RULES.UNKNOWN_PARTY),
      violation('notEveryPartyConsents', COMMON_RULES.ALL_PARTIES_MUST_CONSENT),
      {
        actions: [
          { type: 'extendDeadline', params: { kind } },
          { type: 'recordInList', params: { list: 'extensions', fields: ['length', 'unit', 'consentingPartyIds'] } },
        ],
      },
    ],
  };
}
