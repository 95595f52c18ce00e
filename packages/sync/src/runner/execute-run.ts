/**
 * Executes a sync run: streams in dependency order, the partitions of each claimed one at a time
 * (several at once per worker), every page stored with its cursor in one transaction. Any number of
 * workers may execute the same run at once; partition claims keep them apart.
 */
import { isPulseError } from '@pulse/core';
import type { ConnectorContext, HttpStats, Json } from '@pulse/connectors';
import { withTenant, type Db } from '@pulse/db';
import { getIntegration, loadSecrets } from '../integrations/integrations.ts';
import { tenantRef } from '../integrations/tenant-ref.ts';
import { describeIssues } from '../integrations/zod-issues.ts';
import { StatisticsSchedule } from '../store/statistics.ts';
import { connectorFor } from '../registry.ts';
import { getRun, type RunProgress, type SyncRun } from '../runs/runs.ts';
import type { RunnerDeps } from './deps.ts';
import { finishRun, interruptRun } from './finish-run.ts';
import { requeueOrphans, requeueOwn } from './partitions.ts';
import { Interrupted, runStream, type RunState } from './run-stream.ts';
import { streamOrder } from './stream-order.ts';

export interface ExecuteOptions {
  /** Aborting stops the run after the page in progress. */
  readonly signal?: AbortSignal;
  /** 'pause' (Ctrl-C in `pulse sync`, resumable by the user) or 'requeue' (worker shutdown). */
  readonly abortAs?: 'pause' | 'requeue';
}

/** Runs (or joins, or resumes) a run until it ends or is paused; returns the run as it is then. */
export async function executeRun(
  deps: RunnerDeps,
  tenantId: string,
  runId: number,
  options: ExecuteOptions = {},
): Promise<SyncRun> {
  const started = await startRun(deps, tenantId, runId);
  if (started === undefined) return withTenant(deps.db, tenantId, (tx) => getRun(tx, runId));
  const { run, integration } = started;
  const connector = connectorFor(deps.registry, integration.kind);
  const config = connector.configSchema.safeParse(integration.config);
  if (!config.success)
    return failRun(deps.db, tenantId, runId, {
      code: 'INTEGRATION_CONFIG_INVALID',
      message: `The stored configuration is no longer valid: ${describeIssues(config.error)}.`,
    });
  const { secrets, tenant } = await withTenant(deps.db, tenantId, async (tx) => ({
    secrets: await loadSecrets(tx, deps.keyring, tenantId, integration.id),
    tenant: await tenantRef(tx, tenantId),
  }));
  const waits = { count: 0, ms: 0 };
  const http = deps.createHttp(connector.httpSettings?.(config.data, secrets), (event) => {
    if (event.type !== 'rate_limit_wait') return;
    waits.count += 1;
    waits.ms += event.ms ?? 0;
  });
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  const ctx: ConnectorContext<unknown, unknown> = {
    tenant,
    config: config.data,
    secrets,
    http,
    log: deps.log,
    signal: controller.signal,
    now: deps.now ?? (() => new Date()),
    memo: new Map(),
  };
  const state: RunState = {
    tenantId,
    run,
    integrationId: integration.id,
    startedAt: Date.now(),
    records: 0,
    // A resumed run continues the counters of its earlier executions (stored with its progress).
    stats: () => statsOf(http.stats, waits, run.progress),
    externalSignal: options.signal,
    abortAs: options.abortAs ?? 'pause',
    statistics: new StatisticsSchedule(deps.db),
  };
  try {
    for (const stream of streamOrder(connector.streams)) await runStream(deps, ctx, state, stream);
    return await finishRun(deps, state, integration.maxFailedShare);
  } catch (error) {
    if (error instanceof Interrupted) return interruptRun(deps, state, error.command);
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Moves a queued (or orphaned running) run to running; undefined when there is nothing to do. */
async function startRun(deps: RunnerDeps, tenantId: string, runId: number) {
  return withTenant(deps.db, tenantId, async (tx) => {
    const locked = await tx.query<{ state: string; stale: boolean }>(
      `select state, heartbeat_at is null or heartbeat_at < now() - make_interval(secs => $2) as stale
       from sync_runs where id = $1 for update`,
      [runId, (deps.orphanAfterMs ?? 60_000) / 1000],
    );
    const row = locked.rows[0];
    if (row === undefined) await getRun(tx, runId); // throws SYNC_RUN_NOT_FOUND
    if (row === undefined || (row.state !== 'queued' && row.state !== 'running')) return undefined;
    if (row.state === 'running' && (deps.orphanAfterMs === 0 || row.stale))
      await requeueOrphans(tx, runId, deps.workerId, deps.orphanAfterMs ?? 60_000);
    // This worker holds no partition of the run as it (re)starts it: one still marked as its own
    // was left by an execution that lost its database connection, and is read again from its cursor.
    if (row.state === 'running') await requeueOwn(tx, runId, deps.workerId);
    await tx.query(
      `update sync_runs set state = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now()
       where id = $1`,
      [runId],
    );
    const run = await getRun(tx, runId);
    const integration = await getIntegration(tx, String(run.integrationId));
    return { run, integration };
  });
}

async function failRun(db: Db, tenantId: string, runId: number, error: { code: string; message: string }) {
  return withTenant(db, tenantId, async (tx) => {
    await tx.query(
      `update sync_runs set state = 'failed', finished_at = now(), control = null,
         errors = errors || $2::jsonb, summary = summary || jsonb_build_object('error', $2::jsonb)
       where id = $1`,
      [runId, JSON.stringify(error)],
    );
    return getRun(tx, runId);
  });
}

function statsOf(stats: Readonly<HttpStats>, waits: { count: number; ms: number }, before: RunProgress) {
  return {
    requests: (before.requests ?? 0) + stats.requests,
    rateLimitWaits: (before.rateLimitWaits ?? 0) + Math.max(stats.rateLimitWaits, waits.count),
    rateLimitWaitMs: (before.rateLimitWaitMs ?? 0) + Math.max(stats.rateLimitWaitMs, waits.ms),
  };
}

/** The public JSON form of a partition error: stable code, message and hint, never a stack. */
export function errorJson(error: unknown): Json {
  if (isPulseError(error)) return { ...error.toJSON() };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
