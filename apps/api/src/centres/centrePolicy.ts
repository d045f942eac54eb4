import type { HostFacts } from '@jiefen/flows';
import type { Organization, OrganizationLevel } from '../organizations/organization.entity.js';

interface LevelPolicy {
  /** How long a case may stay unresolved at this level (a target: overdue, never a legal limit). */
  resolutionTarget?: { length: number; unit: 'day' | 'workingDay' | 'month' };
  /** Past its target, the case goes up to the next centre by itself. */
  autoEscalate: boolean;
}

/**
 * Service-level targets of the three-level centres (*(cfg)*; documented in docs/centres.md).
 * County practice quoted in legal-reference §8.3 resolves simple cases in 1 day, ordinary ones in
 * 7 and complex ones in 20 (街镇吸附稳控、区级化解处突、市级督导调度); these are the defaults, and an
 * organisation overrides its own target with `policy.resolutionTarget`.
 */
export const DEFAULT_LEVEL_POLICY: Record<OrganizationLevel, LevelPolicy> = {
  community: { resolutionTarget: { length: 7, unit: 'day' }, autoEscalate: true },
  street: { resolutionTarget: { length: 20, unit: 'day' }, autoEscalate: true },
  district: { resolutionTarget: { length: 30, unit: 'day' }, autoEscalate: false },
  city: { autoEscalate: false },
};

/** Red risk is reported at once to this level (legal-reference §8.3: red = report immediately). */
export const RED_RISK_REPORT_LEVEL: OrganizationLevel = 'city';

/**
 * A conflict-mediation centre of the tree: a 矛调中心, or the 综治中心 it has been folded into
 * (docs/centres.md "综治中心"). Both carry the level's targets, escalate and receive escalations.
 */
export function isCentre(organization: Pick<Organization, 'kind'> | undefined): boolean {
  return organization?.kind === 'centre' || organization?.kind === 'governanceCentre';
}

/** The resolution target a case handled by `organization` carries; only conflict-mediation centres have one. */
export function resolutionTargetFor(organization: Organization): HostFacts['resolutionTarget'] {
  if (!isCentre(organization)) return undefined;
  const own = organization.policy.resolutionTarget;
  const target =
    own && own.unit !== 'year'
      ? { length: own.length, unit: own.unit }
      : DEFAULT_LEVEL_POLICY[organization.level].resolutionTarget;
  return target && { ...target, basis: `centre policy: ${organization.level} level (cfg)` };
}

export function autoEscalates(organization: Organization): boolean {
  return isCentre(organization) && DEFAULT_LEVEL_POLICY[organization.level].autoEscalate;
}

/** The ids on an organisation's path, nearest ancestor first. */
export function ancestorIds(organization: Organization): string[] {
  return organization.path.split('/').filter(Boolean).slice(0, -1).reverse();
}
