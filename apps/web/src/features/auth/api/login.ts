import { readApiError } from '../../../lib/api/read-api-error.ts';
import { sessionFromResponse, type SessionResponse } from '../../../lib/api/session-from-response.ts';
import { sessionStore } from '../../../lib/api/session-store.ts';
import { deviceTokens } from './device-tokens.ts';

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
    body: JSON.stringify({ ...credentials, deviceToken: deviceTokens.get(credentials.email) }),
  });
  if (!response.ok) throw await readApiError(response);
  const body = (await response.json()) as SessionResponse & { deviceToken?: string };
  if (body.deviceToken !== undefined) deviceTokens.set(credentials.email, body.deviceToken);
  sessionStore.set(sessionFromResponse(body));
}
