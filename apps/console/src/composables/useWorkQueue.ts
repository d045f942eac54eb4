import { computed, ref } from 'vue';
import { api } from '../api/client';
import type { CaseListItem, DeadlineListItem, Flow } from '../api/types';
import { todayInChina } from '../format/chineseDate';
import { useFlows } from './useFlows';

export type QueueFilter = 'all' | 'overdue' | 'thisWeek';
export interface QueueRow extends CaseListItem {
  nearest: DeadlineListItem | undefined;
  /** Every running deadline of the case, nearest first (a court's queue shows them all). */
  running: DeadlineListItem[];
}

const ID_NUMBER = /^\d{17}[\dXx]$/;
const PAGE = 100;
const PAGE_SIZE = 20;

/** Sunday of the current week (weeks start on Monday in China). */
function endOfWeek(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setUTCDate(date.getUTCDate() + (6 - weekday));
  return date.toISOString().slice(0, 10);
}

/** Open cases in my scope, nearest deadline first; a court sees its judicial-confirmation applications. */
export function useWorkQueue(options: { flowId?: string }) {
  const cases = ref<CaseListItem[]>([]);
  const deadlines = ref<DeadlineListItem[]>([]);
  const flows = ref<Record<string, Flow>>({});
  const search = ref('');
  const filter = ref<QueueFilter>('all');
  const page = ref(1);
  const loading = ref(false);
  const { flow } = useFlows();

  async function load() {
    loading.value = true;
    try {
      const term = search.value.trim();
      const query = {
        status: 'open',
        limit: PAGE,
        flow: options.flowId,
        ...(ID_NUMBER.test(term) ? { idNumber: term.toUpperCase() } : { q: term || undefined }),
      };
      const [list, due] = await Promise.all([api.cases(query), api.deadlines({ limit: 500 })]);
      cases.value = list.items;
      deadlines.value = due.items;
      const ids = [...new Set(list.items.map((c) => c.flowId))];
      const loaded = await Promise.all(ids.map((id) => flow(id)));
      flows.value = Object.fromEntries(loaded.map((f) => [f.id, f]));
    } finally {
      loading.value = false;
    }
  }

  const rows = computed<QueueRow[]>(() => {
    const running = new Map<string, DeadlineListItem[]>();
    // The API sorts by due date.
    for (const d of deadlines.value) if (d.dueOn) running.set(d.caseId, [...(running.get(d.caseId) ?? []), d]);
    const weekEnd = endOfWeek(todayInChina());
    return cases.value
      .map((c) => ({ ...c, nearest: running.get(c.id)?.[0], running: running.get(c.id) ?? [] }))
      .filter((row) => {
        if (filter.value === 'overdue') return row.overdue || (row.nearest?.daysLeft ?? 0) < 0;
        if (filter.value === 'thisWeek') return !!row.nearest?.dueOn && row.nearest.dueOn <= weekEnd;
        return true;
      })
      .sort(
        (a, b) =>
          (a.nearest?.dueOn ?? '9999').localeCompare(b.nearest?.dueOn ?? '9999') ||
          a.caseNumber.localeCompare(b.caseNumber),
      );
  });

  /** One screen of rows: a short table renders at once even when a thousand cases are open. */
  const pageRows = computed(() => rows.value.slice((page.value - 1) * PAGE_SIZE, page.value * PAGE_SIZE));

  return { rows, pageRows, page, pageSize: PAGE_SIZE, flows, search, filter, loading, load };
}
