/** Drives a connector's streams the way the sync runner does, without a database. */
import type { NormalisedRecord } from '@pulse/core';
import type { ConnectorContext, Json, Partition, Stream, SyncMode } from '../../src/kit/contract.ts';

export interface StreamResult {
  readonly records: NormalisedRecord[];
  readonly cursor: Json | null;
  readonly items: number;
}

/** Reads one partition of a stream and maps every item; returns the records and the last cursor. */
export async function readPartition<C, S>(
  ctx: ConnectorContext<C, S>,
  stream: Stream<C, S, Json>,
  partition: Partition,
  cursor: Json | null = null,
  mode: SyncMode = 'incremental',
): Promise<StreamResult> {
  const records: NormalisedRecord[] = [];
  let last = cursor;
  let items = 0;
  for await (const page of stream.read(ctx, { partition, cursor, mode })) {
    for (const item of page.items)
      records.push(...stream.map(item.payload, { config: ctx.config, partition }));
    items += page.items.length;
    last = page.cursor;
  }
  return { records, cursor: last, items };
}

export type Cursors = Record<string, Json | null>;

export interface SyncResult {
  readonly records: NormalisedRecord[];
  readonly cursors: Cursors;
  /** 'stream partition' → the error that failed it. */
  readonly failures: Record<string, unknown>;
}

/** One run over `streams` and their partitions, in the order given (dependencies first), like the runner. */
export async function syncStreams<C, S>(
  ctx: ConnectorContext<C, S>,
  streams: readonly Stream<C, S, Json>[],
  cursors: Cursors = {},
  mode: SyncMode = 'incremental',
): Promise<SyncResult> {
  const records: NormalisedRecord[] = [];
  const next: Cursors = { ...cursors };
  const failures: Record<string, unknown> = {};
  for (const stream of streams) {
    for (const partition of await stream.partitions(ctx)) {
      const key = `${stream.name} ${partition.key}`;
      try {
        const result = await readPartition(ctx, stream, partition, cursors[key] ?? null, mode);
        records.push(...result.records);
        next[key] = result.cursor;
      } catch (error) {
        failures[key] = error;
      }
    }
  }
  return { records, cursors: next, failures };
}

/** Records of one type, sorted by externalId (or by repository and name for refs) for comparison. */
export function ofType<T extends NormalisedRecord['type']>(
  records: readonly NormalisedRecord[],
  type: T,
): Extract<NormalisedRecord, { type: T }>[] {
  const key = (r: NormalisedRecord): string =>
    'externalId' in r
      ? (r.externalId ?? '')
      : `${JSON.stringify('repository' in r ? r.repository : '')}:${'name' in r ? r.name : ''}`;
  return records
    .filter((r): r is Extract<NormalisedRecord, { type: T }> => r.type === type)
    .sort((a, b) => key(a).localeCompare(key(b)));
}
