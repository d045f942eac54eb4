import type { DeadlineRule } from '../../deadlines.js';
import { documentDeadline, span } from '../../documentDeadline.js';
import type { DeadlineSpec } from '../../flowDefinition.js';

/** PC-Reg Arts. 22, 23: forward, assign or tell the petitioner how it will be handled within 15 days. */
export const ACCEPTANCE_DECISION: DeadlineRule = {
  kind: 'acceptanceDecision',
  sort: 'target',
  basis: 'PC-Reg Arts. 22, 23',
  length: 15,
  unit: 'day',
};
/** PC-Reg Art. 23: a body that is not competent objects within 5 working days of receipt. */
export const OBJECTION_WINDOW: DeadlineRule = {
  kind: 'objectionWindow',
  sort: 'window',
  basis: 'PC-Reg Art. 23',
  length: 5,
  unit: 'workingDay',
};
/** PC-Reg Art. 22: 交办 — the result is reported by the date the assigning body sets. */
export const ASSIGNMENT_DUE = { kind: 'assignmentDue', sort: 'target', basis: 'PC-Reg Art. 22 (交办)' } as const;
/** PC-Reg Art. 34: 60 days from acceptance, extendable once by at most 30 days. */
export const HANDLING_PERIOD: DeadlineRule = {
  kind: 'handlingPeriod',
  sort: 'target',
  basis: 'PC-Reg Art. 34',
  length: 60,
  unit: 'day',
};
export const HANDLING_EXTENSION_MAX_DAYS = 30;
/** PC-Reg Art. 35: review within 30 days of the written opinion; otherwise the opinion stands. */
export const REVIEW_REQUEST_PERIOD: DeadlineRule = {
  kind: 'reviewRequestPeriod',
  sort: 'limit',
  basis: 'PC-Reg Art. 35',
  length: 30,
  unit: 'day',
};
export const REVIEW_DECISION: DeadlineRule = {
  kind: 'reviewDecision',
  sort: 'target',
  basis: 'PC-Reg Art. 35',
  length: 30,
  unit: 'day',
};
/** PC-Reg Art. 36: re-review within 30 days of the written review opinion. */
export const REREVIEW_REQUEST_PERIOD: DeadlineRule = {
  kind: 'rereviewRequestPeriod',
  sort: 'limit',
  basis: 'PC-Reg Art. 36',
  length: 30,
  unit: 'day',
};
/** PC-Reg Art. 36: 30 days from the request; hearing time is not counted. */
export const REREVIEW_DECISION: DeadlineRule = {
  kind: 'rereviewDecision',
  sort: 'target',
  basis: 'PC-Reg Art. 36',
  length: 30,
  unit: 'day',
};

/** Deadlines that end when the handling opinion is issued (or the case ends). */
export const HANDLING_SPAN = [
  ACCEPTANCE_DECISION.kind,
  OBJECTION_WINDOW.kind,
  ASSIGNMENT_DUE.kind,
  HANDLING_PERIOD.kind,
];

export const PETITION_DEADLINES: readonly DeadlineSpec[] = [
  documentDeadline(
    [ACCEPTANCE_DECISION],
    `${span(ACCEPTANCE_DECISION)} from receipt; restarts at each forwarding or assignment before acceptance`,
  ),
  documentDeadline(
    [OBJECTION_WINDOW],
    `${span(OBJECTION_WINDOW)} from receipt of a forwarded or assigned petition to object`,
  ),
  documentDeadline([ASSIGNMENT_DUE], '交办 due date set by the assigning body'),
  documentDeadline(
    [HANDLING_PERIOD],
    `${span(HANDLING_PERIOD)} from acceptance, +≤${span({ length: HANDLING_EXTENSION_MAX_DAYS, unit: 'day' })} once ` +
      `with the head’s approval; runs on during mediation`,
  ),
  documentDeadline(
    [REVIEW_REQUEST_PERIOD],
    `${span(REVIEW_REQUEST_PERIOD)} from service of the opinion; on expiry the case closes`,
  ),
  documentDeadline([REVIEW_DECISION], `${span(REVIEW_DECISION)} from the review request`),
  documentDeadline(
    [REREVIEW_REQUEST_PERIOD],
    `${span(REREVIEW_REQUEST_PERIOD)} from service of the review opinion; on expiry the case closes`,
  ),
  documentDeadline(
    [REREVIEW_DECISION],
    `${span(REREVIEW_DECISION)} from the re-review request, hearing time not counted`,
  ),
];
