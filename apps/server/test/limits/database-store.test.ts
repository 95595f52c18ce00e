/**
 * The PostgreSQL store of the rate limits on its own: counts within a window, starts a new window
 * once one ended (by the database clock), and prunes the rows of windows long over.
 */
import { expect, it } from 'vitest';
import { databaseStore } from '../../src/limits/database-store.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';

describeEachDb('rate-limit database store', (handle) => {
  const incr = (store: InstanceType<ReturnType<typeof databaseStore>>, key: string, windowMs: number) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), windowMs, 10),
    );

  it('counts a key within its window and starts a new window after it', async () => {
    const store = new (databaseStore(handle.db))({});
    const first = await incr(store, 'user:window', 60_000);
    expect(first.current).toBe(1);
    expect(first.ttl).toBeGreaterThan(59_000);
    expect(first.ttl).toBeLessThanOrEqual(60_000);
    expect((await incr(store, 'user:window', 60_000)).current).toBe(2);
    expect((await incr(store, 'user:other', 60_000)).current).toBe(1);
    // A window that ended (set back in the table: the database clock decides) starts over at 1.
    await handle.db.query(
      "update rate_limit_hits set window_ends_at = now() - interval '1 second' where key = 'user:window'",
    );
    const fresh = await incr(store, 'user:window', 60_000);
    expect(fresh.current).toBe(1);
    expect(fresh.ttl).toBeGreaterThan(59_000);
  });

  it('prunes rows of windows that ended over a minute ago, at most once a minute', async () => {
    let now = 1_000_000;
    const store = new (databaseStore(handle.db, { now: () => now }))({});
    await handle.db.query(
      `insert into rate_limit_hits (key, hits, window_ends_at)
       values ('address:stale', 5, now() - interval '2 minutes'), ('address:recent', 5, now() - interval '5 seconds')`,
    );
    await incr(store, 'user:pruner', 60_000);
    const keys = async () =>
      (await handle.db.query<{ key: string }>('select key from rate_limit_hits order by key')).rows.map(
        (row) => row.key,
      );
    expect(await keys()).toContain('address:stale'); // less than a minute since the store started
    now += 61_000;
    await incr(store, 'user:pruner', 60_000);
    await expect.poll(keys).not.toContain('address:stale');
    expect(await keys()).toContain('address:recent');
  });
});
