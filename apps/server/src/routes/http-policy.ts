/**
 * Browser-facing protections of every response: security headers (no sniffing, no framing, no
 * referrer, a Content-Security-Policy, HSTS when served over HTTPS), and CORS for the API when
 * other origins are allowed. Bearer tokens travel in a header, never in cookies, so CORS never
 * needs credentials and a foreign page cannot ride on a session.
 */
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';

export interface HttpPolicy {
  /** Origins allowed to call /api/v1 from a browser; '*' allows any; empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** null: no Content-Security-Policy header. */
  readonly contentSecurityPolicy: string | null;
  readonly hstsSeconds: number;
}

export const defaultHttpPolicy: HttpPolicy = {
  corsOrigins: [],
  contentSecurityPolicy:
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  hstsSeconds: 0,
};

/** The CSP source of an inline script, for pages that carry one (the API docs page). */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/** Adds `sources` to the script-src of `policy` (a page with a known inline script). */
export function allowScripts(policy: string, sources: readonly string[]): string {
  return /script-src /.test(policy)
    ? policy.replace(/script-src ([^;]*)/, (_all, list: string) => `script-src ${list} ${sources.join(' ')}`)
    : `${policy}; script-src 'self' ${sources.join(' ')}`;
}

export function registerHttpPolicy(app: FastifyInstance, policy: HttpPolicy): void {
  const anyOrigin = policy.corsOrigins.includes('*');
  const allowed = new Set(policy.corsOrigins);
  const corsOrigin = (origin: string | undefined) =>
    origin !== undefined && (anyOrigin || allowed.has(origin)) ? origin : undefined;

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
    if (policy.contentSecurityPolicy !== null && !reply.hasHeader('content-security-policy'))
      void reply.header('content-security-policy', policy.contentSecurityPolicy);
    if (policy.hstsSeconds > 0)
      void reply.header('strict-transport-security', `max-age=${policy.hstsSeconds}`);
    const origin = request.url.startsWith('/api/') ? corsOrigin(request.headers.origin) : undefined;
    if (origin !== undefined) {
      void reply.header('access-control-allow-origin', origin);
      void reply.header('access-control-expose-headers', 'x-request-id, retry-after');
    }
    if (policy.corsOrigins.length > 0) void reply.header('vary', 'origin');
  });

  // Preflight of a cross-origin API call: allowed origins get the methods and headers they may use.
  app.options('/api/*', async (request, reply) => {
    const origin = corsOrigin(request.headers.origin);
    if (origin !== undefined) {
      void reply.header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
      void reply.header('access-control-allow-headers', 'authorization, content-type, x-request-id');
      void reply.header('access-control-max-age', '600');
    }
    return reply.status(204).send();
  });
}
