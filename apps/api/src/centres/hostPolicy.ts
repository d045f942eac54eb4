import { addDays, computeDueDate, workingDaysBefore } from '@jiefen/legal-time';
import type { Organization } from '../organizations/organization.entity.js';

/**
 * The service's own *(cfg)* policies, kept in `organizations.policy` beside the flows' periods
 * (docs/centres.md "Policies"):
 * - `stuckThreshold`: a case with no event for this long is listed as stuck (停滞) on the board;
 * - `returnVisitTarget`: a return visit (回访) is due this long after the agreement's last
 *   performance date, or after the agreement took effect when it names none.
 * Unlike the flows' periods, these are inherited: an organisation without its own uses its
 * nearest ancestor's, so a district sets one for all its streets; else the default below.
 */
export const HOST_POLICY_KEYS = ['stuckThreshold', 'returnVisitTarget'] as const;
export type HostPolicyKey = (typeof HOST_POLICY_KEYS)[number];

export interface HostPeriod {
  length: number;
  unit: 'day' | 'workingDay';
}

export const HOST_POLICY_DEFAULTS: Record<HostPolicyKey, HostPeriod> = {
  stuckThreshold: { length: 10, unit: 'workingDay' },
  returnVisitTarget: { length: 30, unit: 'day' },
};

/**
 * The period that applies at `organization`: its own, its nearest ancestor's, or the default; with where it came from.
 */
export function hostPolicyOf(
  key: HostPolicyKey,
  organization: Organization,
  ancestors: readonly Organization[],
): HostPeriod & { source: 'own' | 'inherited' | 'default'; fromOrganizationId?: string } {
  for (const [index, o] of [organization, ...ancestors].entries()) {
    const own = o.policy[key];
    if (own && (own.unit === 'day' || own.unit === 'workingDay')) {
      return {
        length: own.length,
        unit: own.unit,
        source: index === 0 ? 'own' : 'inherited',
        ...(index === 0 ? {} : { fromOrganizationId: o.id }),
      };
    }
  }
  return { ...HOST_POLICY_DEFAULTS[key], source: 'default' };
}

/**
 * A case whose last event was on or before this day has had none for
 * `threshold` (working days on the official calendar): it is stuck.
 */
export function stuckSince(today: string, threshold: HostPeriod): string {
  if (threshold.unit === 'workingDay') return workingDaysBefore(today, threshold.length);
  return addDays(today, -threshold.length);
}

/**
 * When a return visit falls due: `target` after `from` (the last performance date, or the agreement's effective date).
 */
export function returnVisitDueOn(from: string, target: HostPeriod): string {
  return computeDueDate({ from, length: target.length, unit: target.unit }).dueOn;
}
