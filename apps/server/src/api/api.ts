/** Everything under /api/v1: the routes, the OpenAPI document and the docs page at /docs. */
import type { FastifyInstance } from 'fastify';
import type { Keyring } from '@pulse/core';
import type { Db } from '@pulse/db';
import { tokenKeys } from '../auth/access-token.ts';
import { apiKeyRoutes } from './api-key-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { dataRoutes } from './data-routes.ts';
import { docsPage } from './docs-page.ts';
import { metricsRoutes } from './metrics-routes.ts';
import { openApiDocument } from './openapi.ts';
import { pushRoutes } from './push-routes.ts';
import { apiPrefix, registerRoutes, type ApiRoute } from './route.ts';

export const apiVersion = '0.1.0';

export function apiRoutes(deps: { db: Db; keyring: Keyring }): ApiRoute[] {
  const tokens = tokenKeys(deps.keyring);
  return [
    ...authRoutes({ db: deps.db, tokens }),
    ...apiKeyRoutes(deps),
    ...metricsRoutes(deps),
    ...pushRoutes(deps),
    ...dataRoutes(deps),
  ];
}

export function registerApi(app: FastifyInstance, deps: { db: Db; keyring: Keyring }): void {
  const routes = apiRoutes(deps);
  registerRoutes(app, { db: deps.db, tokens: tokenKeys(deps.keyring) }, routes);
  const document = openApiDocument(routes, apiVersion);
  app.get(`${apiPrefix}/openapi.json`, async () => document);
  app.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage));
}
