import { readApiError } from '../../../lib/api/read-api-error.ts';
import { sessionFromResponse, type SessionResponse } from '../../../lib/api/session-from-response.ts';
import { sessionStore } from '../../../lib/api/session-store.ts';

export interface Credentials {
  readonly email: string;
  readonly password: string;
  /** Tenant slug; needed when the account belongs to several tenants. */
  readonly tenant?: string;
}

/** Logs in and stores the session; throws the API's error (with its hint) on failure. */
export async function login(credentials: Credentials): Promise<void> {
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) throw await readApiError(response);
  sessionStore.set(sessionFromResponse((await response.json()) as SessionResponse));
}
