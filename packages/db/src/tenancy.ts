/**
 * The two ways application code reaches data, both enforced by PostgreSQL row-level security
 * (sql/0001_platform.sql):
 *
 * - `withTenant(db, tenantId, fn)`: a transaction as role pulse_app with the tenant set; every
 *   query sees and writes that tenant's rows only.
 * - `asOperator(db, audit, fn)`: platform-operator work (creating tenants and users) as role
 *   pulse_operator; the audit record is written in the same transaction, so the action and its
 *   trace commit together or not at all.
 */
import { PulseError, isUuid } from '@pulse/core';
import type { Db, Tx } from './db.ts';

export const appRole = 'pulse_app';
export const operatorRole = 'pulse_operator';

/** Runs fn in a transaction restricted to one tenant's rows. */
export async function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isUuid(tenantId))
    throw new PulseError('TENANT_REQUIRED', { message: `"${tenantId}" is not a tenant id.` });
  return db.transaction(async (tx) => {
    await tx.query(`set local role ${appRole}`);
    await tx.query("select set_config('pulse.tenant_id', $1, true)", [tenantId]);
    return fn(tx);
  });
}

/**
 * Runs fn as the application role with no tenant set. Every tenant table then shows no rows;
 * health checks and tests use it to prove that.
 */
export async function withoutTenant<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`set local role ${appRole}`);
    return fn(tx);
  });
}

/**
 * Reads across tenants as the platform operator, without an audit entry: for listings and checks
 * that change nothing. Anything that writes goes through `asOperator`.
 */
export async function readAsOperator<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`set local role ${operatorRole}`);
    return fn(tx);
  });
}

export interface AuditEntry {
  /** Who acts: a user id, `cli:<os user>`, `system`. */
  readonly actor: string;
  /** What is done, dotted: `tenant.create`, `user.create`, `secrets.rotate`. */
  readonly action: string;
  readonly target?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Runs fn as the platform operator across tenants and records the action in the audit log.
 * fn returns the tenant the action concerns (or null for platform-wide actions) with its result.
 */
export async function asOperator<T>(
  db: Db,
  entry: AuditEntry,
  fn: (tx: Tx) => Promise<{ tenantId: string | null; result: T }>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`set local role ${operatorRole}`);
    const { tenantId, result } = await fn(tx);
    await tx.query(
      'insert into audit_log (tenant_id, actor, action, target, details) values ($1, $2, $3, $4, $5)',
      [tenantId, entry.actor, entry.action, entry.target ?? null, entry.details ?? {}],
    );
    return result;
  });
}
