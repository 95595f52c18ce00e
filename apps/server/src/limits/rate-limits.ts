/**
 * Request rate limits of the API, counted by @fastify/rate-limit: per principal (each API key, each
 * user) on authenticated routes, per client address on public routes and on requests whose
 * credential fails, and a stricter per-address limit on login. Counters live in PostgreSQL when the
 * server runs on it (database-store.ts: every node counts against one limit) and in this process
 * on the embedded database (one process serves it). /healthz, /readyz and /metrics are not API
 * routes and are never limited.
 *
 * A limited request gets 429 with Retry-After (seconds until its window ends) and the registry's
 * error body: RATE_LIMITED, or LOGIN_RATE_LIMITED on login.
 */
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PulseError, type ErrorCode } from '@pulse/core';
import type { Db } from '@pulse/db';
import type { Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';
import { databaseStore } from './database-store.ts';

export interface RateLimitPolicy {
  /** Requests per minute of one API key or one user (default 600). */
  readonly perMinute: number;
  /** Requests per minute of one client address to public routes or with a failing credential (default 300). */
  readonly anonymousPerMinute: number;
  /** Login attempts per minute of one client address (default 20). */
  readonly loginPerMinute: number;
  /** Where counters live: `database` shares them between processes; default by database kind. */
  readonly store: 'database' | 'memory';
}

export const defaultRateLimits = { perMinute: 600, anonymousPerMinute: 300, loginPerMinute: 20 } as const;

const windowMs = 60_000;

/** The checks a route runs; each throws a 429 PulseError (and sets the headers) past its limit. */
export interface RequestLimits {
  principal(request: FastifyRequest, reply: FastifyReply, principal: Principal): Promise<void>;
  address(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  login(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/** The key of a principal: its API key, or its user (one limit across the user's tenants). */
export function principalKey(principal: Principal): string {
  return principal.keyId !== null ? `key:${principal.keyId}` : `user:${principal.userId}`;
}

export async function registerRateLimits(
  app: FastifyInstance,
  deps: { db: Db; log: Logger },
  policy: RateLimitPolicy,
): Promise<RequestLimits> {
  await app.register(rateLimit, {
    global: false,
    // A counter that cannot be read lets the request through: an outage of the limiter must not
    // turn into an outage of the API (the database store logs the failure).
    skipOnError: true,
    ...(policy.store === 'database'
      ? {
          store: databaseStore(deps.db, {
            onError: (error) => deps.log.warn({ error: error.message }, 'rate limit counter failed'),
          }),
        }
      : {}),
  });
  // The key of each request is chosen by the check that counts it (a principal, an address).
  const keys = new WeakMap<FastifyRequest, string>();
  const limiter = (max: number, code: ErrorCode, what: string) => {
    const check = app.createRateLimit({
      max,
      timeWindow: windowMs,
      keyGenerator: (request) => keys.get(request)!,
      // The in-memory store's LRU: enough principals and addresses for one busy process.
      ...({ cache: 50_000 } as object),
    });
    return async (request: FastifyRequest, reply: FastifyReply, key: string) => {
      keys.set(request, key);
      const result = await check(request);
      if (result.isAllowed) return;
      void reply.header('x-ratelimit-limit', String(result.max));
      void reply.header('x-ratelimit-remaining', String(result.remaining));
      if (!result.isExceeded) return;
      const seconds = Math.max(1, result.ttlInSeconds);
      void reply.header('retry-after', String(seconds));
      throw new PulseError(code, {
        message: `More than ${result.max} ${what} per minute; try again in ${seconds} s.`,
      });
    };
  };
  const perPrincipal = limiter(policy.perMinute, 'RATE_LIMITED', 'requests of this API key or user');
  const perAddress = limiter(policy.anonymousPerMinute, 'RATE_LIMITED', 'requests from this address');
  const perLogin = limiter(policy.loginPerMinute, 'LOGIN_RATE_LIMITED', 'login attempts from this address');
  return {
    principal: (request, reply, principal) => perPrincipal(request, reply, principalKey(principal)),
    address: (request, reply) => perAddress(request, reply, `address:${addressOf(request)}`),
    login: (request, reply) => perLogin(request, reply, `login:${addressOf(request)}`),
  };
}

/** The client address, an IPv6 one as its /64 (one host usually has a whole /64 to rotate through). */
function addressOf(request: FastifyRequest): string {
  return normalizeIP(request.ip, 64);
}
