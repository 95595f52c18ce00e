/**
 * Ending a run: succeeded or failed by the share of failed partitions, or paused / cancelled on
 * request. Only the last worker of a run finishes it; the others just stop.
 */
import { withTenant } from '@pulse/db';
import { getRun, type SyncRun } from '../runs/runs.ts';
import type { RunnerDeps } from './deps.ts';
import { countPartitions, countRecords, type PartitionCounts } from './partitions.ts';
import { computeProgress } from './progress.ts';
import type { InterruptCommand, RunState } from './run-stream.ts';

export async function finishRun(deps: RunnerDeps, state: RunState, maxFailedShare: number): Promise<SyncRun> {
  const run = await withTenant(deps.db, state.tenantId, async (tx) => {
    await tx.query('select 1 from sync_runs where id = $1 for update', [state.run.id]);
    const current = await getRun(tx, state.run.id);
    if (current.state !== 'running') return current; // another worker finished it
    const counts = await countPartitions(tx, state.run.id);
    const failures = await tx.query<{ stream: string; partition: string; error: unknown }>(
      `select stream, partition, error from sync_partitions
       where sync_run_id = $1 and state = 'failed' order by stream, partition limit 50`,
      [state.run.id],
    );
    const failed = failedBeyondShare(counts, maxFailedShare);
    const progress = computeProgress({
      counts,
      // Counted from the stored pages, not this execution's tally: a run resumed after a pause or
      // a lost database connection reports every record it stored.
      records: await countRecords(tx, state.run.id),
      elapsedMs: Date.now() - state.startedAt,
      stream: '',
      ...state.stats(),
    });
    const summary = { ...progress, failedPartitions: failures.rows, maxFailedShare };
    await tx.query(
      `update sync_runs set state = $2, finished_at = now(), control = null, progress = $3, summary = $4,
         errors = $5 where id = $1`,
      [
        state.run.id,
        failed ? 'failed' : 'succeeded',
        JSON.stringify(progress),
        JSON.stringify(summary),
        JSON.stringify(failures.rows),
      ],
    );
    await tx.query(
      `delete from raw_records r using integrations i
       where i.id = r.integration_id and r.integration_id = $1 and i.raw_retention is not null
         and r.fetched_at < now() - i.raw_retention`,
      [state.integrationId],
    );
    return getRun(tx, state.run.id);
  });
  // The embedded database has no autovacuum: refresh planner statistics after a bulk load, or
  // the metric queries plan against empty tables.
  if (deps.db.kind === 'pglite' && state.records > 0) await deps.db.exec('ANALYZE');
  publish(deps, state, run);
  return run;
}

/** More than `share` of the partitions failed (any failure at all when share is 0). */
export function failedBeyondShare(counts: PartitionCounts, share: number): boolean {
  if (counts.failed === 0) return false;
  return counts.total === 0 || counts.failed / counts.total > share;
}

export async function interruptRun(
  deps: RunnerDeps,
  state: RunState,
  command: InterruptCommand,
): Promise<SyncRun> {
  const next = { pause: 'paused', cancel: 'cancelled', requeue: 'queued' }[command];
  const run = await withTenant(deps.db, state.tenantId, async (tx) => {
    const current = await getRun(tx, state.run.id);
    if (current.state === 'running')
      await tx.query(
        `update sync_runs set state = $2, control = null,
           finished_at = case when $2 = 'cancelled' then now() else null end where id = $1`,
        [state.run.id, next],
      );
    const cancelled = command === 'cancel' || current.state === 'cancelled';
    await tx.query(
      `update sync_partitions set state = $2, worker = null
       where sync_run_id = $1 and state in ('running', 'queued') and (state = 'running' or $2 = 'skipped')`,
      [state.run.id, cancelled ? 'skipped' : 'queued'],
    );
    return getRun(tx, state.run.id);
  });
  publish(deps, state, run);
  return run;
}

function publish(deps: RunnerDeps, state: RunState, run: SyncRun): void {
  deps.onProgress?.({
    tenantId: state.tenantId,
    runId: run.id,
    integrationId: state.integrationId,
    state: run.state,
    progress: run.progress,
  });
}
