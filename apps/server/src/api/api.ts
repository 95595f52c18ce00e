/** Everything under /api/v1: the routes, the OpenAPI document and the docs page at /docs. */
import type { FastifyInstance } from 'fastify';
import type { Keyring } from '@pulse/core';
import type { Db } from '@pulse/db';
import { createEgressPolicy } from '@pulse/connectors';
import { httpFactory } from '@pulse/sync';
import { tokenKeys } from '../auth/access-token.ts';
import { knownConnectors } from '../cli/sync-deps.ts';
import { FactsRefresher } from '../facts-refresher.ts';
import type { Logger } from '../logger.ts';
import { ReportSlots } from '../limits/report-slots.ts';
import type { RequestLimits } from '../limits/rate-limits.ts';
import { StreamBus } from '../stream/bus.ts';
import { apiKeyRoutes } from './api-key-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { dataRoutes } from './data-routes.ts';
import { peopleRoutes } from './people-routes.ts';
import { teamRoutes } from './team-routes.ts';
import { tenantRoutes } from './tenant-routes.ts';
import { userRoutes } from './user-routes.ts';
import { invitationRoutes } from './invitation-routes.ts';
import { docsPage } from './docs-page.ts';
import { allowScripts, scriptHash } from '../routes/http-policy.ts';
import { integrationRoutes, type SyncDeps } from './integration-routes.ts';
import { defaultLimits, type ApiLimits } from './limits.ts';
import { metricsRoutes } from './metrics-routes.ts';
import { openApiDocument } from './openapi.ts';
import { pushRoutes } from './push-routes.ts';
import { apiPrefix, registerRoutes, type ApiRoute } from './route.ts';

export const apiVersion = '0.1.0';

export interface ApiDeps {
  readonly db: Db;
  readonly keyring: Keyring;
  readonly log: Logger;
  /** The connectors, HTTP client factory and queue (defaults: every connector, no queue). */
  readonly sync?: Partial<SyncDeps> | undefined;
  /** Refreshes metric facts after data changes (default: one of this API's own). */
  readonly facts?: FactsRefresher | undefined;
  /** The Content-Security-Policy of the server (the docs page adds its inline script to it). */
  readonly contentSecurityPolicy?: string | null | undefined;
  /** Per-tenant slots of report computations (default: the default policy, this API's own). */
  readonly reportSlots?: ReportSlots | undefined;
  /** Publishes and delivers stream events (default: an idle bus, for listing the routes). */
  readonly stream?: StreamBus | undefined;
  /** Longest period and report statement timeout (default: ten years, 15 s). */
  readonly limits?: Partial<ApiLimits> | undefined;
}

export function apiRoutes(deps: ApiDeps, tokens = tokenKeys(deps.keyring)): ApiRoute[] {
  const sync: SyncDeps = {
    registry: deps.sync?.registry ?? knownConnectors(),
    // Without a composed factory: public addresses only, default limits.
    createHttp: deps.sync?.createHttp ?? httpFactory(deps.log, createEgressPolicy()),
    queue: deps.sync?.queue,
  };
  const facts = deps.facts ?? new FactsRefresher(deps.db, deps.log);
  const stream = deps.stream ?? new StreamBus(deps.db, deps.log);
  const limits: ApiLimits = { ...defaultLimits, ...deps.limits };
  const withFacts = { ...deps, facts, stream, limits };
  const reportSlots = deps.reportSlots ?? new ReportSlots();
  return [
    ...authRoutes({ db: deps.db, tokens }),
    ...apiKeyRoutes(deps),
    ...integrationRoutes({ ...deps, sync, stream, facts }),
    ...metricsRoutes({ ...withFacts, reportSlots }),
    ...pushRoutes(withFacts),
    ...dataRoutes({ db: deps.db, limits }),
    ...tenantRoutes(deps),
    ...userRoutes(deps),
    ...invitationRoutes(deps),
    ...teamRoutes(withFacts),
    ...peopleRoutes(withFacts),
  ];
}

export function registerApi(app: FastifyInstance, deps: ApiDeps & { requestLimits: RequestLimits }): void {
  const tokens = tokenKeys(deps.keyring);
  const routes = apiRoutes(deps, tokens);
  registerRoutes(app, { db: deps.db, tokens, limits: deps.requestLimits }, routes);
  const document = openApiDocument(routes, apiVersion);
  app.get(`${apiPrefix}/openapi.json`, async () => document);
  // The docs page carries one inline script: the policy admits exactly that script by its hash.
  const inline = /<script>([\s\S]*?)<\/script>/.exec(docsPage)?.[1] ?? '';
  const csp = deps.contentSecurityPolicy;
  const docsPolicy = csp === null || csp === undefined ? null : allowScripts(csp, [scriptHash(inline)]);
  app.get('/docs', async (_request, reply) => {
    if (docsPolicy !== null) void reply.header('content-security-policy', docsPolicy);
    return reply.type('text/html; charset=utf-8').send(docsPage);
  });
}
