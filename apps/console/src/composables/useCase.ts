import { ref } from 'vue';
import { api } from '../api/client';
import type { CaseDetail, CaseEventItem, Flow } from '../api/types';
import { useFlows } from './useFlows';

/** One case with its audit trail and its flow's definition, reloaded after every change. */
export function useCase(id: () => string) {
  const detail = ref<CaseDetail | null>(null);
  const events = ref<CaseEventItem[]>([]);
  const flow = ref<Flow | undefined>();
  const loading = ref(false);
  const { flow: flowOf } = useFlows();

  async function load() {
    loading.value = true;
    try {
      const [c, trail] = await Promise.all([api.case(id()), api.caseEvents(id())]);
      detail.value = c;
      events.value = trail.items;
      flow.value = await flowOf(c.flow.id);
    } finally {
      loading.value = false;
    }
  }

  async function send(type: string, payload: Record<string, unknown>) {
    if (!detail.value) throw new Error('the case is not loaded');
    await api.sendEvent(id(), detail.value.version, type, payload);
    // Read the case again: GET gives each deadline its days left on the service's calendar.
    const [c, trail] = await Promise.all([api.case(id()), api.caseEvents(id())]);
    detail.value = c;
    events.value = trail.items;
  }

  return { detail, events, flow, loading, load, send };
}
