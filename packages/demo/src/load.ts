/**
 * Loads the demo organisation into a new tenant: the tenant and its admin login are created
 * through the audited operator path, then every row is bulk-inserted in one transaction as that
 * tenant (row-level security checks each row). A tenant whose load fails is removed again.
 */
import { PulseError, isPulseError } from '@pulse/core';
import {
  asOperator,
  createTenant,
  createUser,
  insertRows,
  quoteIdent,
  withTenant,
  type CreatedUser,
  type Db,
  type Tenant,
  type Tx,
} from '@pulse/db';
import { generateDemo } from './generate.ts';
import { demoTables, keyedTables, rowCounts, type Ids, type KeyedTable } from './tables.ts';

/** The admin login of every demo tenant. */
export const demoLogin = 'demo@pulse.local';

export interface LoadDemoOptions {
  readonly tenantSlug: string;
  readonly tenantName?: string;
  readonly seed: number;
  /** The end of the time window; the CLI passes today at 00:00 UTC. */
  readonly end: Date;
  readonly days: number;
  /** Hash of the demo login's password (argon2id), or null for a login without a password. */
  readonly passwordHash: string | null;
  /** Who loads it, for the audit log: `cli:<user>`, `system`. */
  readonly actor: string;
}

export interface LoadedDemo {
  readonly tenant: Tenant;
  readonly user: CreatedUser;
  /** Rows inserted per table, in insertion order. */
  readonly counts: Readonly<Record<string, number>>;
}

export async function loadDemo(db: Db, options: LoadDemoOptions): Promise<LoadedDemo> {
  const data = generateDemo(options);
  const tenant = await createTenant(
    db,
    { slug: options.tenantSlug, name: options.tenantName ?? 'Acme (demo)' },
    options.actor,
  ).catch((error: unknown) => {
    if (isPulseError(error) && error.code === 'TENANT_SLUG_TAKEN')
      throw new PulseError('DEMO_TENANT_EXISTS', {
        message: `A tenant "${options.tenantSlug}" already exists; the demo is only loaded into a new tenant.`,
      });
    throw error;
  });
  let user: CreatedUser | undefined;
  try {
    user = await createUser(
      db,
      {
        tenant: tenant.id,
        email: demoLogin,
        role: 'admin',
        passwordHash: options.passwordHash,
        displayName: 'Demo admin',
      },
      options.actor,
    );
    const counts = await withTenant(db, tenant.id, async (tx) => {
      const ids = await reserveIds(tx, rowCounts(data));
      const inserted: Record<string, number> = {};
      for (const { table, columns, rows } of demoTables(data, tenant.id, ids))
        inserted[table] = await insertRows(tx, table, columns, rows);
      return inserted;
    });
    await analyze(db, Object.keys(counts));
    return { tenant, user, counts };
  } catch (error) {
    // The load's own error is the one worth reporting; a failed clean-up leaves an empty tenant.
    await discardTenant(db, tenant, user, options.actor).catch(() => {});
    throw error;
  }
}

/**
 * Takes ids from each table's identity sequence, so the rows can point at each other before they
 * are inserted and later inserts by Pulse itself never collide with them. The application role
 * may call nextval (USAGE on the sequences) but not setval.
 */
async function reserveIds(tx: Tx, counts: Record<KeyedTable, number>): Promise<Ids> {
  const ids = {} as Record<KeyedTable, number[]>;
  for (const table of keyedTables) {
    const result = await tx.query<{ id: number }>(
      "select nextval(pg_get_serial_sequence($1, 'id')) as id from generate_series(1, $2)",
      [table, counts[table]],
    );
    ids[table] = result.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  }
  return ids;
}

/**
 * Refreshes the planner's statistics of the filled tables. After a bulk load they describe nearly
 * empty tables (PGlite never runs autovacuum), and the metric queries' commit-graph walks then take
 * minutes instead of seconds. ANALYZE needs the table owner, so it runs as the connecting role; it
 * only samples rows for statistics and returns none.
 */
async function analyze(db: Db, tables: readonly string[]): Promise<void> {
  for (const table of tables) await db.query(`analyze ${quoteIdent(table)}`);
}

/** Removes a half-loaded demo tenant (and the demo login, if this load created it). */
async function discardTenant(db: Db, tenant: Tenant, user: CreatedUser | undefined, actor: string) {
  await asOperator(
    db,
    { actor, action: 'tenant.delete', target: tenant.slug, details: { reason: 'demo load failed' } },
    async (tx) => {
      await tx.query('delete from tenants where id = $1', [tenant.id]);
      if (user?.created === true)
        await tx.query(
          'delete from users u where id = $1 and not exists (select 1 from memberships m where m.user_id = u.id)',
          [user.id],
        );
      return { tenantId: null, result: undefined };
    },
  );
}
