/**
 * One stream of a run: plan its partitions, then claim and read them until none is left, then
 * wait for partitions other workers still hold (dependent streams start only after this one).
 */
import type { ConnectorContext, Partition, Stream } from '@pulse/connectors';
import { isConnectionLost, withTenant } from '@pulse/db';
import type { SyncRun } from '../runs/runs.ts';
import type { StatisticsSchedule } from '../store/statistics.ts';
import { loadCursor } from './checkpoints.ts';
import type { RunnerDeps } from './deps.ts';
import { errorJson } from './execute-run.ts';
import {
  claimPartition,
  countPartitions,
  finishPartition,
  planPartitions,
  requeueOrphans,
} from './partitions.ts';
import { computeProgress } from './progress.ts';
import { runTotals } from './finish-run.ts';
import { storePage } from './store-page.ts';

export type InterruptCommand = 'pause' | 'cancel' | 'requeue';

/** Thrown between pages when the run was asked to pause or cancel. */
export class Interrupted extends Error {
  constructor(readonly command: InterruptCommand) {
    super(`run interrupted: ${command}`);
  }
}

export interface RunState {
  readonly tenantId: string;
  readonly run: SyncRun;
  readonly integrationId: number;
  readonly startedAt: number;
  records: number;
  readonly stats: () => { requests: number; rateLimitWaits: number; rateLimitWaitMs: number };
  readonly externalSignal: AbortSignal | undefined;
  /** What an aborted externalSignal means: pause (Ctrl-C) or back to the queue (worker shutdown). */
  readonly abortAs: 'pause' | 'requeue';
  /** Refreshes planner statistics while a first large sync fills empty tables. */
  readonly statistics: StatisticsSchedule;
}

type AnyStream = Stream<unknown, unknown>;
type Ctx = ConnectorContext<unknown, unknown>;

export async function runStream(
  deps: RunnerDeps,
  ctx: Ctx,
  state: RunState,
  stream: AnyStream,
): Promise<void> {
  const { tenantId, run } = state;
  let partitions: readonly Partition[];
  try {
    partitions = await stream.partitions(ctx);
  } catch (error) {
    // Listing the partitions failed (e.g. the organisation is not readable): the stream fails as
    // one partition, so the failure is recorded and counted like any other.
    if (state.externalSignal?.aborted) throw new Interrupted(state.abortAs);
    await withTenant(deps.db, tenantId, async (tx) => {
      await planPartitions(tx, tenantId, run.id, stream.name, [{ key: '' }]);
      await finishPartition(tx, run.id, stream.name, '', { state: 'failed', error: errorJson(error) });
    });
    return;
  }
  await withTenant(deps.db, tenantId, (tx) => planPartitions(tx, tenantId, run.id, stream.name, partitions));
  const byKey = new Map(partitions.map((p) => [p.key, p]));
  do {
    const lanes = Array.from({ length: deps.partitionConcurrency ?? 4 }, async () => {
      for (;;) {
        await checkControl(deps, state);
        const key = await withTenant(deps.db, tenantId, (tx) =>
          claimPartition(tx, run.id, stream.name, deps.workerId),
        );
        if (key === undefined) return;
        await runPartition(deps, ctx, state, stream, byKey.get(key) ?? { key });
      }
    });
    await settleAll(lanes);
  } while (await waitForOtherWorkers(deps, state, stream.name));
}

