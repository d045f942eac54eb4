import { computeDueDate, type IsoDate } from '@jiefen/legal-time';
import type { CaseContext } from '../../caseContext.js';
import { startDeadline, type DeadlineRule } from '../../deadlines.js';
import { documentDeadline, span } from '../../documentDeadline.js';
import type { DeadlineSpec } from '../../flowDefinition.js';
import { LOCAL_POLICY_BASIS, withLocalPolicy } from '../shared/localPolicy.js';
import { domainOf, type AdministrativeDomain } from './facts.js';

/** RTSL-Reg Art. 94: the joint written application within 10 days of receiving the accident determination. */
export const TRAFFIC_APPLICATION_DAYS = 10;

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
export const DOMAIN_RULES: Record<AdministrativeDomain, DomainRules> = {
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
  // (cfg) No national rule: 5 working days to decide acceptance, as local rules have it (e.g. SZ-DR
  // Art. 46 in Shenzhen); 30 days to mediate. Both cite "local policy (cfg)": an organisation's policy
  // names its own rule (`policy.acceptanceDecision.basis`), since SZ-DR binds Shenzhen only.
  general: {
    acceptanceDecision: { ...acceptanceDecision(LOCAL_POLICY_BASIS, 5), cfg: true },
    mediationPeriod: { ...mediationPeriod(LOCAL_POLICY_BASIS, 30, 'day'), cfg: true },
    appraisalPauses: true,
    extendable: true,
    routesLeft: ['arbitration', 'litigation'],
  },
};

/** A domain's period, with the organisation's override where the period is local policy *(cfg)*. */
export function periodRule(
  context: CaseContext,
  kind: 'acceptanceDecision' | 'mediationPeriod',
): DeadlineRule | undefined {
  const rule = rulesOf(context)[kind];
  if (!rule) return undefined;
  const { cfg, ...statutory } = rule;
  // Statutory periods ignore local policy; a local one cites the rule its policy names (withLocalPolicy).
  return cfg ? withLocalPolicy(statutory, context.policy[kind]) : statutory;
}

/** The acceptance target, next to what the case opened with (a centre's 化解时限, docs/centres.md). */
export function openingDeadlines(context: CaseContext) {
  const rule = periodRule(context, 'acceptanceDecision');
  return rule ? startDeadline(context.deadlines, rule, context.receivedOn) : context.deadlines;
}

/** RTSL-Reg Art. 94: the last day to apply, moved off a rest day (CPL Art. 85). */
export function lastDayToApply(determinationReceivedOn: IsoDate): IsoDate {
  return computeDueDate({ from: determinationReceivedOn, length: TRAFFIC_APPLICATION_DAYS, unit: 'day' }).dueOn;
}

export const rulesOf = (context: CaseContext) => DOMAIN_RULES[domainOf(context)];

const variants = (kind: 'acceptanceDecision' | 'mediationPeriod') =>
  Object.values(DOMAIN_RULES).flatMap((r) => (r[kind] ? [r[kind]] : []));
const [firstAcceptance, ...otherAcceptances] = variants('acceptanceDecision');
const [firstPeriod, ...otherPeriods] = variants('mediationPeriod');
const { medical, consumer, general, trafficAccident, publicSecurity } = DOMAIN_RULES;

export const ADMINISTRATIVE_MEDIATION_DEADLINES: readonly DeadlineSpec[] = [
  documentDeadline(
    [firstAcceptance!, ...otherAcceptances],
    `medical ${span(medical.acceptanceDecision!)}, consumer ${span(consumer.acceptanceDecision!)} from receipt; ` +
      `general ${span(general.acceptanceDecision!)} (cfg: the organisation’s policy names its local rule, e.g. ` +
      `SZ-DR Art. 46); none for traffic and public security`,
  ),
  documentDeadline(
    [firstPeriod!, ...otherPeriods],
    `traffic ${span(trafficAccident.mediationPeriod)} from the start of mediation; ` +
      `medical ${span(medical.mediationPeriod)} and ` +
      `consumer ${span(consumer.mediationPeriod)} from acceptance; ` +
      `public security ${span(publicSecurity.mediationPeriod)} and ` +
      `general ${span(general.mediationPeriod)} (cfg); appraisal paused except in traffic`,
  ),
];
