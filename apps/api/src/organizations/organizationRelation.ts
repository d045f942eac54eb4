import type { OrganizationRelation } from '@jiefen/flows';

/** Where `other` sits relative to `base` in the tree, from their materialised paths. */
export function relationOf(otherPath: string, basePath: string): OrganizationRelation {
  if (otherPath === basePath) return 'self';
  if (basePath.startsWith(otherPath)) return 'ancestor';
  if (otherPath.startsWith(basePath)) return 'descendant';
  return 'other';
}
