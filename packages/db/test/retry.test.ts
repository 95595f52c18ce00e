/**
 * retryTransient on a real deadlock: two transactions lock two rows in opposite orders; PostgreSQL
 * aborts one (40P01), and running it again commits both. Only PostgreSQL runs transactions
 * concurrently (PGlite serialises them), so this runs there only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransientConflict, openPostgres, retryTransient, type Db } from '@pulse/db';
import { createPostgresDatabase, postgresReachable } from '../../../test/support/databases.ts';

describe.skipIf(!postgresReachable)('retryTransient [postgres]', () => {
  let db: Db;
  let drop = async () => {};
  beforeAll(async () => {
    const fresh = await createPostgresDatabase();
    drop = fresh.drop;
    db = await openPostgres({ url: fresh.url, poolMax: 4 });
    await db.exec(`create table counters (id int primary key, n int not null);
      insert into counters values (1, 0), (2, 0)`);
  });
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  /** Locks `first`, waits until the other transaction holds its first row, then locks `second`. */
  function crossing(first: number, second: number, barrier: { arrived: number }, attempts: { n: number }) {
    return () =>
      db.transaction(async (tx) => {
        attempts.n++;
        await tx.query("set local deadlock_timeout = '50ms'");
        await tx.query('update counters set n = n + 1 where id = $1', [first]);
        barrier.arrived++;
        while (attempts.n === 1 && barrier.arrived < 2) await new Promise((r) => setTimeout(r, 5));
        await tx.query('update counters set n = n + 1 where id = $1', [second]);
      });
  }

  it('a deadlock fails one transaction with 40P01 when not retried', async () => {
    const barrier = { arrived: 0 };
    const results = await Promise.allSettled([
      crossing(1, 2, barrier, { n: 0 })(),
      crossing(2, 1, barrier, { n: 0 })(),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(isTransientConflict((rejected[0] as PromiseRejectedResult).reason)).toBe(true);
  });

  it('retried, both transactions commit exactly once', async () => {
    const before = await db.query<{ n: number }>('select sum(n)::int as n from counters');
    const barrier = { arrived: 0 };
    const a = { n: 0 };
    const b = { n: 0 };
    await Promise.all([
      retryTransient(crossing(1, 2, barrier, a)),
      retryTransient(crossing(2, 1, barrier, b)),
    ]);
    expect(a.n + b.n).toBe(3);
    const after = await db.query<{ n: number }>('select sum(n)::int as n from counters');
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(4);
  });

  it('other errors are not retried', async () => {
    let calls = 0;
    await expect(
      retryTransient(async () => {
        calls++;
        await db.query('select 1/0');
      }),
    ).rejects.toThrow(/division by zero/);
    expect(calls).toBe(1);
  });
});
