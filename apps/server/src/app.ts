/**
 * The HTTP application, built from explicit dependencies so tests can `inject()` requests without
 * a port. Routes live in routes/<resource>.ts.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { PulseError, isPulseError } from '@pulse/core';
import type { Db } from '@pulse/db';
import type { Keyring } from '@pulse/core';
import { registerApi, type ApiDeps } from './api/api.ts';
import { FactsRefresher } from './facts-refresher.ts';
import type { Logger } from './logger.ts';
import { healthRoutes } from './routes/health.ts';
import { registerPrometheus } from './routes/prometheus.ts';
import { registerWebAssets } from './routes/web-assets.ts';
import { defaultHttpPolicy, registerHttpPolicy, type HttpPolicy } from './routes/http-policy.ts';
import { tokenKeys } from './auth/access-token.ts';
import { defaultRateLimits, registerRateLimits, type RateLimitPolicy } from './limits/rate-limits.ts';
import { defaultReportSlots, ReportSlots, type ReportSlotPolicy } from './limits/report-slots.ts';
import { StreamBus } from './stream/bus.ts';
import { createStreamServer, streamPath, type StreamOptions } from './stream/socket.ts';

export interface AppDeps {
  readonly db: Db;
  readonly log: Logger;
  /** Signs access tokens (keys derived from it, never the sealing keys themselves). */
  readonly keyring: Keyring;
  /** Connectors and the sync queue for the integration routes (default: no queue). */
  readonly sync?: ApiDeps['sync'];
  /** Background refresh of metric facts; the app waits for it on close. */
  readonly facts?: FactsRefresher;
  /** Folder of the built dashboard served at `/` (default apps/web/dist); null serves none. */
  readonly webRoot?: string | null;
  /**
   * The stream bus (WebSocket events). The app starts listening on it and stops it on close;
   * default: one of its own. Give the same bus to the sync runner of this process.
   */
  readonly stream?: StreamBus;
  readonly streamOptions?: StreamOptions;
  /** CORS, security headers, proxy trust and login rate limit (defaults: same origin only, strict headers). */
  /** Longest period of a report or listing, and the report statement timeout (api/limits.ts). */
  readonly limits?: ApiDeps['limits'];
  /**
   * Requests per minute per principal and per address (defaults: 600, 300) and where they are
   * counted (default: in the database on PostgreSQL, so every node shares them; in memory on PGlite).
   */
  readonly rateLimits?: Partial<Omit<RateLimitPolicy, 'loginPerMinute'>>;
  /** Reports of one tenant computed at once on this node, and its bounded wait (defaults: 4, 16, 5 s). */
  readonly reportSlots?: Partial<ReportSlotPolicy>;
  readonly http?: Partial<HttpPolicy> & {
    /**
     * The proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed; default none. There
     * is deliberately no "trust every hop": the client could then pick the address it is
     * throttled by.
     */
    trustProxy?: readonly string[];
    loginAttemptsPerMinute?: number;
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    trustProxy: deps.http?.trustProxy?.length ? [...deps.http.trustProxy] : false,
  });
  const policy = { ...defaultHttpPolicy, ...deps.http };
  registerHttpPolicy(app, policy);

  app.setErrorHandler((error, request, reply) => {
    if (isPulseError(error)) {
      void reply.status(error.status).send({ error: error.toJSON() });
      return;
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      const bad = new PulseError('VALIDATION_FAILED', { message: (error as Error).message });
      void reply.status(status).send({ error: bad.toJSON() });
      return;
    }
    request.log.error({ err: error }, 'request failed');
    const internal = new PulseError('INTERNAL', {
      hint: `The server log has the details under request id ${request.id}.`,
    });
    void reply.status(500).send({ error: internal.toJSON() });
  });
  app.setNotFoundHandler((request, reply) => {
    const missing = new PulseError('NOT_FOUND', { message: `No route ${request.method} ${request.url}.` });
    void reply.status(404).send({ error: missing.toJSON() });
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  registerPrometheus(app, deps);
  await app.register(healthRoutes({ db: deps.db, queue: deps.sync?.queue }));
  const facts = deps.facts ?? new FactsRefresher(deps.db, deps.log);
  const stream = deps.stream ?? new StreamBus(deps.db, deps.log);
  await stream.start();
  facts.onRefreshed((tenantId) =>
    stream.publish(tenantId, 'data', { reason: 'metrics', integrationId: null }),
  );
  const requestLimits = await registerRateLimits(app, deps, {
    ...defaultRateLimits,
    store: deps.db.kind === 'postgres' ? 'database' : 'memory',
    ...deps.rateLimits,
    loginPerMinute: deps.http?.loginAttemptsPerMinute ?? defaultRateLimits.loginPerMinute,
  });
  registerApi(app, {
    ...deps,
    facts,
    stream,
    contentSecurityPolicy: policy.contentSecurityPolicy,
    requestLimits,
    limits: deps.limits,
    reportSlots: new ReportSlots({ ...defaultReportSlots, ...deps.reportSlots }),
  });
  if (deps.webRoot !== null) registerWebAssets(app, deps.webRoot);
  const sockets = createStreamServer(
    { db: deps.db, tokens: tokenKeys(deps.keyring), bus: stream, log: deps.log },
    deps.streamOptions,
  );
  app.server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://pulse').pathname === streamPath)
      sockets.upgrade(request, socket, head);
    else socket.destroy();
  });
  app.addHook('onClose', async () => {
    sockets.close();
    await facts.idle();
    await stream.stop();
  });
  return app;
}
