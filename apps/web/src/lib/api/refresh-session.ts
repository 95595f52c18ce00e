/**
 * Exchanges the refresh token for a new pair, once at a time across every tab: the API rotates
 * refresh tokens, so two tabs refreshing with the same token at once would log one of them out.
 * The Web Locks API serialises the tabs; a tab that waited finds the session already renewed.
 */
import { readApiError } from './read-api-error.ts';
import { sessionFromResponse, type SessionResponse } from './session-from-response.ts';
import { sessionStore, type Session } from './session-store.ts';

let inFlight: Promise<Session | null> | null = null;

async function exchange(stale: Session): Promise<Session | null> {
  const current = sessionStore.get();
  if (current === null) return null;
  // Another tab (or an earlier call) renewed it while this one waited for the lock.
  if (current.accessToken !== stale.accessToken) return current;
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  });
  if (!response.ok) {
    if (response.status === 401 || response.status === 400) {
      sessionStore.set(null);
      return null;
    }
    throw await readApiError(response);
  }
  const session = sessionFromResponse((await response.json()) as SessionResponse);
  sessionStore.set(session);
  return session;
}

/** A renewed session for the one whose access token failed, or null when the login is over. */
export function refreshSession(stale: Session): Promise<Session | null> {
  if (inFlight !== null) return inFlight;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const run = () => exchange(stale);
  // request() resolves with the callback's awaited result; its DOM typing nests the promise.
  const pending: Promise<Session | null> = (
    locks === undefined
      ? run()
      : (locks.request('pulse.session.refresh', run) as unknown as Promise<Session | null>)
  ).finally(() => {
    inFlight = null;
  });
  inFlight = pending;
  return pending;
}
