/**
 * Cursors per (integration, stream, partition). Saved in the transaction that stores the page's
 * records, so after a crash the stream resumes right after the last stored page.
 */
import type { Json, SyncMode } from '@pulse/connectors';
import type { Tx } from '@pulse/db';

/**
 * The cursor to resume from. An incremental run uses the latest checkpoint; a full re-sync starts
 * from nothing but resumes from checkpoints it wrote itself (after a crash or a pause).
 */
export async function loadCursor(
  tx: Tx,
  key: { integrationId: number; stream: string; partition: string },
  run: { id: number; mode: SyncMode },
): Promise<Json | null> {
  const result = await tx.query<{ cursor: Json; runId: number | null }>(
    `select cursor, sync_run_id as "runId" from sync_checkpoints
     where integration_id = $1 and stream = $2 and partition = $3`,
    [key.integrationId, key.stream, key.partition],
  );
  const row = result.rows[0];
  if (row === undefined) return null;
  if (run.mode === 'full' && row.runId !== run.id) return null;
  return row.cursor;
}

export async function saveCursor(
  tx: Tx,
  tenantId: string,
  key: { integrationId: number; stream: string; partition: string },
  runId: number,
  cursor: Json,
): Promise<void> {
  await tx.query(
    `insert into sync_checkpoints (tenant_id, integration_id, stream, partition, cursor, sync_run_id, updated_at)
     values ($1, $2, $3, $4, $5, $6, now())
     on conflict (tenant_id, integration_id, stream, partition)
     do update set cursor = excluded.cursor, sync_run_id = excluded.sync_run_id, updated_at = now()`,
    [tenantId, key.integrationId, key.stream, key.partition, JSON.stringify(cursor), runId],
  );
}
