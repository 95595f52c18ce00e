/**
 * Bounds on what one request may ask of the database: the longest period a metric report or a
 * listing may span, and how long a report's statements may run. A viewer's request for
 * 0001-01-01..9999-12-31 once ran for minutes and stalled every tenant; these limits make it a
 * clear 400 (or a 503 when a report is slow anyway) instead.
 */
import { z } from 'zod';
import { inInstantRange, instant, instantRangeMessage, PulseError } from '@pulse/core';
import type { Db, Tx } from '@pulse/db';

export interface ApiLimits {
  /** Longest period `to - from`, in days (default 3653: ten years). */
  readonly maxRangeDays: number;
  /** Statement timeout of report transactions, in milliseconds (default 15 s; PostgreSQL only). */
  readonly reportTimeoutMs: number;
}

export const defaultLimits: ApiLimits = { maxRangeDays: 3653, reportTimeoutMs: 15_000 };

const DAY_MS = 86_400_000;

/** A timestamp with an offset, or a date (YYYY-MM-DD), inside the instants Pulse accepts. */
export const timeInput = instant.or(
  z.iso.date().refine((value) => inInstantRange(Date.parse(value)), instantRangeMessage),
);

/** Throws DATE_RANGE_TOO_LARGE when `from`..`to` spans more than the limit. */
export function assertRange(from: Date, to: Date, limits: ApiLimits): void {
  if (to.getTime() - from.getTime() <= limits.maxRangeDays * DAY_MS) return;
  const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS);
  throw new PulseError('DATE_RANGE_TOO_LARGE', {
    message: `query.from..query.to spans ${days} days; this server allows at most ${limits.maxRangeDays}.`,
    path: 'query.from',
  });
}

/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout (or a cancel request). */
const queryCanceled = '57014';

/**
 * `db` with a statement timeout on every transaction it opens, and the timeout answered as
 * REPORT_TIMEOUT (503). `set local` ends with the transaction, so the pool's connections keep
 * their defaults. PGlite has no timer to cancel a statement with: there the setting is accepted
 * and has no effect, and the range limit alone bounds a report.
 */
export function withStatementTimeout(db: Db, timeoutMs: number): Db {
  const ms = Math.max(1, Math.floor(timeoutMs));
  return {
    // Read when used: routes are also built without a database, to list them.
    get kind() {
      return db.kind;
    },
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    close: () => db.close(),
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      try {
        return await db.transaction(async (tx) => {
          await tx.query(`set local statement_timeout = ${ms}`);
          return fn(tx);
        });
      } catch (error) {
        if ((error as { code?: unknown }).code !== queryCanceled) throw error;
        throw new PulseError('REPORT_TIMEOUT', {
          message: `The report ran longer than ${ms} ms and was stopped.`,
          cause: error,
        });
      }
    },
  };
}
