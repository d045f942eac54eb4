import { COMMON_RULES, defineRules } from '../../rules.js';

export const COURT_REFERRAL_RULES = defineRules({
  DEFENDANT_REQUIRED: {
    basis: 'CPL Art. 122',
    requirement: 'a suit names a definite defendant: the referral has at least one respondent',
  },
  MATERIALS_DUE_IN_FUTURE: {
    basis: 'CPL-Interp Art. 126',
    requirement: 'the time the court gives to complete the filing ends after today',
  },
});

/** Every rule court referral enforces: its own and the common ones. */
export const RULES = { ...COMMON_RULES, ...COURT_REFERRAL_RULES };
