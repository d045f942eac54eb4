import { COMMON_RULES, defineRules } from '../../rules.js';

export const PEOPLE_MEDIATION_RULES = defineRules({
  WRITTEN_AGREEMENT_UNSIGNED: {
    basis: 'PML Art. 29',
    requirement:
      'a written agreement takes effect only when every bound party has signed, sealed or fingerprinted it, ' +
      'the mediator has signed it and the committee’s seal is affixed',
  },
  WRITTEN_AGREEMENT_REQUIRED: {
    basis: 'MDR Art. 39 (medical); LDMAL Art. 14 (labour)',
    requirement: 'medical and labour disputes end in a written agreement; an oral agreement is not enough',
  },
  MEDICAL_MEDIATION_NEEDS_BOTH_SIDES: {
    basis: 'MDR Art. 31',
    requirement:
      'a medical dispute is mediated on a joint application, or on one side’s application ' +
      'with the other side’s consent',
  },
  MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE: {
    basis: 'MDR Art. 31',
    requirement:
      'a medical dispute already accepted by a court or by the health department’s ' +
      'administrative mediation is not accepted',
  },
  ACCEPTANCE_BEFORE_RECEIPT: {
    basis: 'MoJ-2002 Art. 33; MDR Art. 38',
    requirement:
      'an application is accepted on or after the day it was received; the mediation period counts from acceptance, ' +
      'so an earlier date would shorten it',
  },
  AGREEMENT_BEFORE_ACCEPTANCE: {
    basis: 'PML Arts. 28, 33',
    requirement:
      'a mediation agreement reached through the committee takes effect on or after the day the committee accepted ' +
      'the dispute; the 30 days to apply for judicial confirmation count from its effect',
  },
  APPRAISAL_ALREADY_STARTED: {
    basis: 'MDR Art. 38',
    requirement: 'an appraisal that is under way must complete before another starts',
  },
  NO_APPRAISAL_UNDER_WAY: {
    basis: 'MDR Art. 38',
    requirement: 'an appraisal completes only after it has started',
  },
});

/** Every rule people's mediation enforces: its own and the common ones. */
export const RULES = { ...COMMON_RULES, ...PEOPLE_MEDIATION_RULES };
