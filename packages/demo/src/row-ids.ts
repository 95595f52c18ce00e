/**
 * How entities become row ids. Tables whose rows other rows point at get their ids chosen before
 * inserting: the loader reserves them from each table's identity sequence, tests number from 1.
 */

export const keyedTables = [
  'people',
  'identities',
  'teams',
  'repositories',
  'pull_requests',
  'pull_request_reviews',
  'work_items',
  'sprints',
  'deployments',
] as const;
export type KeyedTable = (typeof keyedTables)[number];
export type Ids = Readonly<Record<KeyedTable, readonly number[]>>;

export interface TableRows {
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Maps each entity to its row id: the id at the entity's position. */
export function idOf<T>(items: readonly T[], ids: readonly number[]): (item: T) => number {
  const byItem = new Map<T, number>();
  items.forEach((item, i) => {
    const id = ids[i];
    if (id === undefined) throw new Error('fewer ids than rows');
    byItem.set(item, id);
  });
  return (item) => {
    const id = byItem.get(item);
    if (id === undefined) throw new Error('a row points at an entity that is not part of the demo');
    return id;
  };
}

/** A time of the model (UTC milliseconds) as a column value. */
export function date(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}
