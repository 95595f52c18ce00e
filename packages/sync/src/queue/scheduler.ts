/**
 * The scheduler: queues a run for every enabled integration whose interval has passed since its
 * last run, and re-enqueues runs whose job was lost (a worker died). Safe to run in every worker at
 * once: the unique index on active runs lets only one run per integration be queued.
 */
import { readAsOperator, type Db } from '@pulse/db';
import { requestSync } from '../runs/runs.ts';
import type { SyncQueue } from './sync-queue.ts';

export interface ScheduleResult {
  readonly queued: number;
  readonly requeued: number;
}

export async function scheduleDueSyncs(
  db: Db,
  queue: SyncQueue,
  options: { staleAfterSeconds?: number } = {},
): Promise<ScheduleResult> {
  const due = await readAsOperator(db, (tx) =>
    tx.query<{ tenantId: string; id: number }>(
      `select i.tenant_id as "tenantId", i.id from integrations i
       where i.enabled and not exists (
         select 1 from sync_runs r where r.tenant_id = i.tenant_id and r.integration_id = i.id
           and (r.state in ('queued', 'running', 'paused') or r.queued_at > now() - i.sync_interval))`,
    ),
  );
  let queued = 0;
  for (const row of due.rows) {
    const { run, created } = await requestSync(db, row.tenantId, row.id, {
      mode: 'incremental',
      requestedBy: 'scheduler',
    });
    if (!created) continue;
    await queue.enqueue({ tenantId: row.tenantId, runId: run.id });
    queued += 1;
  }
  const stale = await readAsOperator(db, (tx) =>
    tx.query<{ tenantId: string; id: number }>(
      `select tenant_id as "tenantId", id from sync_runs
       where (state = 'running' and heartbeat_at < now() - make_interval(secs => $1))
          or (state = 'queued' and queued_at < now() - make_interval(secs => $1))`,
      [options.staleAfterSeconds ?? 120],
    ),
  );
  for (const row of stale.rows) await queue.enqueue({ tenantId: row.tenantId, runId: row.id });
  return { queued, requeued: stale.rowCount };
}

/** Queues a run of one integration now (or returns the active one) and hands it to the queue. */
export async function syncNow(
  db: Db,
  queue: SyncQueue,
  tenantId: string,
  integrationId: number,
  options: { mode: 'incremental' | 'full'; requestedBy: string },
) {
  const result = await requestSync(db, tenantId, integrationId, options);
  if (result.created || result.run.state === 'queued')
    await queue.enqueue({ tenantId, runId: result.run.id });
  return result;
}
