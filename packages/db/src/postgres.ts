/**
 * Server adapter: a pooled connection to PostgreSQL (15 or newer) through `pg`.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { PulseError } from '@pulse/core';
import { copyChunks, copySql, quoteIdent } from './copy-text.ts';
import type { Db, QueryResult, Tx } from './db.ts';
import { listenPostgres } from './postgres-listen.ts';
import { typeIds } from './db.ts';

const ownParsers = new Map<number, (value: string) => unknown>([
  [typeIds.int8, Number],
  [typeIds.numeric, Number],
  [typeIds.date, (value) => value],
]);

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    (format ?? 'text') === 'text' && ownParsers.has(oid)
      ? ownParsers.get(oid)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  url: string;
  poolMax?: number;
  /** Fails the first connection after this long; a down server should not hang start-up. */
  connectTimeoutMs?: number;
}

/** Connects a pool and checks the server answers; throws DATABASE_UNREACHABLE when it does not. */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    types,
    application_name: 'pulse',
  });
  // An idle pooled connection that dies (server restart) must not crash the process; the pool
  // drops it and the next query opens a new one.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (cause) {
    await pool.end().catch(() => {});
    throw unreachable(options.url, cause);
  }
  let closed = false;
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken = false;
      // While checked out the pool no longer listens on the client: a connection that dies mid
      // transaction (server restart) emits 'error', which would crash the process unheard. The
      // query in progress rejects on its own; the listener only marks the client as unusable.
      const onLost = () => {
        broken = true;
      };
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const result = await fn(wrapTx(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.off('error', onLost);
        client.release(broken);
      }
    },
    listen: (channel, onNotify) => listenPostgres(options.url, channel, onNotify),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

function wrapTx(client: pg.PoolClient): Tx {
  return {
    query: (sql, params) => run(client, sql, params),
    exec: async (sql) => {
      await client.query(sql);
    },
    copyFrom: async (table, columns, rows) => {
      const jsonColumns = await jsonColumnPositions(client, table, columns);
      const stream = client.query(copyFromStdin(copySql(table, columns, 'STDIN')));
      await pipeline(Readable.from(copyChunks(rows, jsonColumns)), stream);
      return stream.rowCount ?? 0;
    },
  };
}

/** Positions (in `columns`) of the json/jsonb columns of `table`. */
async function jsonColumnPositions(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
): Promise<Set<number>> {
  const result = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped and atttypid in ('json'::regtype, 'jsonb'::regtype)`,
    [quoteIdent(table)],
  );
  const json = new Set(result.rows.map((row) => row.name));
  return new Set(columns.flatMap((column, i) => (json.has(column) ? [i] : [])));
}

async function run<R>(
  target: pg.Pool | pg.PoolClient,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<R>> {
  const result = await target.query(sql, params === undefined ? [] : [...params]);
  return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
}

function unreachable(url: string, cause: unknown): PulseError {
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PulseError('DATABASE_UNREACHABLE', {
    message: `The database at ${where} cannot be reached: ${redactUrl(reason, url)}.`,
    cause,
  });
}

/** Removes the password of `url` from a driver message, should the driver quote it. */
function redactUrl(text: string, url: string): string {
  const password = decodeURIComponent(new URL(url).password);
  return password === '' ? text : text.split(password).join('***');
}
