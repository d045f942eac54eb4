import type { DeadlineRule } from '../../deadlines.js';
import { documentDeadline, span } from '../../documentDeadline.js';
import type { DeadlineSpec } from '../../flowDefinition.js';

/** CPL Art. 126: the court registers a conforming suit, or rules not to accept it, within 7 days. */
export const REGISTRATION_DECISION: DeadlineRule = {
  kind: 'registrationDecision',
  sort: 'target',
  basis: 'CPL Art. 126',
  length: 7,
  unit: 'day',
};
/** CPL-Interp Art. 126: after a completion request, the 7 days count from the completed filing. */
export const REGISTRATION_AFTER_MATERIALS: DeadlineRule = {
  ...REGISTRATION_DECISION,
  basis: 'CPL Art. 126; CPL-Interp Art. 126',
};
/**
 * SPC-Invited Art. 21; SPC-Online Art. 21(2): a delegated mediation that failed sends the complaint
 * back to the court, which registers the case if the claimant insists, within the 7 days of CPL
 * Art. 126 (legal-reference §§3.2, 9.3).
 */
export const REGISTRATION_AFTER_MEDIATION: DeadlineRule = {
  ...REGISTRATION_DECISION,
  basis: 'CPL Art. 126; SPC-Invited Art. 21; SPC-Online Art. 21',
};
/** The day the court set to complete the filing (CPL-Interp Art. 126). */
export const MATERIALS_DUE = { kind: 'materialsDue', sort: 'target', basis: 'CPL-Interp Art. 126' } as const;

export const COURT_REFERRAL_DEADLINES: readonly DeadlineSpec[] = [
  documentDeadline(
    [REGISTRATION_DECISION, REGISTRATION_AFTER_MATERIALS, REGISTRATION_AFTER_MEDIATION],
    `${span(REGISTRATION_DECISION)} from submission, from a completed filing, or from a failed delegated ` +
      `mediation, to register or rule`,
  ),
  documentDeadline([MATERIALS_DUE], 'the day the court set to complete the filing'),
];
