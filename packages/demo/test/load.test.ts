/**
 * Loading the demo on both databases: every domain table gets rows, through row-level security,
 * with ids taken from the tables' own sequences; tenants stay isolated; an existing slug is refused
 * without changing anything.
 */
import { expect, it } from 'vitest';
import { isPulseError } from '@pulse/core';
import { findTenant, readAsOperator, tenantTables, withTenant, type Db } from '@pulse/db';
import { demoLogin, loadDemo, type LoadedDemo } from '@pulse/demo';
import { describeEachDb } from '../../../test/support/databases.ts';

const end = new Date('2026-01-15T00:00:00Z');
const domainTables = [
  'people',
  'identities',
  'teams',
  'team_members',
  'repositories',
  'team_repositories',
  'commits',
  'commit_parents',
  'pull_requests',
  'pull_request_reviews',
  'pull_request_comments',
  'pull_request_commits',
  'work_items',
  'work_item_transitions',
  'work_item_pull_requests',
  'sprints',
  'sprint_work_items',
  'deployments',
  'incidents',
];

/** Rows per tenant table as the operator sees them (every tenant), plus tenants and users. */
async function snapshot(db: Db): Promise<Record<string, number>> {
  const tables = [...(await tenantTables(db)), 'tenants', 'users'];
  return readAsOperator(db, async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of tables)
      counts[table] = (await tx.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
    return counts;
  });
}

describeEachDb('loadDemo', (handle) => {
  let first: LoadedDemo;
  const load = (tenantSlug: string, seed = 42) =>
    loadDemo(handle.db, { tenantSlug, seed, end, days: 30, passwordHash: 'not-a-real-hash', actor: 'test' });

  it('removes the tenant and the new login again when loading fails halfway', async () => {
    const before = await snapshot(handle.db);
    let copies = 0;
    // A database whose fifth bulk copy fails, as a full disk or a lost connection would.
    const failing: Db = {
      ...handle.db,
      transaction: (fn) =>
        handle.db.transaction((tx) =>
          fn({
            ...tx,
            copyFrom: async (table, columns, rows) => {
              if ((copies += 1) === 5) throw new Error('disk full');
              return tx.copyFrom(table, columns, rows);
            },
          }),
        ),
    };
    const options = { tenantSlug: 'demo-broken', seed: 1, end, days: 30, passwordHash: null, actor: 'test' };
    await expect(loadDemo(failing, options)).rejects.toThrow('disk full');
    const after = await snapshot(handle.db);
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
    const audit = await readAsOperator(handle.db, (tx) =>
      tx.query<{ action: string }>("select action from audit_log where target = 'demo-broken' order by id"),
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['tenant.delete']);
  });

  it('fills every domain table of a new tenant and creates its admin login', async () => {
    first = await load('demo-a');
    for (const table of domainTables) expect(first.counts[table], table).toBeGreaterThan(0);
    const stored = await withTenant(handle.db, first.tenant.id, async (tx) => {
      const counts: Record<string, number> = {};
      for (const table of domainTables)
        counts[table] = (await tx.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
      return counts;
    });
    expect(stored).toEqual(Object.fromEntries(domainTables.map((t) => [t, first.counts[t]])));
    expect((await findTenant(handle.db, 'demo-a')).id).toBe(first.tenant.id);
    const login = await readAsOperator(handle.db, (tx) =>
      tx.query<{ role: string; password_hash: string }>(
        'select m.role, u.password_hash from users u join memberships m on m.user_id = u.id where u.email = $1 and m.tenant_id = $2',
        [demoLogin, first.tenant.id],
      ),
    );
    expect(login.rows).toEqual([{ role: 'admin', password_hash: 'not-a-real-hash' }]);
    expect(first.user.created).toBe(true);
    // The planner has statistics of the bulk-loaded tables (the metric queries depend on them).
    const stats = await handle.db.query<{ n: number }>(
      "select reltuples::int as n from pg_class where relname = 'commits' and relkind = 'r'",
    );
    expect(stats.rows[0]!.n).toBeGreaterThan(0);
  });

  it('leaves the identity sequences ahead of the ids it used', async () => {
    await withTenant(handle.db, first.tenant.id, async (tx) => {
      const team = await tx.query<{ id: number }>(
        "insert into teams (tenant_id, external_id, name) values ($1, 'new-team', 'New team') returning id",
        [first.tenant.id],
      );
      const max = await tx.query<{ id: number }>('select max(id)::int as id from teams');
      expect(team.rows[0]!.id).toBe(max.rows[0]!.id);
    });
  });

  it('keeps a second demo tenant isolated from the first', async () => {
    const second = await load('demo-b', 7);
    expect(second.user.created).toBe(false); // the demo login is one account in both tenants
    const repositories = (tenantId: string) =>
      withTenant(handle.db, tenantId, async (tx) =>
        (await tx.query<{ id: number }>('select id from repositories')).rows.map((r) => r.id),
      );
    const [a, b] = [await repositories(first.tenant.id), await repositories(second.tenant.id)];
    expect(a).toHaveLength(8);
    expect(b).toHaveLength(8);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    const seenFromA = await withTenant(handle.db, first.tenant.id, (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from pull_requests where tenant_id = $1', [
        second.tenant.id,
      ]),
    );
    expect(seenFromA.rows[0]!.n).toBe(0);
  });

  it('refuses an existing slug with DEMO_TENANT_EXISTS and changes nothing', async () => {
    const before = await snapshot(handle.db);
    const error = await load('demo-a').catch((caught: unknown) => caught);
    expect(isPulseError(error) && error.code).toBe('DEMO_TENANT_EXISTS');
    expect(await snapshot(handle.db)).toEqual(before);
  });
});
