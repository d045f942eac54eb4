import type { IsoDate } from '@jiefen/legal-time';
import type { CaseContext } from '../../caseContext.js';

export const ADMINISTRATIVE_DOMAINS = ['trafficAccident', 'medical', 'consumer', 'publicSecurity', 'general'] as const;
export type AdministrativeDomain = (typeof ADMINISTRATIVE_DOMAINS)[number];

/** What administrative mediation keeps in `context.facts`: the domain, and what its opening rules check. */
export interface AdministrativeFacts {
  domain: AdministrativeDomain;
  determinationReceivedOn?: IsoDate;
  jointWrittenApplication?: boolean;
  minorCivilMatter?: boolean;
  partiesConsent?: boolean;
}

export const FACT_FIELDS = [
  'domain',
  'determinationReceivedOn',
  'jointWrittenApplication',
  'minorCivilMatter',
  'partiesConsent',
] as const;

export const factsOf = (context: CaseContext) => context.facts as unknown as AdministrativeFacts;
export const domainOf = (context: CaseContext) => factsOf(context).domain;
export const isTraffic = (context: CaseContext) => domainOf(context) === 'trafficAccident';
export const isMedical = (context: CaseContext) => domainOf(context) === 'medical';
export const isPublicSecurity = (context: CaseContext) => domainOf(context) === 'publicSecurity';
