import { computed, ref } from 'vue';
import { api, tokenStore } from '../api/client';
import type { Me } from '../api/types';

const me = ref<Me | null>(null);

/** Who is signed in, shared by every page; the token lives in sessionStorage (gone with the tab). */
export function useSession() {
  return {
    me,
    signedIn: computed(() => me.value !== null),
    async signIn(username: string, password: string): Promise<void> {
      const { accessToken } = await api.signIn(username, password);
      tokenStore.set(accessToken);
      me.value = await api.me();
    },
    /** Restores the session after a reload, if the tab still holds a token. */
    async restore(): Promise<boolean> {
      if (me.value) return true;
      if (!tokenStore.get()) return false;
      try {
        me.value = await api.me();
        return true;
      } catch {
        return false;
      }
    },
    signOut(): void {
      tokenStore.clear();
      me.value = null;
    },
    /** The server said 401: forget the user but keep the drafts (useDraft) for after signing in again. */
    expire(): void {
      me.value = null;
    },
    may: {
      open: (flowId: string) => me.value?.permissions.openFlows.includes(flowId) ?? false,
    },
  };
}
