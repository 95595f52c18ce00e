/** POST /auth/login, /auth/refresh, /auth/logout and GET /me. */
import { z } from 'zod';
import { readAsOperator, withTenant, type Db } from '@pulse/db';
import type { TokenKeys } from '../auth/access-token.ts';
import { PulseError, isPulseError } from '@pulse/core';
import { deviceOf, signDeviceToken } from '../auth/device-token.ts';
import { LoginThrottle, type LoginAttempt } from '../auth/login-throttle.ts';
import { login, logout, refresh } from '../auth/sessions.ts';
import { route, type ApiRoute } from './route.ts';
import { brandingSchema, readTenant } from './tenant-routes.ts';
import { preferencesOf, preferencesSchema } from './user-routes.ts';

const session = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('Seconds the access token is valid for.'),
  refreshToken: z.string().describe('Works once: exchange it at POST /auth/refresh for a new pair.'),
  tenant: z.object({ id: z.string().uuid(), slug: z.string() }),
});

const deviceToken = z
  .string()
  .min(1)
  .max(2000)
  .describe(
    'Proof of an earlier successful login of this e-mail on this device: failed logins made elsewhere do not slow it down.',
  );

const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(200) });

export function authRoutes(deps: { db: Db; tokens: TokenKeys }): ApiRoute[] {
  const throttle = new LoginThrottle();
  return [
    route({
      method: 'POST',
      path: '/auth/login',
      summary: 'Log in with e-mail and password; returns an access token and a refresh token.',
      tag: 'auth',
      auth: 'public',
      body: z.strictObject({
        email: z.string().min(3).max(320),
        password: z.string().min(1).max(1024),
        tenant: z
          .string()
          .min(1)
          .max(100)
          .optional()
          .describe('Tenant slug or id; needed when the account has several.'),
        deviceToken: deviceToken.optional(),
      }),
      // Per client address, across servers (limits/rate-limits.ts); progressive waits per e-mail
      // and address in auth/login-throttle.ts.
      limit: 'login',
      response: session.extend({
        deviceToken: deviceToken.describe('Send it with the next logins from this device (kept 90 days).'),
      }),
      handler: async ({ body, request, reply }) => {
        const retryAfter = (seconds: number) => void reply.header('retry-after', String(seconds));
        const email = body.email.trim().toLowerCase();
        const attempt: LoginAttempt = {
          email,
          address: request.ip,
          device: await deviceOf(deps.tokens, body.deviceToken, email),
        };
        // Checked before the password, and alike for every e-mail: a throttled attempt costs no
        // argon2 time and its answer does not depend on whether the account exists.
        const wait = throttle.waitSeconds(attempt);
        if (wait > 0) {
          retryAfter(wait);
          throw new PulseError('LOGIN_RATE_LIMITED');
        }
        try {
          const started = await login(deps.db, deps.tokens, { ...body, email });
          throttle.succeeded(attempt);
          return {
            ...started,
            deviceToken: await signDeviceToken(deps.tokens, email, attempt.device ?? undefined),
          };
        } catch (error) {
          if (isPulseError(error) && error.code === 'LOGIN_FAILED') throttle.failed(attempt);
          throw error;
        }
      },
    }),
    route({
      method: 'POST',
      path: '/auth/refresh',
      summary: 'Exchange a refresh token for a new access and refresh token (the old one stops working).',
      tag: 'auth',
      auth: 'public',
      body: refreshBody,
      response: session,
      handler: ({ body }) => refresh(deps.db, deps.tokens, body.refreshToken),
    }),
    route({
      method: 'POST',
      path: '/auth/logout',
      summary: 'End the session of a refresh token (every token of that login).',
      tag: 'auth',
      auth: 'public',
      body: refreshBody,
      status: 204,
      handler: ({ body }) => logout(deps.db, body.refreshToken),
    }),
    route({
      method: 'GET',
      path: '/me',
      summary: 'Who the caller is: user or API key, tenant and role.',
      tag: 'auth',
      auth: 'viewer',
      response: z.object({
        kind: z.enum(['user', 'api_key']),
        user: z.object({ id: z.string(), email: z.string(), displayName: z.string().nullable() }).nullable(),
        tenant: z.object({ id: z.string(), slug: z.string(), name: z.string(), branding: brandingSchema }),
        role: z.enum(['admin', 'member', 'viewer']),
        operator: z.boolean(),
        preferences: preferencesSchema.describe("The user's own settings (defaults for an API key)."),
      }),
      handler: async ({ principal }) => {
        const tenant = await withTenant(deps.db, principal.tenantId, readTenant);
        const user =
          principal.userId === null
            ? null
            : await readAsOperator(deps.db, (tx) =>
                tx.query<{ id: string; email: string; display_name: string | null; preferences: unknown }>(
                  'select id, email, display_name, preferences from users where id = $1',
                  [principal.userId],
                ),
              ).then((r) => r.rows[0]!);
        return {
          kind: principal.kind,
          user: user === null ? null : { id: user.id, email: user.email, displayName: user.display_name },
          tenant,
          role: principal.role,
          operator: principal.operator,
          preferences: preferencesOf(user?.preferences),
        };
      },
    }),
  ];
}
