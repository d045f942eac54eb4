import { COMMON_RULES, defineRules } from '../../rules.js';

export const DELEGATED_MEDIATION_RULES = defineRules({
  // The common rule cites PML Art. 23 (people's mediation); a court-delegated mediation ends by
  // withdrawal under SPC-Online Art. 25(2) (the parties settled, the request is withdrawn) and
  // SPC-Invited Art. 26(2) (the request for mediation is withdrawn).
  WITHDRAWAL_BY_APPLICANT: {
    basis: 'SPC-Online Art. 25; SPC-Invited Art. 26',
    requirement: 'only an applicant may withdraw the case',
  },
  CONFIRMATION_BEFORE_ASSIGNMENT: {
    basis: 'SPC-Online Arts. 12, 24',
    requirement:
      'a mediator confirms the delegation on or after the day it was assigned; the 30 days of ' +
      'mediation count from the confirmation',
  },
  AGREEMENT_UNSIGNED: {
    basis: 'SPC-Invited Art. 24; SPC-Online Art. 19',
    requirement:
      'a delegated mediation agreement takes effect when every bound party has signed, sealed or fingerprinted ' +
      'it; the mediator signs it too',
  },
});

/**
 * Every rule delegated mediation enforces: its own and the
 * common ones (its own withdrawal rule replaces the common one).
 */
export const RULES = { ...COMMON_RULES, ...DELEGATED_MEDIATION_RULES };
