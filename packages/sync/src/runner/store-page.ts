/**
 * Stores one page in ONE transaction: its normalised records, its raw payloads, its cursor and the
 * partition's counters. Either all of it is stored or none, which is what makes a sync killed at
 * any instant resume without losing or duplicating anything.
 *
 * Every string of every record and raw payload goes through `cleanDeep` first: text PostgreSQL
 * cannot store (U+0000, lone surrogates) is cleaned, the record kept, and the records that needed
 * it counted on the partition (`cleaned`).
 */
import { cleanDeep, type NormalisedRecord } from '@pulse/core';
import type { Json, RawItem } from '@pulse/connectors';
import { insertRows, retryTransient, withTenant, type Db } from '@pulse/db';
import { writeRecords } from '../store/write-records.ts';
import { saveCursor } from './checkpoints.ts';

export interface PageTarget {
  readonly tenantId: string;
  readonly integrationId: number;
  readonly runId: number;
  readonly stream: string;
  readonly partition: string;
  readonly keepRaw: boolean;
}

export async function storePage(
  db: Db,
  target: PageTarget,
  page: { items: readonly RawItem[]; records: readonly NormalisedRecord[]; cursor: Json },
): Promise<{ cleaned: number }> {
  const records = page.records.map((record) => cleanDeep(record));
  const items = page.items.map((item) => ({ ...item, payload: cleanDeep(item.payload).value }));
  const cleaned = records.filter((r) => r.changed).length;
  // Pages of different partitions run concurrently; one that loses a deadlock is stored again.
  await retryTransient(() =>
    withTenant(db, target.tenantId, async (tx) => {
      await writeRecords(
        tx,
        { tenantId: target.tenantId, integrationId: target.integrationId },
        records.map((r) => r.value),
      );
      if (target.keepRaw && items.length > 0)
        await insertRows(
          tx,
          'raw_records',
          ['tenant_id', 'integration_id', 'stream', 'partition', 'external_id', 'payload', 'sync_run_id'],
          latestById(items).map((item) => [
            target.tenantId,
            target.integrationId,
            target.stream,
            target.partition,
            item.externalId,
            asObject(item.payload),
            target.runId,
          ]),
          {
            onConflict: `on conflict (tenant_id, integration_id, stream, external_id) do update
            set payload = excluded.payload, partition = excluded.partition, sync_run_id = excluded.sync_run_id, fetched_at = now()`,
          },
        );
      await saveCursor(tx, target.tenantId, target, target.runId, page.cursor);
      await tx.query(
        `update sync_partitions set pages = pages + 1, records = records + $4, cleaned = cleaned + $5,
         heartbeat_at = now()
       where sync_run_id = $1 and stream = $2 and partition = $3`,
        [target.runId, target.stream, target.partition, records.length, cleaned],
      );
      await tx.query('update sync_runs set heartbeat_at = now() where id = $1', [target.runId]);
    }),
  );
  return { cleaned };
}

/** ON CONFLICT cannot touch a row twice in one statement: keep the last payload per id. */
function latestById(items: readonly RawItem[]): RawItem[] {
  return [...new Map(items.map((item) => [item.externalId, item])).values()];
}

/** The staging copy turns plain objects into json; other JSON values are wrapped to stay JSON. */
function asObject(payload: Json): Json {
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
    ? payload
    : { value: payload };
}
