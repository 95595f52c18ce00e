/**
 * Production shape: Pulse connects as an ordinary role that owns its tables (no superuser, no
 * BYPASSRLS). Then even that owner reads nothing without switching role, and the operator policy
 * does not leak to it through role membership. PostgreSQL only: PGlite has a single superuser.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTenants, migrate, openPostgres, withTenant, type Db } from '@pulse/db';
import {
  adminQuery as admin,
  createPostgresDatabase,
  postgresReachable,
} from '../../../test/support/databases.ts';
import { seedTenant } from '../../../test/support/tenant-fixture.ts';

describe.skipIf(!postgresReachable)('a non-superuser database owner [postgres]', () => {
  const owner = `pulse_owner_${randomBytes(4).toString('hex')}`;
  let db: Db;
  let drop = async () => {};

  beforeAll(async () => {
    const fresh = await createPostgresDatabase();
    drop = fresh.drop;
    const database = new URL(fresh.url).pathname.slice(1);
    await admin(`create role ${owner} login createrole nosuperuser nobypassrls`);
    await admin(`alter database ${database} owner to ${owner}`);
    const url = new URL(fresh.url);
    url.username = owner;
    db = await openPostgres({ url: url.toString(), poolMax: 2 });
    await migrate(db);
  });

  afterAll(async () => {
    await db?.close();
    await drop();
    await admin(`drop role if exists ${owner}`);
  });

  it('migrates, and the operator and tenant paths work', async () => {
    const a = await seedTenant(db, 'alpha');
    await seedTenant(db, 'bravo');
    expect((await listTenants(db)).map((t) => t.slug)).toEqual(['alpha', 'bravo']);
    const own = await withTenant(db, a.id, (tx) =>
      tx.query<{ n: number }>('select count(*) as n from repositories'),
    );
    expect(own.rows[0]!.n).toBe(1);
  });

  it('sees no tenant data on a plain connection, although it owns the tables', async () => {
    for (const table of ['tenants', 'users', 'repositories', 'pull_requests', 'audit_log', 'integrations']) {
      const result = await db.query<{ n: number }>(`select count(*) as n from ${table}`);
      expect(result.rows[0]!.n, table).toBe(0);
    }
    await expect(db.query("insert into tenants (slug, name) values ('sneaky', 'S')")).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('is not a superuser and cannot bypass row-level security', async () => {
    const me = await db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'select rolsuper, rolbypassrls from pg_roles where rolname = current_user',
    );
    expect(me.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });
});
