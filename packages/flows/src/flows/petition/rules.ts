import { COMMON_RULES, defineRules } from '../../rules.js';

export const PETITION_RULES = defineRules({
  FORWARDING_TO_ANOTHER_BODY: {
    basis: 'PC-Reg Arts. 22, 23',
    requirement: 'a petition is forwarded (转送) or assigned (交办) to a body other than the one holding it',
  },
  FORWARDING_NOT_UPWARD: {
    basis: 'PC-Reg Arts. 22, 23',
    requirement:
      'a petition is forwarded or assigned to a competent body at the same level or below, ' +
      'never to one above the body holding it',
  },
  ASSIGNMENT_DUE_IN_FUTURE: {
    basis: 'PC-Reg Art. 22',
    requirement: 'an assignment (交办) sets a due date for the result after today',
  },
  OBJECTION_OUT_OF_TIME: {
    basis: 'PC-Reg Art. 23',
    requirement: 'a body objects to a petition forwarded or assigned to it within 5 working days of receiving it, once',
  },
  HANDLING_EXTENSION_TOO_LONG: {
    basis: 'PC-Reg Art. 34',
    requirement: 'the handling period is extended by at most 30 days',
  },
  HANDLING_ALREADY_EXTENDED: {
    basis: 'PC-Reg Art. 34',
    requirement: 'the handling period is extended only once',
  },
  MEDIATION_ONLY_FOR_CLAIMS: {
    basis: 'PC-Reg Art. 33',
    requirement: 'mediation is offered only while handling a request or complaint for resolution (申诉求决类)',
  },
  MEDIATION_ONLY_FOR_CIVIL_DISPUTES: {
    basis: 'PC-Reg Arts. 33, 37 (访调对接)',
    requirement:
      'only a civil dispute between the parties goes to a people’s mediation committee; administrative disputes and ' +
      'matters for other legal procedures do not',
  },
  MEDIATION_NEEDS_BOTH_SIDES: {
    basis: 'PC-Reg Art. 33',
    requirement:
      'mediation needs both sides of the dispute: a respondent, and the consent of every applicant and respondent',
  },
  REVIEW_ONLY_FOR_CLAIMS: {
    basis: 'PC-Reg Arts. 31, 35',
    requirement:
      'review (复查) is requested against a handling opinion on a request or complaint for resolution (申诉求决类)',
  },
  REVIEW_BY_HIGHER_BODY: {
    basis: 'PC-Reg Art. 35',
    requirement: 'review is requested from the body one level above the one that issued the handling opinion',
  },
  REVIEW_REQUEST_OUT_OF_TIME: {
    basis: 'PC-Reg Art. 35',
    requirement: 'review is requested within 30 days of receiving the written handling opinion',
  },
  REREVIEW_BY_HIGHER_BODY: {
    basis: 'PC-Reg Art. 36',
    requirement: 're-review (复核) is requested from the body one level above the reviewing body',
  },
  REREVIEW_REQUEST_OUT_OF_TIME: {
    basis: 'PC-Reg Art. 36',
    requirement: 're-review is requested within 30 days of receiving the written review opinion',
  },
});

/** Every rule the petition flow enforces: its own and the common ones. */
export const RULES = { ...COMMON_RULES, ...PETITION_RULES };
