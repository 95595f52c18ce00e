import { expect, it } from 'vitest';
import { PulseError } from '@pulse/core';
import { loadMigrations, migrate, migrationStatus, openPostgres, type Migration } from '@pulse/db';
import { describeEachDb } from '../../../test/support/databases.ts';

const all = loadMigrations();

describeEachDb(
  'migrations',
  (handle) => {
    it('reports everything pending on an empty database, then applies all in order, once', async () => {
      const { db } = handle;
      expect((await migrationStatus(db)).pending.map((m) => m.name)).toEqual(all.map((m) => m.name));
      const first = await migrate(db);
      expect(first.applied).toEqual(all.map((m) => m.name));
      const again = await migrate(db);
      expect(again.applied).toEqual([]);
      const ledger = await db.query<{ id: number }>('select id from pulse_migrations order by id');
      expect(ledger.rows.map((r) => r.id)).toEqual(all.map((m) => m.id));
      expect((await migrationStatus(db)).pending).toEqual([]);
    });

    it('rolls back a failing migration entirely and reports it', async () => {
      const { db } = handle;
      const broken: Migration = {
        id: all.length + 1,
        name: '9999_broken',
        sql: 'create table half_done (x int); select no_such_function();',
        checksum: 'x',
      };
      const error = await migrate(db, [...all, broken]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PulseError);
      expect((error as PulseError).code).toBe('MIGRATION_FAILED');
      expect((error as PulseError).message).toContain('9999_broken');
      const leftover = await db.query("select to_regclass('public.half_done') as t");
      expect(leftover.rows[0]).toEqual({ t: null });
      expect((await migrationStatus(db, [...all, broken])).pending.map((m) => m.name)).toEqual([
        '9999_broken',
      ]);
    });

    it('refuses a database whose applied migration was edited, or that is ahead of this version', async () => {
      const { db } = handle;
      const edited = all.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await expect(migrate(db, edited)).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_MISMATCH' });
      await expect(migrationStatus(db, all.slice(0, 1))).rejects.toMatchObject({ code: 'MIGRATION_UNKNOWN' });
    });

    it('applies each migration exactly once when several processes migrate at the same time', async () => {
      if (handle.url === undefined) return; // one PGlite instance has one connection: nothing runs concurrently
      const fresh = await import('../../../test/support/databases.ts').then((m) =>
        m.createPostgresDatabase(),
      );
      const pools = await Promise.all([1, 2, 3, 4].map(() => openPostgres({ url: fresh.url, poolMax: 2 })));
      try {
        const results = await Promise.all(pools.map((pool) => migrate(pool)));
        const appliedCounts = all.map((m) => results.filter((r) => r.applied.includes(m.name)).length);
        expect(appliedCounts).toEqual(all.map(() => 1));
        const ledger = await pools[0]!.query<{ n: number }>('select count(*) as n from pulse_migrations');
        expect(ledger.rows[0]!.n).toBe(all.length);
      } finally {
        await Promise.all(pools.map((pool) => pool.close()));
        await fresh.drop();
      }
    });
  },
  { migrate: false },
);
