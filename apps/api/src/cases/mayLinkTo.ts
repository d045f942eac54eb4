import { inScope, scopeOf } from '../auth/caseScope.js';
import type { Organization } from '../organizations/organization.entity.js';

/**
 * Whether an organisation may name a case as `linkedCaseId` when opening one: a case in its scope
 * or, for a court, one handled in the area the court sits in (its parent's subtree — the basic
 * court where the mediation organisation is, CPL Art. 205; PML Art. 33).
 */
export function mayLinkTo(own: Organization, row: { organizationPath: string; courtId: string | null }): boolean {
  if (inScope(scopeOf(own), row)) return true;
  return (
    own.kind === 'court' &&
    row.organizationPath.startsWith(own.path.slice(0, own.path.slice(0, -1).lastIndexOf('/') + 1))
  );
}
