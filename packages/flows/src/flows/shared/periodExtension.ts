import { violation, type flowSetup, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES, type Rule } from '../../rules.js';

/**
 * `period.extended { length, unit, consentingPartyIds }`: the period `kind` is extended with every
 * applicant's and respondent's consent (PML Art. 23; MDR Art. 38; SPC-Online Art. 24), and the
 * extension is kept in `records.extensions`. `refusedWhen` refuses it first where the period is
 * statutory and cannot be extended.
 */
export function periodExtension<const G extends string = never>({
  kind,
  refusedWhen,
}: {
  kind: string;
  /** A guard of the flow that uses the handler, and the rule it refuses with. */
  refusedWhen?: { guard: G; rule: Rule };
}): Record<'period.extended', FlowTransition<typeof flowSetup, G>[]> {
  const refused: FlowTransition<typeof flowSetup, G>[] = refusedWhen
    ? [{ guard: refusedWhen.guard, actions: { type: 'ruleViolated', params: refusedWhen.rule } }]
    : [];
  return {
    'period.extended': [
      ...refused,
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
