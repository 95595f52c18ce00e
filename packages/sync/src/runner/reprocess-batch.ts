/** One batch of `pulse reprocess`: stored raw payloads of a stream mapped again and written, in `tx`. */
import { cleanDeep } from '@pulse/core';
import type { Json, Stream } from '@pulse/connectors';
import type { Tx } from '@pulse/db';
import { writeRecords } from '../store/write-records.ts';

export interface BatchInput {
  readonly tenantId: string;
  readonly integrationId: number;
  readonly stream: Stream<unknown, unknown>;
  readonly config: unknown;
  /** Raw record id to continue after (0 to start). */
  readonly after: number;
  readonly size: number;
}

/** Returns the last raw record id read (undefined when there was none left) and counts. */
export async function reprocessBatch(
  tx: Tx,
  input: BatchInput,
): Promise<{ last: number | undefined; payloads: number; records: number }> {
  const rows = await tx.query<{ id: number; partition: string; payload: Json }>(
    `select id, partition, payload from raw_records where integration_id = $1 and stream = $2 and id > $3
     order by id limit $4`,
    [input.integrationId, input.stream.name, input.after, input.size],
  );
  const records = rows.rows.flatMap((row) =>
    input.stream
      .map(row.payload, { config: input.config, partition: { key: row.partition } })
      .map((record) => cleanDeep(record).value),
  );
  await writeRecords(tx, { tenantId: input.tenantId, integrationId: input.integrationId }, records);
  return { last: rows.rows.at(-1)?.id, payloads: rows.rows.length, records: records.length };
}
