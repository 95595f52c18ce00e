import type { Session } from './session-store.ts';

/** The body of POST /auth/login and /auth/refresh. */
export interface SessionResponse {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly tenant: { readonly id: string; readonly slug: string };
}

/** A stored session from a login or refresh answer received at `now`. */
export function sessionFromResponse(body: SessionResponse, now = Date.now()): Session {
  return {
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    expiresAt: now + body.expiresIn * 1000,
    tenant: body.tenant,
  };
}
