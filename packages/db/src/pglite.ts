/**
 * Embedded adapter: PGlite (PostgreSQL compiled to WebAssembly) keeping its data in a folder,
 * or in memory for tests. PGlite has one connection; it queues queries and runs a transaction
 * exclusively, so a query issued outside a running transaction waits for it instead of joining it.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { PulseError } from '@pulse/core';
import { insertFromJsonSql, jsonBatches } from './copy-text.ts';
import type { Db, QueryResult, Tx } from './db.ts';
import { typeIds } from './db.ts';
import { acquireDirLock } from './dir-lock.ts';

const parsers = {
  [typeIds.int8]: (value: string) => Number(value),
  [typeIds.numeric]: (value: string) => Number(value),
  [typeIds.date]: (value: string) => value,
};

type PgliteQueryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

/** Opens (creating if needed) the embedded database in `dataDir`, or an in-memory one when omitted. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const releaseLock = dataDir === undefined ? () => {} : acquireDirLock(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir === undefined ? { parsers } : { dataDir, parsers });
  } catch (cause) {
    releaseLock();
    throw new PulseError('DATA_DIR_UNUSABLE', {
      message: `The embedded database in ${dataDir ?? 'memory'} cannot be opened: ${String(cause)}`,
      cause,
    });
  }
  let closed = false;
  return {
    kind: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrapTx(tx))),
    listen: async (channel, onNotify) => {
      const stop = await pg.listen(channel, (payload) => onNotify(payload));
      return async () => {
        if (!closed) await stop();
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pg.close();
      releaseLock();
    },
  };
}

function wrapTx(tx: Transaction): Tx {
  return {
    query: (sql, params) => run(tx, sql, params),
    exec: async (sql) => {
      await tx.exec(sql);
    },
    copyFrom: async (table, columns, rows) => {
      let loaded = 0;
      for (const batch of jsonBatches(columns, rows)) {
        const result = await tx.query(insertFromJsonSql(table, columns), [batch]);
        loaded += result.affectedRows ?? 0;
      }
      return loaded;
    },
  };
}

async function run<R>(
  target: PgliteQueryable,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<R>> {
  const result = await target.query<R>(sql, params === undefined ? [] : [...params]);
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
}
