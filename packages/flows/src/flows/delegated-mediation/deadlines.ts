import type { DeadlineRule } from '../../deadlines.js';
import { documentDeadline, span } from '../../documentDeadline.js';
import type { DeadlineSpec } from '../../flowDefinition.js';

/** SPC-Online Art. 10: the parties have 2 working days to choose jointly; then the organisation or court designates. */
export const MEDIATOR_CHOICE: DeadlineRule = {
  kind: 'mediatorChoice',
  sort: 'target',
  basis: 'SPC-Online Art. 10',
  length: 2,
  unit: 'workingDay',
};

/** SPC-Online Art. 12: the mediator confirms or declines within 3 working days of receiving the delegation. */
export const MEDIATOR_CONFIRMATION: DeadlineRule = {
  kind: 'mediatorConfirmation',
  sort: 'target',
  basis: 'SPC-Online Art. 12',
  length: 3,
  unit: 'workingDay',
};

/** SPC-Online Art. 15: the mediator helps reach the other side within 3 working days of accepting. */
export const PARTY_CONTACT: DeadlineRule = {
  kind: 'partyContact',
  sort: 'target',
  basis: 'SPC-Online Art. 15',
  length: 3,
  unit: 'workingDay',
};

/**
 * SPC-Invited Art. 27; SPC-Online Art. 24: 30 days from the mediator's acceptance, extendable
 * without limit with every party's consent; appraisal time is not counted (SPC-Online Art. 26).
 */
export const MEDIATION_PERIOD: DeadlineRule = {
  kind: 'mediationPeriod',
  sort: 'limit',
  basis: 'SPC-Invited Art. 27; SPC-Online Art. 24',
  length: 30,
  unit: 'day',
};

export const DELEGATED_MEDIATION_DEADLINES: readonly DeadlineSpec[] = [
  documentDeadline(
    [MEDIATOR_CHOICE],
    `${span(MEDIATOR_CHOICE)} from receipt for the parties to choose jointly; restarts after a decline`,
  ),
  documentDeadline(
    [MEDIATOR_CONFIRMATION],
    `${span(MEDIATOR_CONFIRMATION)} from the assignment for the mediator to confirm or decline`,
  ),
  documentDeadline([PARTY_CONTACT], `${span(PARTY_CONTACT)} from the confirmation to reach the other side`),
  documentDeadline(
    [MEDIATION_PERIOD],
    `${span(MEDIATION_PERIOD)} from the confirmation; appraisal (SPC-Online Art. 26) and a false-mediation ` +
      `suspension are not counted; extendable with every party’s consent`,
  ),
];
