/**
 * Integrations and their sync runs: list, add, remove, test the connection, sync now, and pause,
 * resume or cancel a run. Credentials go in once and never come back: responses say only
 * `hasSecrets`. Runs are executed by the workers (`pulse serve`'s own or `pulse worker`); this
 * only queues them.
 */
import { z } from 'zod';
import { PulseError, statusCategory, workItemKind, type Keyring } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';
import {
  runStates,
  addIntegration,
  checkIntegration,
  controlRun,
  getIntegration,
  getRun,
  listIntegrations,
  listRuns,
  removeIntegration,
  syncNow,
  updateIntegration,
  mappingChanges,
  readMappings,
  writeMappings,
  type ConnectorRegistry,
  type MappingChanges,
  type RunnerDeps,
  type SyncQueue,
  type SyncRun,
} from '@pulse/sync';
import type { Logger } from '../logger.ts';
import type { FactsRefresher } from '../facts-refresher.ts';
import type { StreamBus } from '../stream/bus.ts';
import { numericId, route, type ApiRoute } from './route.ts';

export interface SyncDeps {
  readonly registry: ConnectorRegistry;
  readonly createHttp: RunnerDeps['createHttp'];
  /** Where sync runs are queued for the workers; without one, starting or resuming a run fails. */
  readonly queue: SyncQueue | undefined;
}

const integrationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  name: z.string(),
  config: z.unknown().describe('The connector settings (docs/connectors/<kind>.md); never the credentials.'),
  hasSecrets: z.boolean(),
  syncIntervalSeconds: z.number().int(),
  enabled: z.boolean(),
  maxFailedShare: z.number(),
});
const origin = z.enum(['default', 'set']).describe("set: chosen by a user; default: the connector's.");
const mappingsSchema = z.object({
  statuses: z.array(
    z.object({
      source: z.string(),
      category: statusCategory,
      origin,
      items: z.number().int().describe('Work items in it now.'),
    }),
  ),
  types: z.array(z.object({ source: z.string(), kind: workItemKind, origin, items: z.number().int() })),
});
const runSchema = z
  .looseObject({
    id: z.number().int(),
    state: z
      .enum(runStates)
      .describe(
        'partial: ended, but some partitions failed (within the failure share); their data is missing.',
      ),
  })
  .describe('A sync run with its progress.');

