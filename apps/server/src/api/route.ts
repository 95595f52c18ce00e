/**
 * API routes are declared once, as data: method, path, who may call it, zod schemas of the query,
 * body and response. The same declaration registers the Fastify route (authentication, role check,
 * validation) and describes the route in the OpenAPI document (api/openapi.ts), so the document
 * cannot miss a route or disagree with it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { PulseError } from '@pulse/core';
import type { Db } from '@pulse/db';
import type { Role, TokenKeys } from '../auth/access-token.ts';
import { authenticate, requireRole, type Principal } from '../auth/principal.ts';
import type { RequestLimits } from '../limits/rate-limits.ts';
import { assertCleanInput } from './input-text.ts';

function requireAuth(principal: Principal, auth: Role | 'operator'): void {
  if (auth !== 'operator') return requireRole(principal, auth);
  if (!principal.operator)
    throw new PulseError('AUTH_FORBIDDEN', { message: 'This needs a platform operator.' });
}

export const apiPrefix = '/api/v1';

export interface RouteContext<Q, B> {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly query: Q;
  readonly body: B;
}

interface BaseRoute<Q, B> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below /api/v1, Fastify syntax (`/integrations/:id`). */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  /** The success body; omitted for 204. */
  readonly response?: z.ZodType;
  readonly status?: 200 | 201 | 202 | 204;
  /** The rate limit of a public route: per address (default), or the stricter login one. */
  readonly limit?: 'address' | 'login';
}

export type ApiRoute<Q = unknown, B = unknown> =
  | (BaseRoute<Q, B> & {
      /** Anyone may call it. */
      readonly auth: 'public';
      readonly handler: (ctx: RouteContext<Q, B>) => Promise<unknown>;
    })
  | (BaseRoute<Q, B> & {
      /** The least role that may call it; `operator`: platform operators only (any tenant). */
      readonly auth: Role | 'operator';
      readonly handler: (ctx: RouteContext<Q, B> & { readonly principal: Principal }) => Promise<unknown>;
    });

/** Declares a route, keeping its handler's types tied to its schemas. */
export function route<Q = undefined, B = undefined>(spec: ApiRoute<Q, B>): ApiRoute {
  return spec as unknown as ApiRoute;
}

export interface ApiDeps {
  readonly db: Db;
  readonly tokens: TokenKeys;
  readonly limits: RequestLimits;
}

export function registerRoutes(app: FastifyInstance, deps: ApiDeps, routes: readonly ApiRoute[]): void {
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: apiPrefix + spec.path,
      handler: async (request, reply) => {
        // Before authentication: the login route is public, and a NUL must never reach SQL.
        assertCleanInput({
          params: request.params,
          query: request.query,
          body: request.body,
          'headers.authorization': request.headers.authorization,
        });
        const principal =
          spec.auth === 'public'
            ? await publicLimit(deps.limits, spec.limit, request, reply)
            : await authenticated(deps, request, reply);
        if (principal !== undefined && spec.auth !== 'public') requireAuth(principal, spec.auth);
        const query = parse(spec.query, request.query, 'query');
        const body = parse(spec.body, request.body, 'body');
        const result = await spec.handler({ request, reply, query, body, principal: principal! });
        if (spec.status === 204) return reply.status(204).send();
        return reply.status(spec.status ?? 200).send(result);
      },
    });
  }
}

async function publicLimit(
  limits: RequestLimits,
  limit: 'address' | 'login' | undefined,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<undefined> {
  await (limit === 'login' ? limits.login(request, reply) : limits.address(request, reply));
  return undefined;
}

/**
 * The principal of a request, counted against its own limit. A credential that fails counts
 * against the client address instead, so guessing API keys or tokens is limited too.
 */
async function authenticated(
  deps: ApiDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Principal> {
  let principal: Principal;
  try {
    principal = await authenticate(deps.db, deps.tokens, request.headers.authorization);
  } catch (error) {
    await deps.limits.address(request, reply);
    throw error;
  }
  await deps.limits.principal(request, reply, principal);
  return principal;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: 'query' | 'body'): T {
  if (schema === undefined) return undefined as T;
  const result = schema.safeParse(value ?? (where === 'query' ? {} : undefined));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [where, ...issue.path.map(String)].join('.');
  throw new PulseError('VALIDATION_FAILED', {
    message: `${path}: ${issue.message}.`,
    path,
  });
}

/**
 * The numeric `:id` of a request; NOT_FOUND (like a row of another tenant) when it is not one,
 * so a malformed id never reaches SQL as a cast error.
 */
export function numericId(request: { params: unknown }, what: string): string {
  const id = (request.params as { id: string }).id;
  if (!/^\d{1,18}$/.test(id))
    throw new PulseError('NOT_FOUND', { message: `There is no ${what} ${id} in this tenant.` });
  return id;
}
