/**
 * Administrative mediation 行政调解 of civil disputes by an administrative body, per domain:
 * road-traffic accidents (RTSL Art. 74; RTSL-Reg Arts. 94-96), medical disputes (MDR Arts. 31,
 * 40-41), consumer complaints (CRPL Arts. 39, 46; SAMR rules Arts. 14, 21), public-security
 * mediation (PSAPL Arts. 9, 99) and a general template whose periods are local policy *(cfg)*.
 *
 * pendingAcceptance → awaitingStart (traffic only) → mediating ⇄ paused (appraisal).
 * No national statute governs administrative mediation as a whole; the rule follows the domain.
 */
import { computeDueDate, type IsoDate } from '@jiefen/legal-time';
import { and, assign } from 'xstate';
import { agreementFrom, agreementPayloadSpec, checkSignatures, firstUnknownPartyInAgreement } from '../../agreements.js';
import { baseContext } from '../../baseContext.js';
import type { CaseContext, CaseEvent } from '../../caseContext.js';
import { startDeadline, type DeadlineRule } from '../../deadlines.js';
import { defineFlow, type EventSpec, type OpeningRule } from '../../flowDefinition.js';
import { centreHandlers, effect, flowSetup, violation, type FlowTransition } from '../../flowSetup.js';
import { COMMON_RULES, defineRules } from '../../rules.js';
import { NO_PAYLOAD, PARTY_PAYLOAD, PERIOD_EXTENSION_PAYLOAD } from '../../payloads.js';
import { field } from '../../schema.js';

export const ADMINISTRATIVE_DOMAINS = ['trafficAccident', 'medical', 'consumer', 'publicSecurity', 'general'] as const;
export type AdministrativeDomain = (typeof ADMINISTRATIVE_DOMAINS)[number];

export const ADMINISTRATIVE_MEDIATION_RULES = defineRules({
  TRAFFIC_JOINT_WRITTEN_APPLICATION_REQUIRED: {
    basis: 'RTSL-Reg Art. 94',
    requirement: 'the traffic police mediate accident compensation only on a written application all parties make together',
  },
  TRAFFIC_DETERMINATION_DATE_REQUIRED: {
    basis: 'RTSL-Reg Art. 94',
    requirement: 'a traffic-accident mediation application states the day the accident determination was received',
  },
  TRAFFIC_APPLICATION_OUT_OF_TIME: {
    basis: 'RTSL-Reg Art. 94; CPL Art. 85',
    requirement: 'the joint written application reaches the traffic police within 10 days of receiving the accident determination',
  },
  TRAFFIC_DETERMINATION_AFTER_APPLICATION: {
    basis: 'RTSL-Reg Art. 94',
    requirement: 'the parties apply after they received the accident determination: the day it was received is on or before the day the application was',
  },
  MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE: {
    basis: 'MDR Art. 40',
    requirement:
      'the health department does not accept, and stops mediating, a medical dispute a court or a medical people’s mediation committee has accepted',
  },
  MEDICAL_MEDIATION_NEEDS_BOTH_SIDES: {
    basis: 'MDR Arts. 31, 40',
    requirement: 'a medical dispute is mediated on a joint application, or on one side’s application with the other side’s consent',
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
      'a body accepts an application on or after the day it received it; the mediation period counts from the acceptance, and an earlier date would shorten it',
  },
  STATEMENT_BEFORE_ACCEPTANCE: {
    basis: 'RTSL-Reg Art. 95; MDR Art. 41; CPL Art. 205',
    requirement:
      'the mediation statement takes effect on or after the day the body accepted the dispute; the 30 days to apply for judicial confirmation count from it',
  },
  PERIOD_NOT_EXTENDABLE: {
    basis: 'RTSL-Reg Art. 95; MDR Art. 40; SAMR rules Art. 21',
    requirement: 'the statutory mediation period of traffic, medical and consumer mediation cannot be extended; when it ends without agreement mediation has failed',
  },
});

const RULES = { ...COMMON_RULES, ...ADMINISTRATIVE_MEDIATION_RULES };

