import type { DeadlineRule } from '../../deadlines.js';
import { documentDeadline, span } from '../../documentDeadline.js';
import type { DeadlineSpec } from '../../flowDefinition.js';

export { CONFIRMATION_WINDOW } from '../../confirmationWindow.js';
/** SPC-Confirm-2011 Art. 4: the court decides within 3 days of receipt whether to accept. */
export const ACCEPTANCE_DECISION: DeadlineRule = {
  kind: 'acceptanceDecision',
  sort: 'target',
  basis: 'SPC-Confirm-2011 Art. 4',
  length: 3,
  unit: 'day',
};
/** SPC-Confirm-2011 Art. 5: decided within 15 days of acceptance; +10 days once, the president approving. */
export const REVIEW_DECISION: DeadlineRule = {
  kind: 'reviewDecision',
  sort: 'target',
  basis: 'SPC-Confirm-2011 Art. 5',
  length: 15,
  unit: 'day',
};
export const MAX_REVIEW_EXTENSION_DAYS = 10;
/** CPL Art. 187: special-procedure cases are concluded within 30 days of filing. */
export const SPECIAL_PROCEDURE_PERIOD: DeadlineRule = {
  kind: 'specialProcedurePeriod',
  sort: 'target',
  basis: 'CPL Art. 187',
  length: 30,
  unit: 'day',
};
/** CPL-Interp Arts. 354, 356: further statements or evidence within the time the court sets. */
export const SUPPLEMENT_DUE = { kind: 'supplementDue', sort: 'target', basis: 'CPL-Interp Arts. 354, 356' } as const;
/** CPL-Interp Art. 372: a party objects within 15 days of receiving the ruling. */
export const OBJECTION_PERIOD = { basis: 'CPL-Interp Art. 372', length: 15, unit: 'day' } as const;
/** CPL Art. 250: enforcement is applied for within 2 years of the last performance day, else of the ruling. */
export const ENFORCEMENT_PERIOD = { basis: 'CPL Art. 250', length: 2, unit: 'year' } as const;

export const JUDICIAL_CONFIRMATION_DEADLINES: readonly DeadlineSpec[] = [
  documentDeadline([ACCEPTANCE_DECISION], `${span(ACCEPTANCE_DECISION)} from \`appliedOn\` to decide on acceptance`),
  documentDeadline(
    [REVIEW_DECISION],
    `${span(REVIEW_DECISION)} from acceptance to rule; \`review.extended\` adds up ` +
      `to ${span({ length: MAX_REVIEW_EXTENSION_DAYS, unit: 'day' })} once`,
  ),
  documentDeadline(
    [SPECIAL_PROCEDURE_PERIOD],
    `${span(SPECIAL_PROCEDURE_PERIOD)} from acceptance (filing) to conclude`,
  ),
  documentDeadline([SUPPLEMENT_DUE], 'the day the court set for further statements or evidence'),
];
