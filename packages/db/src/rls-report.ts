/**
 * Which tables hold tenant data and whether each is protected: row-level security enabled and
 * forced, and a policy that applies to the application role. Used by `pulse doctor` and the
 * isolation tests (which take their list of tables from here, so a new table cannot be missed).
 */
import type { Queryable } from './db.ts';

export interface RlsTableStatus {
  readonly table: string;
  readonly enabled: boolean;
  readonly forced: boolean;
  readonly appPolicy: boolean;
}

/** Tables with a tenant_id column, plus `tenants` and `users`, which are isolated by other keys. */
export async function tenantTables(db: Queryable): Promise<string[]> {
  const result = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and (c.relname in ('tenants', 'users')
             or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                         and not a.attisdropped))
      order by c.relname`,
  );
  return result.rows.map((row) => row.name);
}

export async function rlsReport(db: Queryable): Promise<RlsTableStatus[]> {
  const tables = await tenantTables(db);
  const result = await db.query<RlsTableStatus>(
    `select c.relname as "table", c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
            exists (select 1 from pg_policy p join pg_roles r on r.oid = any (p.polroles)
                     where p.polrelid = c.oid and r.rolname = 'pulse_app') as "appPolicy"
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = any ($1::text[]) order by c.relname`,
    [tables],
  );
  return result.rows;
}