/** RTSL-Reg Art. 94: the joint written application within 10 days of receiving the accident determination. */
const TRAFFIC_APPLICATION_DAYS = 10;
/** CPL Art. 205: a joint application for judicial confirmation within 30 days of the agreement's effect. */
const CONFIRMATION_WINDOW_DAYS = 30;

interface DomainRules {
  /** A target for the body's acceptance decision, from `receivedOn`; `cfg` lets local policy override it. */
  acceptanceDecision?: DeadlineRule & { cfg?: boolean };
  mediationPeriod: DeadlineRule & { cfg?: boolean };
  /** Whether appraisal time is left out of `mediationPeriod`. */
  appraisalPauses: boolean;
  /** Whether all parties may agree to extend `mediationPeriod`. */
  extendable: boolean;
  /** The routes named in the termination statement (调解终结书) when mediation fails. */
  routesLeft: readonly string[];
}

const acceptanceDecision = (basis: string, length: number): DeadlineRule => ({
  kind: 'acceptanceDecision',
  sort: 'target',
  basis,
  length,
  unit: 'workingDay',
});
const mediationPeriod = (basis: string, length: number, unit: DeadlineRule['unit']): DeadlineRule => ({
  kind: 'mediationPeriod',
  sort: 'limit',
  basis,
  length,
  unit,
});

/** The rule follows the domain (flows.md, administrative-mediation domain table). */
const DOMAIN_RULES: Record<AdministrativeDomain, DomainRules> = {
  // RTSL-Reg Arts. 94-95: 10 days from the day mediation can start; RTSL Art. 74: else sue.
  trafficAccident: {
    mediationPeriod: mediationPeriod('RTSL-Reg Arts. 94-95', 10, 'day'),
    appraisalPauses: false,
    extendable: false,
    routesLeft: ['litigation'],
  },
  // MDR Art. 40: decide acceptance in 5 working days; 30 working days, appraisal excluded, no extension.
  medical: {
    acceptanceDecision: acceptanceDecision('MDR Art. 40', 5),
    mediationPeriod: mediationPeriod('MDR Art. 40', 30, 'workingDay'),
    appraisalPauses: true,
    extendable: false,
    routesLeft: ['peopleMediation', 'litigation'],
  },
  // CRPL Art. 46; SAMR rules Arts. 14, 21 (medium): 7 working days to decide; 45 working days to agree.
  consumer: {
    acceptanceDecision: acceptanceDecision('CRPL Art. 46; SAMR rules Art. 14', 7),
    mediationPeriod: mediationPeriod('SAMR rules Art. 21', 45, 'workingDay'),
    appraisalPauses: true,
    extendable: false,
    routesLeft: ['consumerAssociation', 'arbitration', 'litigation'],
  },
  // (cfg) Mediation has to fit in the 30-day case-handling period, appraisal excluded (PSAPL Art. 99).
  publicSecurity: {
    mediationPeriod: { ...mediationPeriod('PSAPL Art. 99 (cfg)', 30, 'day'), cfg: true },
    appraisalPauses: true,
    extendable: true,
    routesLeft: ['litigation'],
  },
  // (cfg) Local rules: acceptance within 5 working days (SZ-DR Art. 46, local); 30 days to mediate.
  general: {
    acceptanceDecision: { ...acceptanceDecision('SZ-DR Art. 46 (local; cfg)', 5), cfg: true },
    mediationPeriod: { ...mediationPeriod('local policy (cfg)', 30, 'day'), cfg: true },
    appraisalPauses: true,
    extendable: true,
    routesLeft: ['arbitration', 'litigation'],
  },
};

interface AdministrativeFacts {
  domain: AdministrativeDomain;
  determinationReceivedOn?: IsoDate;
  jointWrittenApplication?: boolean;
  minorCivilMatter?: boolean;
  partiesConsent?: boolean;
}

const factsOf = (context: CaseContext) => context.facts as unknown as AdministrativeFacts;
const domainOf = (context: CaseContext) => factsOf(context).domain;
const rulesOf = (context: CaseContext) => DOMAIN_RULES[domainOf(context)];

