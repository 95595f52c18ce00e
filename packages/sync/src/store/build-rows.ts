/** Turns a page's records of one type into staged rows, leaving out unresolved ones. */
import type { RecordType } from '@pulse/core';
import { latest, type Item } from './page.ts';

export type Row = Record<string, unknown>;

/**
 * Rows built by `build` (null = the record has an unknown reference and was noted as such), the
 * last one per `key` kept; `items` is aligned with `rows`.
 */
export function buildRows<T extends RecordType, R extends Row>(
  items: readonly Item<T>[],
  build: (item: Item<T>) => R | null,
  key: (row: R) => string,
): { rows: R[]; items: Item<T>[] } {
  const built: { row: R; item: Item<T> }[] = [];
  for (const item of items) {
    const row = build(item);
    if (row !== null) built.push({ row, item });
  }
  const kept = latest(built, (b) => key(b.row));
  return { rows: kept.map((b) => b.row), items: kept.map((b) => b.item) };
}

/** `source/externalId` of a staged entity row. */
export const naturalKey = (row: Row): string => `${String(row.source)}/${String(row.external_id)}`;
