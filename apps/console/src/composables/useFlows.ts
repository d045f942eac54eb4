import { api } from '../api/client';
import type { Flow } from '../api/types';
import { termOf, zh } from '../messages/zh';

const cache = new Map<string, Promise<Flow>>();

/** Flow definitions (states, events with their Chinese names and payload schemas), read once per page load. */
export function useFlows() {
  const flow = (id: string): Promise<Flow> => {
    if (!cache.has(id))
      cache.set(
        id,
        api.flow(id).catch((e) => {
          cache.delete(id);
          throw e;
        }),
      );
    return cache.get(id)!;
  };
  return {
    flow,
    stateTitle: (f: Flow | undefined, state: string) =>
      f?.states.find((s) => s.name === state)?.titleZh ?? termOf(state),
    /** A flow event's own titleZh; the service's host events (登记, 关联案件) are named in messages. */
    eventTitle: (f: Flow | undefined, type: string) =>
      f?.events.find((e) => e.type === type)?.titleZh ?? zh.hostEvents[type] ?? termOf(type),
  };
}