/** A domain's period, with the organisation's override where the period is local policy *(cfg)*. */
function periodRule(context: CaseContext, kind: 'acceptanceDecision' | 'mediationPeriod'): DeadlineRule | undefined {
  const rule = rulesOf(context)[kind];
  if (!rule) return undefined;
  const { cfg, ...statutory } = rule;
  const local = cfg ? context.policy[kind] : undefined;
  return { ...statutory, ...local };
}

function openingDeadlines(context: CaseContext) {
  const rule = periodRule(context, 'acceptanceDecision');
  return rule ? startDeadline([], rule, context.receivedOn) : [];
}

/** RTSL-Reg Art. 94: the last day to apply, moved off a rest day (CPL Art. 85). */
function lastDayToApply(determinationReceivedOn: IsoDate): IsoDate {
  return computeDueDate({ from: determinationReceivedOn, length: TRAFFIC_APPLICATION_DAYS, unit: 'day' }).dueOn;
}

const isTraffic = (context: CaseContext) => domainOf(context) === 'trafficAccident';
const isMedical = (context: CaseContext) => domainOf(context) === 'medical';
const isPublicSecurity = (context: CaseContext) => domainOf(context) === 'publicSecurity';

const OPENING_RULES: readonly OpeningRule[] = [
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
      return isTraffic(context) && receivedDetermination !== undefined && context.receivedOn > lastDayToApply(receivedDetermination);
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

const REJECTION_REASONS = ['outOfCompetence', 'acceptedElsewhere', 'notMediable', 'outOfTime', 'incompleteApplication', 'other'] as const;
const FAILURE_REASONS = ['noAgreement', 'partyAbsent', 'partyRefused', 'acceptedElsewhere', 'other'] as const;

/** The termination statement (调解终结书) names the routes the domain leaves open. */
const failure = (fixedReason?: string) => {
  const reasonOf = (event: CaseEvent): string => fixedReason ?? event.payload.reason;
  return [
    { type: 'recordOutcome', params: fixedReason ? { reason: fixedReason } : {} },
    effect(({ context, event }) => ({
      type: 'document.issued',
      document: 'terminationStatement',
      details: { reason: reasonOf(event), remainingRoutes: [...rulesOf(context).routesLeft] },
    })),
  ];
};

/**
 * PSAPL Art. 9: an agreement means no penalty; no agreement means the police impose the penalty
 * and tell the parties they may sue. The transition gets a variant that tells the case-handling unit.
 */
function withPublicSecurityNotice(
  transition: FlowTransition & { actions: unknown[] },
  notice: 'noPenalty' | 'penaltyProcedureResumes',
): FlowTransition[] {
  const guard = transition.guard ? and([transition.guard as never, 'isPublicSecurity']) : 'isPublicSecurity';
  const told = effect({ type: 'notice.sent', notice, to: 'organization', details: { basis: 'PSAPL Art. 9' } });
  return [{ ...transition, guard, actions: [...transition.actions, told] } as FlowTransition, transition];
}

export const administrativeMediationMachine = flowSetup
  .extend({
    guards: {
      isTraffic: ({ context }) => isTraffic(context),
      isPublicSecurity: ({ context }) => isPublicSecurity(context),
      appraisalPauses: ({ context }) => rulesOf(context).appraisalPauses,
      periodNotExtendable: ({ context }) => !rulesOf(context).extendable,
      // Dates that can only be typing errors, and would start a period early (the mediation period; CPL Art. 205's 30 days).
      acceptedBeforeReceipt: ({ context, event }) => event.payload.acceptedOn !== undefined && event.payload.acceptedOn < context.receivedOn,
      statementBeforeAcceptance: ({ context, event }) =>
        context.acceptedOn !== null && (event.payload.effectiveOn ?? event.today) < context.acceptedOn,
      medicalAcceptedElsewhere: ({ context, event }) => isMedical(context) && event.host.acceptedElsewhere === true,
      medicalWithoutBothSides: ({ context, event }) => isMedical(context) && event.payload.otherSideConsented !== true,
      statementUnsigned: ({ context, event }) => checkSignatures(context, event.payload as never, { sealRequired: false }) !== 'ok',
      agreementNamesUnknownParty: ({ context, event }) => firstUnknownPartyInAgreement(context, event.payload as never) !== undefined,
    },
    actions: {
      accept: assign(({ context, event }) => {
        const acceptedOn: IsoDate = event.payload.acceptedOn ?? event.today;
        const deadlines = context.deadlines.filter((d) => d.kind !== 'acceptanceDecision');
        // RTSL-Reg Art. 94: a traffic case's period waits for `mediation.started`.
        const rule = isTraffic(context) ? undefined : periodRule(context, 'mediationPeriod');
        return { acceptedOn, deadlines: rule ? startDeadline(deadlines, rule, acceptedOn) : deadlines };
      }),
      // RTSL-Reg Art. 94: the period starts when the funeral ended, treatment ended or disability
      // was rated, or the loss was fixed — and never before the case was accepted.
      startTrafficPeriod: assign(({ context, event }) => {
        const startsOn: IsoDate = event.payload.startsOn ?? event.today;
        const from = context.acceptedOn && context.acceptedOn > startsOn ? context.acceptedOn : startsOn;
        return {
          records: { ...context.records, mediationStartsOn: startsOn },
          deadlines: startDeadline(context.deadlines, periodRule(context, 'mediationPeriod')!, from),
        };
      }),
      startAppraisal: assign(({ context, event }) => ({ records: { ...context.records, appraisalStartedOn: event.today } })),
      completeAppraisal: assign(({ context, event }) => {
        const { appraisalStartedOn, ...records } = context.records;
        const appraisals = [...((records.appraisals as unknown[]) ?? []), { startedOn: appraisalStartedOn, completedOn: event.today }];
        return { records: { ...records, appraisals } };
      }),
      signStatement: assign(({ context, event }) => {
        const agreement = agreementFrom(context, event.payload as never, event.today);
        // Recorded as information: the case ends here, judicial confirmation is a case of its own.
        const confirmableUntil = computeDueDate({ from: agreement.effectiveOn, length: CONFIRMATION_WINDOW_DAYS, unit: 'day' }).dueOn;
        return { agreement, records: { ...context.records, confirmableUntil } };
      }),
      recordLawsuit: assign(({ context, event }) => ({
        records: { ...context.records, lawsuit: { courtId: event.payload.courtId, filedOn: event.payload.filedOn ?? event.today } },
      })),
    },
  })
  .createMachine({
    id: 'administrative-mediation',
    context: ({ input }) => {
      const context = baseContext(input);
      const given = input.input as Partial<AdministrativeFacts>;
      const facts = Object.fromEntries(
        (['domain', 'determinationReceivedOn', 'jointWrittenApplication', 'minorCivilMatter', 'partiesConsent'] as const)
          .filter((key) => given[key] !== undefined)
          .map((key) => [key, given[key]]),
      );
      const opened = { ...context, facts };
      return { ...opened, deadlines: openingDeadlines(opened) };
    },
    initial: 'pendingAcceptance',
    on: centreHandlers,
    states: {
      pendingAcceptance: {
        meta: { titleZh: '待受理' },
        description: '待受理 dàishòulǐ — application received, the body has not decided whether to accept it',
        tags: 'open',
        on: {
          'application.accepted': [
            violation('medicalAcceptedElsewhere', RULES.MEDICAL_DISPUTE_ACCEPTED_ELSEWHERE),
            violation('medicalWithoutBothSides', RULES.MEDICAL_MEDIATION_NEEDS_BOTH_SIDES),
            violation({ type: 'dateInFuture', params: { field: 'acceptedOn' } }, RULES.DATE_NOT_IN_FUTURE),
            violation('acceptedBeforeReceipt', RULES.ACCEPTANCE_BEFORE_RECEIPT),
            { guard: 'isTraffic', target: 'awaitingStart', actions: ['accept', acceptanceNotice()] },
            { target: 'mediating', actions: ['accept', acceptanceNotice()] },
          ],
          'application.rejected': {
            target: 'notAccepted',
            actions: [
              'recordOutcome',
              effect(({ event }) => ({ type: 'document.issued', document: 'rejectionNotice', details: { reason: event.payload.reason } })),
            ],
          },
          ...litigation(),
          ...withdrawal(),
        },
      },
      awaitingStart: {
        meta: { titleZh: '待开始调解' },
        description: '待开始调解 dài kāishǐ tiáojiě — accepted; mediation starts when the funeral or treatment ends, disability is rated or the loss is fixed (RTSL-Reg Art. 94)',
        tags: 'open',
        on: {
          'mediation.started': [
            violation({ type: 'dateInFuture', params: { field: 'startsOn' } }, RULES.DATE_NOT_IN_FUTURE),
            { target: 'mediating', actions: 'startTrafficPeriod' },
          ],
          ...litigation(),
          ...withdrawal(),
        },
      },
      mediating: {
        meta: { titleZh: '调解中' },
        description: '调解中 tiáojiě zhōng — the administrative body is mediating',
        tags: 'open',
        on: {
          'appraisal.started': [
            // MDR Art. 40; PSAPL Art. 99; SAMR rules: appraisal time is not counted.
            { guard: 'appraisalPauses', target: 'paused', actions: ['startAppraisal', { type: 'pauseDeadline', params: { kind: 'mediationPeriod' } }] },
            { target: 'paused', actions: 'startAppraisal' },
          ],
          'agreement.signed': [
            violation('agreementNamesUnknownParty', RULES.UNKNOWN_PARTY),
            violation({ type: 'dateInFuture', params: { field: 'effectiveOn' } }, RULES.DATE_NOT_IN_FUTURE),
            violation('statementBeforeAcceptance', RULES.STATEMENT_BEFORE_ACCEPTANCE),
            violation('statementUnsigned', RULES.MEDIATION_STATEMENT_UNSIGNED),
            ...withPublicSecurityNotice(
              {
                target: 'agreementSigned',
                actions: [
                  'signStatement',
                  { type: 'recordOutcome', params: { reason: 'agreed' } },
                  effect({ type: 'document.issued', document: 'mediationStatement', details: { servedOn: 'parties' } }),
                ],
              },
              'noPenalty',
            ),
          ],
          ...periodHandlers(),
          ...endings(),
        },
      },
      paused: {
        meta: { titleZh: '鉴定中' },
        description: '鉴定中 jiàndìng zhōng — appraisal under way; where the domain excludes it, the period does not run',
        tags: 'open',
        on: {
          'appraisal.completed': [
            { guard: 'appraisalPauses', target: 'mediating', actions: ['completeAppraisal', { type: 'resumeDeadline', params: { kind: 'mediationPeriod' } }] },
            { target: 'mediating', actions: 'completeAppraisal' },
          ],
          ...periodHandlers(),
          ...endings(),
        },
      },
      notAccepted: {
        type: 'final',
        meta: { titleZh: '不予受理' },
        description: '不予受理 bùyǔ shòulǐ — the body did not accept the dispute',
        tags: 'notAccepted',
        entry: 'endCase',
      },
      agreementSigned: {
        type: 'final',
        meta: { titleZh: '调解书生效' },
        description: '调解书生效 tiáojiěshū shēngxiào — every party signed the mediation statement (RTSL-Reg Art. 95; MDR Art. 41)',
        tags: ['resolved', 'agreementConfirmable'],
        entry: 'endCase',
      },
      failed: {
        type: 'final',
        meta: { titleZh: '调解终结' },
        description: '调解终结 tiáojiě zhōngjié — no agreement; the termination statement names the routes left (RTSL-Reg Art. 95; MDR Art. 40)',
        tags: 'unresolved',
        entry: 'endCase',
      },
      terminatedByLitigation: {
        type: 'final',
        meta: { titleZh: '因起诉终止' },
        description: '因起诉终止 yīn qǐsù zhōngzhǐ — a party sued; administrative mediation ends (RTSL-Reg Art. 96; MDR Art. 40)',
        tags: 'referred',
        entry: 'endCase',
      },
      withdrawn: {
        type: 'final',
        meta: { titleZh: '撤回' },
        description: '撤回 chèhuí — withdrawn by the applicant',
        tags: 'withdrawn',
        entry: 'endCase',
      },
    },
  });

function acceptanceNotice() {
  return effect({ type: 'document.issued', document: 'acceptanceNotice' });
}

/** Extension (only where the period is local policy) and expiry of the mediation period. */
function periodHandlers(): Record<string, FlowTransition[]> {
  return {
    'period.extended': [
      violation('periodNotExtendable', RULES.PERIOD_NOT_EXTENDABLE),
      violation({ type: 'unknownPartyIn', params: { field: 'consentingPartyIds' } }, RULES.UNKNOWN_PARTY),
      violation('notEveryPartyConsents', RULES.ALL_PARTIES_MUST_CONSENT),
      {
        actions: [
          { type: 'extendDeadline', params: { kind: 'mediationPeriod' } },
          { type: 'recordInList', params: { list: 'extensions', fields: ['length', 'unit', 'consentingPartyIds'] } },
        ],
      },
    ],
    // MDR Art. 40; RTSL-Reg Art. 95: the period over without agreement counts as failed (视为调解不成).
    'deadline.expired': withPublicSecurityNotice(
      { guard: { type: 'deadlineDue', params: { kind: 'mediationPeriod', sort: 'limit' } }, target: 'failed', actions: failure('expired') },
      'penaltyProcedureResumes',
    ),
  };
}

function endings(): Record<string, FlowTransition | FlowTransition[]> {
  return {
    'mediation.failed': withPublicSecurityNotice({ target: 'failed', actions: failure() }, 'penaltyProcedureResumes'),
    ...litigation(),
    ...withdrawal(),
  };
}

/** RTSL-Reg Art. 96; MDR Art. 40: once a party sues, the body no longer accepts or continues mediation. */
function litigation(): Record<string, FlowTransition[]> {
  return {
    'lawsuit.filed': [
      violation({ type: 'dateInFuture', params: { field: 'filedOn' } }, RULES.DATE_NOT_IN_FUTURE),
      {
        target: 'terminatedByLitigation',
        actions: [
          'recordLawsuit',
          { type: 'recordOutcome', params: { reason: 'lawsuitFiled' } },
          effect(({ event }) => ({
            type: 'notice.sent',
            notice: 'mediationTerminatedByLitigation',
            to: 'parties',
            details: { courtId: event.payload.courtId, basis: 'RTSL-Reg Art. 96; MDR Art. 40' },
          })),
        ],
      },
    ],
  };
}

function withdrawal(): Record<string, FlowTransition[]> {
  return {
    'case.withdrawn': [
      violation('unknownParty', RULES.UNKNOWN_PARTY),
      violation('notAnApplicant', RULES.WITHDRAWAL_BY_APPLICANT),
      { target: 'withdrawn', actions: { type: 'recordOutcome', params: { reason: 'withdrawnByApplicant' } } },
    ],
  };
}

const ADMINISTRATIVE_MEDIATION_EVENTS = {
  'application.accepted': {
    titleZh: '受理',
    description: '受理: the body accepts; starts the mediation period (traffic: waits for mediation.started)',
    by: ['reception', 'mediator'],
    payload: field.object({
      acceptedOn: field.optional(field.date({ description: 'default: today' })),
      otherSideConsented: field.optional(
        field.boolean({ description: 'medical disputes: the other side applied too or consented (MDR Arts. 31, 40)' }),
      ),
    }),
  },
  'application.rejected': {
    titleZh: '不予受理',
    description: '不予受理: the body does not accept the dispute',
    by: ['reception', 'mediator'],
    payload: field.object({ reason: field.oneOf(REJECTION_REASONS) }),
  },
  'mediation.started': {
    titleZh: '开始调解',
    description: '开始调解: traffic — the funeral or treatment ended, disability was rated or the loss was fixed (RTSL-Reg Art. 94)',
    by: ['mediator'],
    payload: field.object({ startsOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'appraisal.started': {
    titleZh: '鉴定开始',
    description: '鉴定开始: pauses the mediation period where the domain excludes appraisal (MDR Art. 40)',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'appraisal.completed': {
    titleZh: '鉴定完成',
    description: '鉴定完成: resumes the period with the time that was left',
    by: ['mediator'],
    payload: NO_PAYLOAD,
  },
  'period.extended': {
    titleZh: '延长调解期限',
    description: '延长调解期限: only where the period is local policy (public security, general), with every party’s consent',
    by: ['mediator'],
    payload: PERIOD_EXTENSION_PAYLOAD,
  },
  'agreement.signed': {
    titleZh: '制作调解书',
    description: '制作调解书: effective when every bound party has signed (RTSL-Reg Art. 95; MDR Art. 41)',
    by: ['mediator'],
    payload: agreementPayloadSpec({ withForm: false }),
  },
  'mediation.failed': {
    titleZh: '调解不成',
    description: '调解不成: the termination statement (调解终结书) names the routes left',
    by: ['mediator'],
    payload: field.object({ reason: field.oneOf(FAILURE_REASONS), note: field.optional(field.text()) }),
  },
  'lawsuit.filed': {
    titleZh: '当事人起诉',
    description: '当事人起诉: administrative mediation ends (RTSL-Reg Art. 96; MDR Art. 40)',
    by: ['reception', 'mediator'],
    payload: field.object({ courtId: field.id(), filedOn: field.optional(field.date({ description: 'default: today' })) }),
  },
  'case.withdrawn': {
    titleZh: '撤回',
    description: '撤回: an applicant withdraws',
    by: ['reception', 'mediator'],
    payload: PARTY_PAYLOAD,
  },
} as const satisfies Record<string, EventSpec>;

export const administrativeMediationV1 = defineFlow({
  id: 'administrative-mediation',
  version: 1,
  title: 'Administrative mediation',
  titleZh: '行政调解',
  basis: 'RTSL Art. 74; RTSL-Reg Arts. 94-96; MDR Arts. 31, 40-41; CRPL Arts. 39, 46; SAMR rules Arts. 14, 21; PSAPL Arts. 9, 99',
  machine: administrativeMediationMachine,
  openedBy: ['reception', 'mediator'],
  organizationFields: { courtId: 'reference' },
  intake: {
    domain: field.oneOf(ADMINISTRATIVE_DOMAINS),
    determinationReceivedOn: field.optional(
      field.date({ description: 'traffic: the day the accident determination (交通事故认定书) was received (RTSL-Reg Art. 94)' }),
    ),
    jointWrittenApplication: field.optional(
      field.boolean({ description: 'traffic: every party applied together in writing (RTSL-Reg Art. 94)' }),
    ),
    minorCivilMatter: field.optional(
      field.boolean({ description: 'public security: a minor violation arising from a civil dispute (PSAPL Art. 9)' }),
    ),
    partiesConsent: field.optional(field.boolean({ description: 'public security: every party agrees to police mediation (PSAPL Art. 9)' })),
  },
  events: ADMINISTRATIVE_MEDIATION_EVENTS,
  deadlines: [
    {
      kind: 'acceptanceDecision',
      sort: 'target',
      basis: 'MDR Art. 40; CRPL Art. 46; SAMR rules Art. 14; SZ-DR Art. 46 (cfg)',
      description: 'medical 5, consumer 7 working days from receipt; general 5 working days (cfg); none for traffic and public security',
    },
    {
      kind: 'mediationPeriod',
      sort: 'limit',
      basis: 'RTSL-Reg Arts. 94-95; MDR Art. 40; SAMR rules Art. 21; PSAPL Art. 99 (cfg)',
      description:
        'traffic 10 days from the start of mediation; medical 30 and consumer 45 working days from acceptance; public security and general 30 days (cfg); appraisal paused except in traffic',
    },
    { kind: 'supervision', sort: 'target', basis: 'PC-Reg Art. 40', description: '督办 due date' },
  ],
  rules: Object.values(RULES),
  openingRules: OPENING_RULES,
});