async function runPartition(
  deps: RunnerDeps,
  ctx: Ctx,
  state: RunState,
  stream: AnyStream,
  partition: Partition,
) {
  const { tenantId, run } = state;
  const key = { integrationId: state.integrationId, stream: stream.name, partition: partition.key };
  try {
    const cursor = await withTenant(deps.db, tenantId, (tx) => loadCursor(tx, key, run));
    for await (const page of stream.read(ctx, { partition, cursor, mode: run.mode })) {
      const records = page.items.flatMap((item) =>
        stream.map(item.payload, { config: ctx.config, partition }),
      );
      await storePage(
        deps.db,
        { tenantId, runId: run.id, ...key, keepRaw: stream.keepRaw !== false },
        { items: page.items, records, cursor: page.cursor },
      );
      state.records += records.length;
      await state.statistics.pageWritten(new Set(records.map((r) => r.type)));
      await publishProgress(deps, state, stream.name);
      await checkControl(deps, state);
    }
    await withTenant(deps.db, tenantId, (tx) =>
      finishPartition(tx, run.id, stream.name, partition.key, { state: 'succeeded' }),
    );
  } catch (error) {
    if (isConnectionLost(error)) {
      // Not the partition's fault: the database went away (restart, upgrade). The partition is
      // not failed; it goes back to the queue (if the database already answers again) and the
      // whole run is resumed from its checkpoints once it does (see the worker).
      await withTenant(deps.db, tenantId, (tx) =>
        finishPartition(tx, run.id, stream.name, partition.key, { state: 'queued' }),
      ).catch(() => {});
      throw error;
    }
    const interrupted = error instanceof Interrupted || state.externalSignal?.aborted === true;
    await withTenant(deps.db, tenantId, (tx) =>
      finishPartition(
        tx,
        run.id,
        stream.name,
        partition.key,
        interrupted ? { state: 'queued' } : { state: 'failed', error: errorJson(error) },
      ),
    );
    if (error instanceof Interrupted) throw error;
    if (interrupted) throw new Interrupted(state.abortAs);
    deps.log.warn(
      { runId: run.id, stream: stream.name, partition: partition.key, error: errorJson(error) },
      'partition failed',
    );
  }
}

/** A pause or cancel request, a run no longer running, or Ctrl-C: stop after the current page. */
async function checkControl(deps: RunnerDeps, state: RunState): Promise<void> {
  if (state.externalSignal?.aborted) throw new Interrupted(state.abortAs);
  const result = await withTenant(deps.db, state.tenantId, (tx) =>
    tx.query<{ state: string; control: 'pause' | 'cancel' | null }>(
      'select state, control from sync_runs where id = $1',
      [state.run.id],
    ),
  );
  const row = result.rows[0];
  if (row?.control != null) throw new Interrupted(row.control);
  if (row?.state === 'cancelled') throw new Interrupted('cancel');
  if (row?.state !== 'running') throw new Interrupted('pause');
}

async function publishProgress(deps: RunnerDeps, state: RunState, stream: string): Promise<void> {
  const progress = await withTenant(deps.db, state.tenantId, async (tx) => {
    const counts = await countPartitions(tx, state.run.id);
    const totals = await runTotals(tx, state.run.id);
    const value = computeProgress({
      counts,
      records: totals.records,
      elapsedMs: Date.now() - state.startedAt,
      stream,
      ...state.stats(),
    });
    await tx.query('update sync_runs set progress = $2 where id = $1', [state.run.id, JSON.stringify(value)]);
    return value;
  });
  deps.onProgress?.({
    tenantId: state.tenantId,
    runId: state.run.id,
    integrationId: state.integrationId,
    state: 'running',
    progress,
  });
}

/**
 * Another worker may still hold partitions of this stream, and dependants must wait for them.
 * Returns true when partitions went back to the queue (their worker died) and must be claimed.
 */
async function waitForOtherWorkers(deps: RunnerDeps, state: RunState, stream: string): Promise<boolean> {
  for (;;) {
    const counts = await withTenant(deps.db, state.tenantId, async (tx) => {
      await requeueOrphans(tx, state.run.id, deps.workerId, deps.orphanAfterMs ?? 60_000);
      return countPartitions(tx, state.run.id, stream);
    });
    if (counts.queued > 0) return true;
    if (counts.running === 0) return false;
    await checkControl(deps, state);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits for every lane; rethrows the first error once all have stopped. */
async function settleAll(lanes: Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(lanes);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}
