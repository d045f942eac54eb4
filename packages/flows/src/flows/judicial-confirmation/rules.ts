import type { OpeningRule } from '../../flowDefinition.js';
import type { CaseContext } from '../../caseContext.js';
import { COMMON_RULES, defineRules } from '../../rules.js';
import { factsOf, type AgreementSource } from './facts.js';

export const JUDICIAL_CONFIRMATION_RULES = defineRules({
  AGREEMENT_REQUIRED: {
    basis: 'CPL-Interp Art. 354; SPC-Confirm-2011 Art. 3',
    requirement:
      'an application for judicial confirmation names exactly one mediation agreement: a linked case’s ' +
      '(linkedCaseId) or one given inline (agreement)',
  },
  LINKED_AGREEMENT_NOT_CONFIRMABLE: {
    basis: 'PML Art. 33; CPL Art. 205',
    requirement:
      'a linked case qualifies only while it holds an effective mediation agreement that ' +
      'judicial confirmation may take up',
  },
  CONFIRMATION_WINDOW_EXPIRED: {
    basis: 'PML Art. 33; CPL Art. 205',
    requirement: 'judicial confirmation is applied for within 30 days from the day the mediation agreement took effect',
  },
  JOINT_APPLICATION_REQUIRED: {
    basis: 'PML Art. 33; CPL Art. 205; CPL-Interp Art. 351',
    requirement: 'every party bound by the agreement applies together with the others; one side alone cannot apply',
  },
  SUPPLEMENT_DUE_IN_FUTURE: {
    basis: 'CPL-Interp Arts. 354, 356',
    requirement: 'the time limit the court sets for further statements or evidence ends after today',
  },
  REVIEW_ALREADY_EXTENDED: {
    basis: 'SPC-Confirm-2011 Art. 5',
    requirement: 'the review period is extended only once, with the court president’s approval',
  },
  REVIEW_EXTENSION_TOO_LONG: {
    basis: 'SPC-Confirm-2011 Art. 5',
    requirement: 'the review period is extended by at most 10 days',
  },
  SERVICE_BEFORE_RULING: {
    basis: 'CPL-Interp Art. 372',
    requirement:
      'a ruling is served on or after the day it was made; each party’s 15 days to object count from its service',
  },
});

/** Every rule judicial confirmation enforces: its own and the common ones. */
export const RULES = { ...COMMON_RULES, ...JUDICIAL_CONFIRMATION_RULES };

const sourceIs = (context: CaseContext, ...sources: AgreementSource[]) =>
  sources.includes(factsOf(context).agreementSource);

/** Checked when the application is registered: one agreement, still within its window, applied for jointly. */
export const JUDICIAL_CONFIRMATION_OPENING_RULES: OpeningRule[] = [
  { rule: RULES.AGREEMENT_REQUIRED, violated: (c) => sourceIs(c, 'none', 'both') },
  { rule: RULES.LINKED_AGREEMENT_NOT_CONFIRMABLE, violated: (c) => sourceIs(c, 'linkedCase') && c.agreement === null },
  { rule: RULES.DATE_NOT_IN_FUTURE, violated: (c) => c.agreement !== null && c.agreement.effectiveOn > c.openedOn },
  {
    rule: RULES.UNKNOWN_PARTY,
    violated: (c) =>
      sourceIs(c, 'inline') && c.agreement!.terms.some((t) => !c.parties.some((p) => p.id === t.obligorPartyId)),
  },
  {
    rule: RULES.CONFIRMATION_WINDOW_EXPIRED,
    violated: (c) =>
      factsOf(c).confirmationWindowDueOn !== null && factsOf(c).appliedOn > factsOf(c).confirmationWindowDueOn!,
  },
  { rule: RULES.JOINT_APPLICATION_REQUIRED, violated: (c) => factsOf(c).boundParties.some((b) => b.partyId === null) },
];
