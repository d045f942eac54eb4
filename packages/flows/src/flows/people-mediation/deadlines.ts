import type { IsoDate } from '@jiefen/legal-time';
import type { Agreement, CaseContext } from '../../caseContext.js';
import { clearDeadlines, setDeadlineOn, startDeadline, type DeadlineRule } from '../../deadlines.js';
import { RESOLUTION_TARGET } from '../../centreDeadlines.js';
import { documentDeadline, span } from '../../documentDeadline.js';
import type { DeadlineSpec } from '../../flowDefinition.js';
import { lastTermDueOn } from '../../agreements.js';
import { withLocalPolicy } from '../shared/localPolicy.js';
import { CONFIRMATION_WINDOW } from '../../confirmationWindow.js';

/** The mediation period per category (flows.md, people-mediation "Per category"). */
export const MEDIATION_PERIOD = {
  /** *(cfg)* MoJ-2002 Art. 33 (medium): generally one month; SZ-DR Art. 25 uses 30 days. */
  default: {
    kind: 'mediationPeriod',
    sort: 'limit',
    basis: 'MoJ-2002 Art. 33',
    length: 1,
    unit: 'month',
    remindWorkingDaysBefore: 3,
  },
  /** Medical: 30 working days from acceptance, appraisal time excluded. */
  medical: {
    kind: 'mediationPeriod',
    sort: 'limit',
    basis: 'MDR Art. 38',
    length: 30,
    unit: 'workingDay',
    remindWorkingDaysBefore: 3,
  },
  /** Labour: 15 days from receipt; afterwards the parties may apply for arbitration, mediation may go on. */
  labour: { kind: 'mediationPeriod', sort: 'target', basis: 'LDMAL Art. 14', length: 15, unit: 'day' },
} as const satisfies Record<string, DeadlineRule>;

export { CONFIRMATION_WINDOW };

/** PML Art. 31: the committee follows up performance; the last term's due date. */
export const PERFORMANCE_DUE = { kind: 'performanceDue', sort: 'target', basis: 'PML Art. 31' } as const;

/**
 * The mediation period a case gets: medical and labour periods are law; otherwise the
 * organisation's local period *(cfg)* citing its own rule, or MoJ-2002 Art. 33's month.
 */
export function mediationPeriodRule(context: CaseContext): { rule: DeadlineRule; from: IsoDate } {
  if (context.category === 'medical') return { rule: MEDIATION_PERIOD.medical, from: context.acceptedOn! };
  if (context.category === 'labour') return { rule: MEDIATION_PERIOD.labour, from: context.receivedOn };
  return { rule: withLocalPolicy(MEDIATION_PERIOD.default, context.policy.mediationPeriod), from: context.acceptedOn! };
}

/**
 * An agreement ends the mediation period and opens the confirmation
 * window and, if a term has a date, the performance target. It resolves the case, so a centre's
 * 化解时限 is met too: left running, it would mark the resolved case overdue and, at a level that
 * escalates by itself, send it up to the next centre (docs/centres.md). A supervision order stays
 * until it is answered.
 */
export function agreementDeadlines(context: CaseContext, agreement: Agreement) {
  let deadlines = clearDeadlines(context.deadlines, [MEDIATION_PERIOD.default.kind, RESOLUTION_TARGET.kind]);
  deadlines = startDeadline(deadlines, CONFIRMATION_WINDOW, agreement.effectiveOn);
  const performanceDueOn = lastTermDueOn(agreement);
  if (performanceDueOn) deadlines = setDeadlineOn(deadlines, PERFORMANCE_DUE, performanceDueOn, agreement.effectiveOn);
  return deadlines;
}

export const PEOPLE_MEDIATION_DEADLINES: readonly DeadlineSpec[] = [
  documentDeadline(
    [
      { ...MEDIATION_PERIOD.default, basis: `${MEDIATION_PERIOD.default.basis} (cfg)` },
      MEDIATION_PERIOD.medical,
      MEDIATION_PERIOD.labour,
    ],
    `${span(MEDIATION_PERIOD.default)} from acceptance (cfg: a local period cites its own rule,` +
      ` else "local policy (cfg)"); ` +
      `medical ${span(MEDIATION_PERIOD.medical)}, appraisal paused; labour a target ` +
      `of ${span(MEDIATION_PERIOD.labour)} from receipt`,
  ),
  documentDeadline(
    [CONFIRMATION_WINDOW],
    `${span(CONFIRMATION_WINDOW)} from the agreement’s effect to apply jointly for judicial confirmation`,
  ),
  documentDeadline([PERFORMANCE_DUE], 'the last term’s due date'),
];
