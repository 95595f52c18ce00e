import { sessionStore } from '../../../lib/api/session-store.ts';

/** Ends the session on the server (its refresh token stops working) and forgets it here. */
export async function logout(): Promise<void> {
  const session = sessionStore.get();
  sessionStore.set(null);
  if (session === null) return;
  // The local session is gone either way; a failed call only leaves a token that expires by itself.
  await fetch('/api/v1/auth/logout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  }).catch(() => undefined);
}
