import type { Organization } from '../organizations/organization.entity.js';
import { escapeLike } from '../common/escapeLike.js';

/**
 * Which cases a user sees: those handled by their organisation or any organisation below it (a
 * district sees its streets, the city sees all), and, for a court, the cases before it. A case
 * outside the scope answers 404, never 403, so its existence does not leak.
 */
export interface CaseScope {
  organizationPath: string;
  organizationId: string;
}

export function scopeOf(organization: Organization): CaseScope {
  return { organizationPath: organization.path, organizationId: organization.id };
}

export function inScope(scope: CaseScope, c: { organizationPath: string; courtId: string | null }): boolean {
  return c.organizationPath.startsWith(scope.organizationPath) || c.courtId === scope.organizationId;
}

/** The same rule as SQL over `cases` (aliased `alias`), with its parameters appended to `values`. */
export function scopeSql(scope: CaseScope, values: unknown[], alias = ''): string {
  const a = alias ? `${alias}.` : '';
  const path = values.push(`${escapeLike(scope.organizationPath)}%`);
  const court = values.push(scope.organizationId);
  return `(${a}organization_path LIKE $${path} OR ${a}court_id = $${court}::uuid)`;
}
