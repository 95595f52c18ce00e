import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from '../../../lib/api/session-store.ts';

/** The stored session; re-renders on login, refresh and logout (in any tab). */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
