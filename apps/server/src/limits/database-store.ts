/**
 * A store for @fastify/rate-limit kept in PostgreSQL (table rate_limit_hits, sql/0011), so every
 * server process on one database counts against the same limit. Each request is one atomic upsert:
 * PostgreSQL's row lock on the key serialises concurrent requests of one principal, and the
 * database clock (`now()`) decides windows, so nodes with skewed clocks still agree.
 *
 * The window is fixed and starts at a key's first request, like the library's in-memory store.
 * Rejected alternative: a row per key and window start (no update, only inserts): simpler to
 * reason about, but it grows a row per principal and minute, and the pruning must keep up.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '@pulse/db';

const countSql = `
  insert into rate_limit_hits as h (key, hits, window_ends_at)
  values ($1, 1, now() + $2 * interval '1 millisecond')
  on conflict (key) do update set
    hits = case when h.window_ends_at <= now() then 1 else h.hits + 1 end,
    window_ends_at = case when h.window_ends_at <= now() then excluded.window_ends_at else h.window_ends_at end
  returning hits, greatest(0, extract(epoch from h.window_ends_at - now()) * 1000)::float8 as ttl`;

/** How often one process deletes the rows of windows that ended (a minute ago or more). */
const pruneEveryMs = 60_000;

export interface DatabaseStoreOptions {
  /** Called when counting fails; the request is then let through (fail open, `skipOnError`). */
  readonly onError?: (error: Error) => void;
  readonly now?: () => number;
}

/** The store class @fastify/rate-limit instantiates (it takes a constructor, not an instance). */
export function databaseStore(db: Db, options: DatabaseStoreOptions = {}): FastifyRateLimitStoreCtor {
  const now = options.now ?? Date.now;
  let prunedAt = now();
  const prune = () => {
    if (now() - prunedAt < pruneEveryMs) return;
    prunedAt = now();
    db.query("delete from rate_limit_hits where window_ends_at < now() - interval '1 minute'").catch(
      (error: Error) => options.onError?.(error),
    );
  };
  class DatabaseStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      prune();
      db.query<{ hits: number; ttl: number }>(countSql, [key, timeWindow]).then(
        (result) => {
          const row = result.rows[0]!;
          callback(null, { current: row.hits, ttl: Math.round(row.ttl) });
        },
        (error: Error) => {
          options.onError?.(error);
          callback(error);
        },
      );
    }

    child(): FastifyRateLimitStore {
      return new DatabaseStore();
    }
  }
  return DatabaseStore;
}
