/**
 * A legal or policy rule a guard enforces. When it fails, `sendEvent` throws
 * `RuleViolatedError` carrying `code` and `basis` (the service's 422).
 */
export interface Rule {
  /** Stable, upper snake case: `WRITTEN_AGREEMENT_UNSIGNED`. */
  code: string;
  /** The article(s) the rule rests on, in the short names of legal-reference.md. */
  basis: string;
  /** What the rule requires, as a sentence a mediator or clerk understands. */
  requirement: string;
}

/** Declares rules keyed by code, checking at compile time that each key matches its code. */
export function defineRules<const R extends Record<string, Omit<Rule, 'code'>>>(
  rules: R,
): { [K in keyof R]: Rule & { code: K } } {
  return Object.fromEntries(Object.entries(rules).map(([code, rule]) => [code, { code, ...rule }])) as never;
}

/** Rules shared by every flow: the engine's own and the three-level centres'. */
export const COMMON_RULES = defineRules({
  DEADLINE_NOT_RUNNING: {
    basis: 'flows.md "Deadlines"',
    requirement: 'only a deadline that is running on the case can expire',
  },
  DEADLINE_RECOMPUTATION_STALE: {
    basis: 'CPL Art. 85; CC Art. 203',
    requirement: 'a recomputed due date applies only to the due date and calendar it was computed from',
  },
  DEADLINE_NOT_DUE: {
    basis: 'CPL Art. 85; CC Art. 203',
    requirement: 'a deadline expires only after the end of its last day',
  },
  ESCALATION_ONLY_UPWARD: {
    basis: 'flows.md "Three-level centres" (街镇吸附稳控、区级化解处突、市级督导调度)',
    requirement: 'a case is escalated only to an ancestor of its handling organisation',
  },
  ASSIGNMENT_ONLY_DOWNWARD: {
    basis: 'flows.md "Three-level centres"',
    requirement: 'a case is assigned only to a descendant of the assigning organisation',
  },
  TRANSFER_TO_ANOTHER_BODY: {
    basis: 'flows.md "Three-level centres" (吹哨报到)',
    requirement: 'a case is transferred to a body other than the one handling it',
  },
  SUPERVISION_ONLY_FROM_ABOVE: {
    basis: 'PC-Reg Art. 40; flows.md "Three-level centres" (督办)',
    requirement: 'supervision is ordered by an organisation above the handling organisation',
  },
  SUPERVISION_DUE_IN_FUTURE: {
    basis: 'PC-Reg Art. 40',
    requirement: 'a supervision order sets a due date after today',
  },
  NO_SUPERVISION_PENDING: {
    basis: 'PC-Reg Art. 40',
    requirement: 'a supervision answer needs a supervision order that is still open',
  },
  UNKNOWN_PARTY: {
    basis: 'flows.md "Intake"',
    requirement: 'an event names only parties of the case',
  },
  WITHDRAWAL_BY_APPLICANT: {
    basis: 'PML Art. 23; flows.md',
    requirement: 'only an applicant may withdraw the case',
  },
  ALL_PARTIES_MUST_CONSENT: {
    basis: 'PML Art. 23; MDR Art. 38; SPC-Online Art. 24',
    requirement: 'a period is extended only with every party’s consent',
  },
  DATE_NOT_IN_FUTURE: {
    basis: 'flows.md "Conventions"',
    requirement: 'a date of legal meaning in an event cannot lie after the day it is recorded',
  },
});