export function integrationRoutes(deps: {
  db: Db;
  keyring: Keyring;
  log: Logger;
  sync: SyncDeps;
  stream: StreamBus;
  facts: FactsRefresher;
}): ApiRoute[] {
  const { db } = deps;
  /** Tells stream clients about a run's new state (queued, or a pause/cancel/resume command). */
  const announce = (tenantId: string, run: SyncRun) =>
    deps.stream.publish(
      tenantId,
      'sync-runs',
      { runId: run.id, integrationId: run.integrationId, state: run.state, progress: run.progress },
      `run:${run.id}`,
    );
  const queue = (): SyncQueue => {
    if (deps.sync.queue === undefined)
      throw new PulseError('QUEUE_UNAVAILABLE', {
        message: 'This server has no sync queue to hand the run to.',
      });
    return deps.sync.queue;
  };
  const find = (tenantId: string, id: string) => withTenant(db, tenantId, (tx) => getIntegration(tx, id));
  const run = (tenantId: string, id: string) => withTenant(db, tenantId, (tx) => getRun(tx, Number(id)));
  const control = (command: 'pause' | 'resume' | 'cancel') =>
    route({
      method: 'POST',
      path: `/sync-runs/:id/${command}`,
      summary: `${command[0]!.toUpperCase()}${command.slice(1)} a sync run (a running one after the page in progress).`,
      tag: 'integrations',
      auth: 'member',
      response: runSchema,
      handler: async ({ principal, request }) => {
        const id = numericId(request, 'sync run');
        await run(principal.tenantId, id);
        const result = await controlRun(db, principal.tenantId, Number(id), command);
        if (result.requeue) await queue().enqueue({ tenantId: principal.tenantId, runId: result.run.id });
        announce(principal.tenantId, result.run);
        return result.run;
      },
    });
  return [
    route({
      method: 'GET',
      path: '/integrations',
      summary: "The tenant's integrations (without credentials).",
      tag: 'integrations',
      auth: 'viewer',
      response: z.object({ items: z.array(integrationSchema) }),
      handler: async ({ principal }) => ({ items: await listIntegrations(db, principal.tenantId) }),
    }),
    route<
      undefined,
      {
        kind: string;
        name: string;
        config: unknown;
        secrets?: Record<string, string> | undefined;
        syncIntervalMinutes?: number | undefined;
        maxFailedShare?: number | undefined;
      }
    >({
      method: 'POST',
      path: '/integrations',
      summary:
        'Add an integration; its settings and credentials are checked by the connector, credentials stored encrypted.',
      tag: 'integrations',
      auth: 'admin',
      status: 201,
      body: z.strictObject({
        kind: z.string().min(1).max(50).describe('github, git, …'),
        name: z.string().min(1).max(63),
        config: z.unknown().describe('Connector settings (docs/connectors/<kind>.md).'),
        secrets: z
          .record(z.string(), z.string().max(10_000))
          .optional()
          .describe('e.g. {"token": "…"}; write-only.'),
        syncIntervalMinutes: z.number().int().min(1).max(43_200).optional(),
        maxFailedShare: z.number().min(0).max(1).optional(),
      }),
      response: integrationSchema,
      handler: ({ principal, body }) =>
        addIntegration(db, deps.keyring, deps.sync.registry, principal.tenantId, {
          kind: body.kind,
          name: body.name,
          config: body.config ?? {},
          ...(body.secrets === undefined ? {} : { secrets: body.secrets }),
          ...(body.syncIntervalMinutes === undefined
            ? {}
            : { syncIntervalSeconds: body.syncIntervalMinutes * 60 }),
          ...(body.maxFailedShare === undefined ? {} : { maxFailedShare: body.maxFailedShare }),
        }),
    }),
    route<
      undefined,
      {
        config?: unknown;
        secrets?: Record<string, string> | undefined;
        syncIntervalMinutes?: number | undefined;
        maxFailedShare?: number | undefined;
        enabled?: boolean | undefined;
      }
    >({
      method: 'PATCH',
      path: '/integrations/:id',
      summary:
        'Change settings (checked by the connector again), replace credentials, or change the schedule; `enabled: false` stops scheduled syncs.',
      tag: 'integrations',
      auth: 'admin',
      body: z.strictObject({
        config: z.unknown().optional().describe('The whole new connector settings.'),
        secrets: z
          .record(z.string(), z.string().max(10_000))
          .optional()
          .describe(
            'Replaces every stored credential; write-only. Required when the new config changes the base URL or site.',
          ),
        syncIntervalMinutes: z.number().int().min(1).max(43_200).optional(),
        maxFailedShare: z.number().min(0).max(1).optional(),
        enabled: z.boolean().optional(),
      }),
      response: integrationSchema,
      handler: async ({ principal, request, body }) => {
        const integration = await find(principal.tenantId, numericId(request, 'integration'));
        return updateIntegration(
          db,
          deps.keyring,
          deps.sync.registry,
          principal.tenantId,
          String(integration.id),
          {
            ...(body.config === undefined ? {} : { config: body.config }),
            ...(body.secrets === undefined ? {} : { secrets: body.secrets }),
            ...(body.syncIntervalMinutes === undefined
              ? {}
              : { syncIntervalSeconds: body.syncIntervalMinutes * 60 }),
            ...(body.maxFailedShare === undefined ? {} : { maxFailedShare: body.maxFailedShare }),
            ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
            actor: principal.userId === null ? `api-key:${principal.keyId}` : `user:${principal.userId}`,
          },
        );
      },
    }),
    route({
      method: 'GET',
      path: '/integrations/:id/mappings',
      summary:
        'Status → category and issue type → work-item kind, for every status and type in the data, with the value in force and whether it was set.',
      tag: 'integrations',
      auth: 'viewer',
      response: mappingsSchema,
      handler: async ({ principal, request }) => {
        const id = numericId(request, 'integration');
        return withTenant(db, principal.tenantId, (tx) => readMappings(tx, deps.sync.registry, id));
      },
    }),
    route<undefined, MappingChanges>({
      method: 'PATCH',
      path: '/integrations/:id/mappings',
      summary:
        'Set mappings (null returns one to the default); they take effect on stored data at once, without calling the source.',
      tag: 'integrations',
      auth: 'admin',
      body: mappingChanges,
      response: z.object({
        mappings: mappingsSchema,
        remapped: z.number().int().describe('Stored raw payloads mapped again.'),
      }),
      handler: async ({ principal, request, body }) => {
        const id = numericId(request, 'integration');
        const result = await withTenant(db, principal.tenantId, (tx) =>
          writeMappings(tx, deps.sync.registry, principal.tenantId, id, body),
        );
        // Categories and kinds feed rework, incidents and flow: refresh, and tell the dashboards.
        deps.facts.schedule(principal.tenantId);
        deps.stream.publish(principal.tenantId, 'data', { reason: 'mappings', integrationId: Number(id) });
        return result;
      },
    }),
    route({
      method: 'DELETE',
      path: '/integrations/:id',
      summary: 'Remove an integration with its sync history (synced data stays).',
      tag: 'integrations',
      auth: 'admin',
      status: 204,
      handler: async ({ principal, request }) => {
        const integration = await find(principal.tenantId, numericId(request, 'integration'));
        await removeIntegration(db, principal.tenantId, String(integration.id));
      },
    }),
    route({
      method: 'POST',
      path: '/integrations/:id/test',
      summary: 'Test the connection: credentials and reachability, as the connector checks them.',
      tag: 'integrations',
      auth: 'admin',
      response: z.union([
        z.object({ ok: z.literal(true), detail: z.string().optional() }),
        z.object({ ok: z.literal(false), code: z.string(), message: z.string(), hint: z.string() }),
      ]),
      handler: async ({ principal, request }) => {
        const checked = await checkIntegration(
          { db, keyring: deps.keyring, log: deps.log, ...deps.sync },
          principal.tenantId,
          numericId(request, 'integration'),
        );
        return checked.result;
      },
    }),
    route<undefined, { full?: boolean | undefined }>({
      method: 'POST',
      path: '/integrations/:id/sync',
      summary: 'Sync now (or join the run already queued or running); `full` re-reads everything.',
      tag: 'integrations',
      auth: 'member',
      status: 201,
      body: z.strictObject({ full: z.boolean().optional() }).optional() as unknown as z.ZodType<{
        full?: boolean | undefined;
      }>,
      response: z.object({
        run: runSchema,
        created: z.boolean().describe('False: an active run was joined.'),
      }),
      handler: async ({ principal, request, body }) => {
        const integration = await find(principal.tenantId, numericId(request, 'integration'));
        const actor = principal.userId === null ? `api-key:${principal.keyId}` : `user:${principal.userId}`;
        const started = await syncNow(db, queue(), principal.tenantId, integration.id, {
          mode: body?.full ? 'full' : 'incremental',
          requestedBy: actor,
        });
        if (started.created) announce(principal.tenantId, started.run);
        return started;
      },
    }),
    route<{ integration?: string | undefined; limit: number }>({
      method: 'GET',
      path: '/sync-runs',
      summary: 'Recent sync runs, newest first, with their progress and errors.',
      tag: 'integrations',
      auth: 'viewer',
      query: z.strictObject({
        integration: z
          .string()
          .regex(/^\d{1,18}$/)
          .optional()
          .describe('Only runs of this integration id.'),
        limit: z.coerce.number().int().min(1).max(200).default(20),
      }),
      response: z.object({ items: z.array(runSchema) }),
      handler: async ({ principal, query }) => ({
        items: await listRuns(db, principal.tenantId, {
          ...(query.integration === undefined ? {} : { integrationId: Number(query.integration) }),
          limit: query.limit,
        }),
      }),
    }),
    route({
      method: 'GET',
      path: '/sync-runs/:id',
      summary: 'One sync run with its progress and errors.',
      tag: 'integrations',
      auth: 'viewer',
      response: runSchema,
      handler: ({ principal, request }) => run(principal.tenantId, numericId(request, 'sync run')),
    }),
    control('pause'),
    control('resume'),
    control('cancel'),
  ];
}
