/**
 * The storage port: the slice of a PostgreSQL client Pulse uses. Two adapters implement it,
 * embedded PGlite (`pglite.ts`) and a pooled PostgreSQL server (`postgres.ts`); the same SQL
 * runs on both, so it must stay within PostgreSQL 15.
 *
 * Results are normalised across adapters: int8 and numeric come back as JS numbers, timestamptz as
 * Date, date as 'YYYY-MM-DD' strings, json/jsonb parsed.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement (0 for a SELECT that returned nothing). */
  rowCount: number;
}

export interface Queryable {
  /** One statement with `$1…` parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** A script of several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Tx extends Queryable {
  /**
   * Bulk-loads rows into a table WITHOUT row-level security, in practice a temporary staging table
   * (PostgreSQL rejects COPY into tables with RLS; `insertRows` stages for you). PostgreSQL uses
   * COPY … FROM STDIN; PGlite, where COPY needs file privileges the application role lacks, uses
   * batched INSERT … SELECT FROM jsonb_populate_recordset. Values: null/undefined → NULL, Date →
   * timestamp, arrays → arrays, plain objects → json.
   */
  copyFrom(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * LISTENs on a channel: `onNotify` gets each NOTIFY payload, and `undefined` after the listening
   * connection was lost and re-established (notifications in between may be missed). Resolves to
   * a function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string | undefined) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const typeIds = { int8: 20, numeric: 1700, date: 1082 } as const;
