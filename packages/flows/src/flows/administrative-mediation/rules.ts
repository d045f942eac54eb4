import type { OpeningRule } from '../../flowDefinition.js';
import { COMMON_RULES, defineRules } from '../../rules.js';
import { lastDayToApply } from './deadlines.js';
import { factsOf, isMedical, isPublicSecurity, isTraffic } from './facts.js';

export const ADMINISTRATIVE_MEDIATION_RULES = defineRules({
  TRAFFIC_JOINT_WRITTEN_APPLICATION_REQUIRED: {
    basis: 'RTSL-Reg Art. 94',
    requirement:
      'the traffic police mediate accident compensation only on a written application all parties make together',
  },
  TRAFFIC_DETERMINATION_DATE_REQUIRED: {
    basis: 'RTSL-Reg Art. 94',
    requirement: 'a traffic-accident mediation application states the day the accident determination was received',
  },
  TRAFFIC_APPLICATION_OUT_OF_TIME: {
    basis: 'RTSL-Reg Art. 94; CPL Art. 85',
    requirement:
      'the joint written application reaches the traffic police within 10 days of receiving the accident determination',
  },
  TRAFFIC_DETERMINATION_AFTER_APPLICATION: {
    basis: 'RTSL-Reg Art. 94',
    requirement:
      'the parties apply after they received the accident determination: the day it was received is on or ' +
      'before the day the application was',
  },
  MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE: {
    basis: 'MDR Art. 40',
    requirement:
      'the health department does not accept, and stops mediating, a medical dispute a court or a medical people’s ' +
      'mediation committee has accepted',
  },
  MEDICAL_MEDIATION_NEEDS_BOTH_SIDES: {
    basis: 'MDR Arts. 31, 40',
    requirement:
      'a medical dispute is mediated on a joint application, or on one side’s application ' +
      'with the other side’s consent',
  },
  PUBLIC_SECURITY_MATTER_NOT_MEDIABLE: {
    basis: 'PSAPL Art. 9',
    requirement: 'the police mediate only a minor public-order violation that arose from a civil dispute',
  },
  PUBLIC_SECURITY_CONSENT_REQUIRED: {
    basis: 'PSAPL Art. 9',
    requirement: 'public-security mediation needs every party’s consent',
  },
  MEDIATION_STATEMENT_UNSIGNED: {
    basis: 'RTSL-Reg Art. 95; MDR Art. 41',
    requirement: 'the mediation statement takes effect when every bound party has signed it; the mediator signs it too',
  },
  ACCEPTANCE_BEFORE_RECEIPT: {
    basis: 'RTSL-Reg Art. 94; MDR Art. 40; SAMR rules Art. 21',
    requirement:
      'a body accepts an application on or after the day it received it; the mediation period counts from the ' +
      'acceptance, and an earlier date would shorten it',
  },
  STATEMENT_BEFORE_ACCEPTANCE: {
    basis: 'RTSL-Reg Art. 95; MDR Art. 41; CPL Art. 205',
    requirement:
      'the mediation statement takes effect on or after the day the body accepted the dispute; the 30 days to apply ' +
      'for judicial confirmation count from it',
  },
  PERIOD_NOT_EXTENDABLE: {
    basis: 'RTSL-Reg Art. 95; MDR Art. 40; SAMR rules Art. 21',
    requirement:
      'the statutory mediation period of traffic, medical and consumer mediation cannot be extended; when it ends ' +
      'without agreement mediation has failed',
  },
});

/** Every rule administrative mediation enforces: its own and the common ones. */
export const RULES = { ...COMMON_RULES, ...ADMINISTRATIVE_MEDIATION_RULES };

/** Checked when a case opens: the domain's conditions for mediating at all. */
export const OPENING_RULES: readonly OpeningRule[] = [
  {
    rule: RULES.TRAFFIC_JOINT_WRITTEN_APPLICATION_REQUIRED,
    violated: (context) => isTraffic(context) && factsOf(context).jointWrittenApplication !== true,
  },
  {
    rule: RULES.TRAFFIC_DETERMINATION_DATE_REQUIRED,
    violated: (context) => isTraffic(context) && factsOf(context).determinationReceivedOn === undefined,
  },
  {
    // A determination received after the application can only be a typing error, and would let a
    // late application through the 10-day check below.
    rule: RULES.TRAFFIC_DETERMINATION_AFTER_APPLICATION,
    violated: (context) => {
      const receivedDetermination = factsOf(context).determinationReceivedOn;
      return isTraffic(context) && receivedDetermination !== undefined && receivedDetermination > context.receivedOn;
    },
  },
  {
    rule: RULES.TRAFFIC_APPLICATION_OUT_OF_TIME,
    violated: (context) => {
      const receivedDetermination = factsOf(context).determinationReceivedOn;
      return (
        isTraffic(context) &&
        receivedDetermination !== undefined &&
        context.receivedOn > lastDayToApply(receivedDetermination)
      );
    },
  },
  {
    rule: RULES.MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE,
    violated: (context, host) => isMedical(context) && host.acceptedElsewhere === true,
  },
  {
    rule: RULES.PUBLIC_SECURITY_MATTER_NOT_MEDIABLE,
    violated: (context) => isPublicSecurity(context) && factsOf(context).minorCivilMatter !== true,
  },
  {
    rule: RULES.PUBLIC_SECURITY_CONSENT_REQUIRED,
    violated: (context) => isPublicSecurity(context) && factsOf(context).partiesConsent !== true,
  },
];
