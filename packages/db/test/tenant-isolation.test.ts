/**
 * Row-level security matrix: for every tenant table, tenant A can neither read, insert, update nor
 * delete tenant B's rows, cannot move its own rows into B, and a transaction without a tenant sees
 * nothing. The table list comes from the catalog, so a new table without isolation fails here.
 */
import { beforeAll, expect, it } from 'vitest';
import { readAsOperator, tenantTables, withTenant, withoutTenant, quoteIdent, type Db } from '@pulse/db';
import { describeEachDb } from '../../../test/support/databases.ts';
import { seedTenant, type SeededTenant } from '../../../test/support/tenant-fixture.ts';

/** Tables isolated by a key other than tenant_id (see sql/0001_platform.sql). */
const specialTables = new Set(['tenants', 'users']);

describeEachDb('tenant isolation', (handle) => {
  let a: SeededTenant;
  let b: SeededTenant;
  let tables: string[];
  let before: Map<string, number>;

  beforeAll(async () => {
    a = await seedTenant(handle.db, 'alpha');
    b = await seedTenant(handle.db, 'bravo');
    tables = (await tenantTables(handle.db)).filter((table) => !specialTables.has(table));
    before = await countsOf(handle.db, b.id, tables);
  });

  it('covers every table that has a tenant_id column, and each has rows for both tenants', async () => {
    expect(tables.length).toBeGreaterThanOrEqual(30);
    for (const table of tables) {
      expect(
        before.get(table),
        `fixture has no ${table} row for tenant B: add one in tenant-fixture.ts`,
      ).toBeGreaterThan(0);
    }
  });

  it('tenant A sees only its own rows in every table', async () => {
    const ownCounts = await countsOf(handle.db, a.id, tables);
    for (const table of tables) {
      const seen = await withTenant(handle.db, a.id, async (tx) => {
        const all = await tx.query<{ n: number; foreign: number }>(
          `select count(*) as n, count(*) filter (where tenant_id <> $1) as foreign from ${quoteIdent(table)}`,
          [a.id],
        );
        return all.rows[0]!;
      });
      expect(seen.foreign, table).toBe(0);
      expect(seen.n, table).toBe(ownCounts.get(table));
    }
  });

  it('a transaction without a tenant sees no rows at all', async () => {
    for (const table of [...tables, ...specialTables]) {
      const n = await withoutTenant(handle.db, async (tx) => {
        const result = await tx.query<{ n: number }>(`select count(*) as n from ${quoteIdent(table)}`);
        return result.rows[0]!.n;
      });
      expect(n, table).toBe(0);
    }
  });

  it("tenant A cannot insert rows into tenant B's data", async () => {
    for (const table of tables) {
      const row = await readAsOperator(handle.db, async (tx) => {
        const result = await tx.query<{ row: unknown }>(
          `select to_jsonb(t) as row from ${quoteIdent(table)} t where tenant_id = $1 limit 1`,
          [b.id],
        );
        return result.rows[0]!.row;
      });
      // Generated columns refuse explicit values (an error before RLS is consulted), so the copy
      // names the insertable columns only.
      const columns = await insertableColumns(handle.db, table);
      const attempt = withTenant(handle.db, a.id, (tx) =>
        tx.query(
          `insert into ${quoteIdent(table)} (${columns}) select ${columns} from jsonb_populate_record(null::${quoteIdent(table)}, $1)`,
          [row],
        ),
      );
      await expect(attempt, table).rejects.toMatchObject({ code: '42501' });
    }
  });

  it("tenant A's updates and deletes never reach tenant B's rows", async () => {
    for (const table of tables) {
      const outcome = async (sql: string) => {
        try {
          const result = await withTenant(handle.db, a.id, (tx) => tx.query(sql, [b.id]));
          return result.rowCount;
        } catch (error) {
          // Tables the application may not modify at all (the audit log) refuse outright.
          expect((error as { code?: string }).code, table).toBe('42501');
          return 0;
        }
      };
      expect(
        await outcome(`update ${quoteIdent(table)} set tenant_id = tenant_id where tenant_id = $1`),
        table,
      ).toBe(0);
      expect(await outcome(`delete from ${quoteIdent(table)} where tenant_id = $1`), table).toBe(0);
    }
    expect(await countsOf(handle.db, b.id, tables)).toEqual(before);
  });

  it('tenant A cannot move its own rows into tenant B', async () => {
    for (const table of tables) {
      const attempt = withTenant(handle.db, a.id, (tx) =>
        tx.query(`update ${quoteIdent(table)} set tenant_id = $1 where tenant_id = $2`, [b.id, a.id]),
      );
      await expect(attempt, table).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('tenants: A sees its own tenant row only and cannot create, change or delete tenants', async () => {
    const { db } = handle;
    const visible = await withTenant(db, a.id, (tx) => tx.query<{ id: string }>('select id from tenants'));
    expect(visible.rows.map((r) => r.id)).toEqual([a.id]);
    const renamed = await withTenant(db, a.id, (tx) =>
      tx.query("update tenants set name = 'x' where id = $1", [b.id]),
    );
    expect(renamed.rowCount).toBe(0);
    await expect(
      withTenant(db, a.id, (tx) => tx.query("insert into tenants (slug, name) values ('charlie', 'C')")),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      withTenant(db, a.id, (tx) => tx.query('delete from tenants where id = $1', [b.id])),
    ).rejects.toMatchObject({
      code: '42501',
    });
    await expect(
      withTenant(db, a.id, (tx) => tx.query('update tenants set id = $1 where id = $2', [b.id, a.id])),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it("users: A sees its members only, cannot create accounts or change B's users", async () => {
    const { db } = handle;
    const visible = await withTenant(db, a.id, (tx) => tx.query<{ id: string }>('select id from users'));
    expect(visible.rows.map((r) => r.id)).toEqual([a.userId]);
    const changed = await withTenant(db, a.id, (tx) =>
      tx.query("update users set display_name = 'pwned' where id = $1", [b.userId]),
    );
    expect(changed.rowCount).toBe(0);
    await expect(
      withTenant(db, a.id, (tx) => tx.query("insert into users (email) values ('intruder@example.com')")),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      withTenant(db, a.id, (tx) => tx.query('delete from users where id = $1', [b.userId])),
    ).rejects.toMatchObject({
      code: '42501',
    });
    await expect(
      withTenant(db, a.id, (tx) => tx.query('update users set is_operator = true where id = $1', [a.userId])),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('the application role cannot bypass row-level security', async () => {
    const role = await handle.db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      "select rolsuper, rolbypassrls from pg_roles where rolname = 'pulse_app'",
    );
    expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });
});

async function countsOf(db: Db, tenantId: string, tables: string[]): Promise<Map<string, number>> {
  return readAsOperator(db, async (tx) => {
    const counts = new Map<string, number>();
    for (const table of tables) {
      const result = await tx.query<{ n: number }>(
        `select count(*) as n from ${quoteIdent(table)} where tenant_id = $1`,
        [tenantId],
      );
      counts.set(table, result.rows[0]!.n);
    }
    return counts;
  });
}

async function insertableColumns(db: Db, table: string): Promise<string> {
  const result = await db.query<{ name: string }>(
    `select attname as name from pg_attribute
      where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
    [quoteIdent(table)],
  );
  return result.rows.map((r) => quoteIdent(r.name)).join(', ');
}
