import { onMounted, watch, type Ref } from 'vue';

const PREFIX = 'jiefen.draft.';

/**
 * Keeps what a person typed in sessionStorage, so that nothing is lost when the session expires
 * (sign in again, come back, it is there) or the page reloads after a conflict.
 */
export function useDraft<T>(key: string, value: Ref<T>) {
  const storageKey = PREFIX + key;
  onMounted(() => {
    const saved = sessionStorage.getItem(storageKey);
    if (saved) {
      try {
        value.value = JSON.parse(saved) as T;
      } catch {
        sessionStorage.removeItem(storageKey);
      }
    }
  });
  watch(value, (v) => sessionStorage.setItem(storageKey, JSON.stringify(v)), { deep: true });
  return {
    /** After a successful save: the draft is done with. */
    discard: () => sessionStorage.removeItem(storageKey),
  };
}
