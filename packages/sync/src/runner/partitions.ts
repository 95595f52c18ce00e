/**
 * The partitions of a run, one row per (stream, partition) in sync_partitions. Workers claim them
 * with FOR UPDATE SKIP LOCKED, so two workers sharing a run never process the same partition.
 */
import type { Json, Partition } from '@pulse/connectors';
import type { Tx } from '@pulse/db';

export interface PartitionCounts {
  readonly total: number;
  readonly queued: number;
  readonly running: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Records the partitions of a stream once per run; later calls (another worker, a resume) keep them. */
export async function planPartitions(
  tx: Tx,
  tenantId: string,
  runId: number,
  stream: string,
  partitions: readonly Partition[],
): Promise<void> {
  if (partitions.length === 0) return;
  await tx.query(
    `insert into sync_partitions (tenant_id, sync_run_id, stream, partition)
     select $1, $2, $3, unnest($4::text[]) on conflict do nothing`,
    [tenantId, runId, stream, partitions.map((p) => p.key)],
  );
}

export async function isPlanned(tx: Tx, runId: number, stream: string): Promise<boolean> {
  const result = await tx.query(
    'select 1 from sync_partitions where sync_run_id = $1 and stream = $2 limit 1',
    [runId, stream],
  );
  return result.rowCount > 0;
}

/** Claims the next queued partition of a stream for this worker, or returns undefined. */
export async function claimPartition(
  tx: Tx,
  runId: number,
  stream: string,
  worker: string,
): Promise<string | undefined> {
  const result = await tx.query<{ partition: string }>(
    `update sync_partitions set state = 'running', worker = $3, attempts = attempts + 1,
       started_at = now(), heartbeat_at = now(), error = null
     where (sync_run_id, stream, partition) = (
       select sync_run_id, stream, partition from sync_partitions
       where sync_run_id = $1 and stream = $2 and state = 'queued'
       order by partition limit 1 for update skip locked)
     returning partition`,
    [runId, stream, worker],
  );
  return result.rows[0]?.partition;
}

export async function finishPartition(
  tx: Tx,
  runId: number,
  stream: string,
  partition: string,
  outcome: { state: 'succeeded' | 'failed' | 'queued'; error?: Json },
): Promise<void> {
  await tx.query(
    `update sync_partitions set state = $4, error = $5,
       finished_at = case when $4 = 'queued' then null else now() end
     where sync_run_id = $1 and stream = $2 and partition = $3`,
    [runId, stream, partition, outcome.state, outcome.error ?? null],
  );
}

/**
 * Partitions left 'running' by a worker that died (kill -9) go back to the queue: those of other
 * workers whose heartbeat is older than `staleMs` (0 = all of them, right when no other worker can
 * exist, as with the embedded database).
 */
export async function requeueOrphans(
  tx: Tx,
  runId: number,
  worker: string,
  staleMs: number,
): Promise<number> {
  const result = await tx.query(
    `update sync_partitions set state = 'queued', worker = null
     where sync_run_id = $1 and state = 'running' and worker is distinct from $2
       and ($3 = 0 or coalesce(heartbeat_at, started_at) < now() - make_interval(secs => $3))`,
    [runId, worker, staleMs / 1000],
  );
  return result.rowCount;
}

/** Puts this worker's running partitions of a run back in the queue (it restarts the run). */
export async function requeueOwn(tx: Tx, runId: number, worker: string): Promise<number> {
  const result = await tx.query(
    `update sync_partitions set state = 'queued', worker = null
     where sync_run_id = $1 and state = 'running' and worker = $2`,
    [runId, worker],
  );
  return result.rowCount;
}

export async function countPartitions(tx: Tx, runId: number, stream?: string): Promise<PartitionCounts> {
  const result = await tx.query<{ state: string; n: number }>(
    `select state, count(*)::int as n from sync_partitions
     where sync_run_id = $1 and ($2::text is null or stream = $2) group by state`,
    [runId, stream ?? null],
  );
  const by = Object.fromEntries(result.rows.map((r) => [r.state, r.n])) as Record<string, number>;
  const get = (state: string) => by[state] ?? 0;
  return {
    total: result.rows.reduce((sum, r) => sum + r.n, 0),
    queued: get('queued'),
    running: get('running'),
    succeeded: get('succeeded'),
    failed: get('failed'),
    skipped: get('skipped'),
  };
}
