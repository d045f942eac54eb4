import { computed, ref } from 'vue';
import { api } from '../api/client';
import type { OrganizationNode } from '../api/types';

/** An organisation node as the tree serves it, with the fields administration reads. */
export type OrgNode = OrganizationNode & {
  shortName?: string;
  parentId?: string | null;
  active?: boolean;
  caseNumberPattern?: string;
  policy?: Record<string, unknown>;
};

function flatten(nodes: OrgNode[]): OrgNode[] {
  return nodes.flatMap((n) => [n, ...flatten((n.children ?? []) as OrgNode[])]);
}

/** Finds the node `id` and returns it with its whole subtree (the supervisor's or the report's scope). */
function subtreeOf(nodes: OrgNode[], id: string): OrgNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const found = subtreeOf((n.children ?? []) as OrgNode[], id);
    if (found) return found;
  }
  return undefined;
}

/** The organisation tree (GET /organizations), its nodes by id, and the subtree below a given organisation. */
export function useOrganizationTree() {
  const tree = ref<OrgNode[]>([]);
  const all = computed(() => flatten(tree.value));
  const byId = computed(() => new Map(all.value.map((n) => [n.id, n])));
  return {
    tree,
    all,
    byId,
    nameOf: (id: string | null | undefined) => (id ? (byId.value.get(id)?.name ?? id) : '—'),
    subtree: (id: string) => {
      const node = subtreeOf(tree.value, id);
      return node ? [node] : [];
    },
    async load() {
      tree.value = (await api.organizations()) as OrgNode[];
    },
  };
}
