/**
 * Calls the Pulse API with the session's access token. A 401 renews the session once (rotating
 * the refresh token) and retries; when the session cannot be renewed it is cleared, which sends
 * the app back to the login page.
 */
import { ApiError } from './api-error.ts';
import { readApiError } from './read-api-error.ts';
import { refreshSession } from './refresh-session.ts';
import { sessionStore, type Session } from './session-store.ts';

export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
}

/** Renew a little before expiry, so a request does not start with a token about to lapse. */
const earlyMs = 30_000;

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  let session = sessionStore.get();
  if (session === null) throw new ApiError(401, 'UNAUTHENTICATED', 'You are not logged in.');
  if (session.expiresAt - earlyMs < Date.now()) session = await refreshSession(session);
  if (session === null) throw new ApiError(401, 'UNAUTHENTICATED', 'Your session has ended.');
  let response = await send(path, request, session);
  if (response.status === 401) {
    const renewed = await refreshSession(session);
    if (renewed === null) throw new ApiError(401, 'UNAUTHENTICATED', 'Your session has ended.');
    response = await send(path, request, renewed);
  }
  if (!response.ok) throw await readApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function send(path: string, request: ApiRequest, session: Session): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${session.accessToken}` };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`/api/v1${path}`, {
    method: request.method ?? 'GET',
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  });
}
