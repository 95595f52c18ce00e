/**
 * The Db port behaves the same on both adapters: value types, transactions, bulk loading.
 */
import { expect, it } from 'vitest';
import { insertRows } from '@pulse/db';
import { describeEachDb } from '../../../test/support/databases.ts';

describeEachDb('Db port', (handle) => {
  it('normalises values: int8 and numeric as numbers, timestamptz as Date, date as text, jsonb parsed', async () => {
    const result = await handle.db.query<Record<string, unknown>>(
      `select 9007199254740991::int8 as big, 2.5::numeric as ratio, count(*) as n,
              '2026-03-29T01:30:00Z'::timestamptz as at, '2026-03-29'::date as day,
              '{"a":[1,2]}'::jsonb as doc, array['x','y']::text[] as tags, null::text as nothing`,
    );
    expect(result.rows[0]).toEqual({
      big: 9007199254740991,
      ratio: 2.5,
      n: 1,
      at: new Date('2026-03-29T01:30:00Z'),
      day: '2026-03-29',
      doc: { a: [1, 2] },
      tags: ['x', 'y'],
      nothing: null,
    });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const { db } = handle;
    await db.exec('create table port_tx (v int)');
    await db.transaction(async (tx) => {
      await tx.query('insert into port_tx values (1)');
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into port_tx values (2)');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await expect(
      db.transaction((tx) => tx.query('insert into port_tx values (3), (null::text::int, 1)')),
    ).rejects.toThrow();
    const rows = await db.query<{ v: number }>('select v from port_tx order by v');
    expect(rows.rows).toEqual([{ v: 1 }]);
  });

  it('reports affected rows', async () => {
    const { db } = handle;
    await db.exec('create table port_count (v int); insert into port_count select generate_series(1, 5)');
    expect((await db.query('update port_count set v = v + 1 where v > 2')).rowCount).toBe(3);
    expect((await db.query('delete from port_count where v > 100')).rowCount).toBe(0);
    expect((await db.query('select * from port_count')).rowCount).toBe(5);
  });

  it('bulk-loads awkward values exactly (tabs, newlines, backslashes, quotes, unicode, nulls, arrays, json)', async () => {
    const { db } = handle;
    await db.exec(
      'create table port_bulk (id int primary key, msg text, tags text[], doc jsonb, at timestamptz, ok boolean, score numeric)',
    );
    const rows: unknown[][] = [
      [
        1,
        'tab\there\nnew line\\back slash "quoted" ünïcødé 🚀',
        ['a b', 'c"d', 'e\\f', null],
        { k: 'v\n' },
        new Date('2026-01-01T00:00:00Z'),
        true,
        1.25,
      ],
      [2, '\\N is not null', [], [], null, false, null],
      [3, null, null, null, null, null, -3],
    ];
    const loaded = await db.transaction((tx) =>
      insertRows(tx, 'port_bulk', ['id', 'msg', 'tags', 'doc', 'at', 'ok', 'score'], rows),
    );
    expect(loaded).toBe(3);
    const back = await db.query('select id, msg, tags, doc, at, ok, score from port_bulk order by id');
    expect(back.rows).toEqual(
      rows.map(([id, msg, tags, doc, at, ok, score]) => ({ id, msg, tags, doc, at, ok, score })),
    );
  });

  it('bulk insert honours ON CONFLICT, so loading the same rows twice changes nothing', async () => {
    const { db } = handle;
    await db.exec('create table port_upsert (k text primary key, v int)');
    const rows = Array.from({ length: 12_000 }, (_, i) => [`key-${i}`, i]);
    const load = () =>
      db.transaction((tx) =>
        insertRows(tx, 'port_upsert', ['k', 'v'], rows, { onConflict: 'ON CONFLICT (k) DO NOTHING' }),
      );
    expect(await load()).toBe(12_000);
    expect(await load()).toBe(0);
    const count = await db.query<{ n: number; total: number }>(
      'select count(*) as n, sum(v) as total from port_upsert',
    );
    expect(count.rows[0]).toEqual({ n: 12_000, total: (11_999 * 12_000) / 2 });
  });

  it('loads raw rows with copyFrom into a table without row-level security', async () => {
    const { db } = handle;
    await db.exec('create table port_copy (a int, b text)');
    const n = await db.transaction((tx) =>
      tx.copyFrom(
        'port_copy',
        ['a', 'b'],
        [
          [1, 'x'],
          [2, null],
        ],
      ),
    );
    expect(n).toBe(2);
    expect((await db.query('select a, b from port_copy order by a')).rows).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: null },
    ]);
  });
});

describeEachDb('Db port: LISTEN/NOTIFY', (handle) => {
  it('delivers notifications committed by transactions, in order, until stopped', async () => {
    const { db } = handle;
    const seen: (string | undefined)[] = [];
    const stop = await db.listen('port_channel', (payload) => seen.push(payload));
    await db.transaction(async (tx) => {
      await tx.query("select pg_notify('port_channel', 'one')");
      await tx.query("select pg_notify('port_channel', 'two')");
    });
    await db
      .transaction(async (tx) => {
        await tx.query("select pg_notify('port_channel', 'rolled back')");
        throw new Error('abort');
      })
      .catch(() => {});
    await db.query("select pg_notify('other_channel', 'elsewhere')");
    await db.query("select pg_notify('port_channel', 'three')");
    await expect.poll(() => seen.length).toBe(3);
    expect(seen).toEqual(['one', 'two', 'three']);
    await stop();
    await db.query("select pg_notify('port_channel', 'after stop')");
    await db.query('select pg_sleep(0.1)');
    expect(seen).toEqual(['one', 'two', 'three']);
  });
});
