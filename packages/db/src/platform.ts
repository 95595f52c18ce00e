/**
 * Platform-operator operations: tenants and user accounts. Writes go through `asOperator`, so each
 * one is audited in the same transaction; reads use the operator role without an audit entry.
 */
import { PulseError, isEmail, isRole, isTenantSlug, isUuid, type Role } from '@pulse/core';
import type { Db } from './db.ts';
import { asOperator, readAsOperator } from './tenancy.ts';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
}

export interface CreatedUser {
  id: string;
  email: string;
  tenantId: string;
  role: Role;
  /** False when the e-mail already had an account, which was added to the tenant. */
  created: boolean;
}

const tenantColumns = 'id, slug, name, created_at as "createdAt"';

export async function createTenant(
  db: Db,
  input: { slug: string; name?: string },
  actor: string,
): Promise<Tenant> {
  const slug = input.slug.trim();
  if (!isTenantSlug(slug))
    throw new PulseError('TENANT_SLUG_INVALID', { message: `"${slug}" is not a valid tenant slug.` });
  const name = input.name?.trim() || slug;
  return asOperator(db, { actor, action: 'tenant.create', target: slug, details: { name } }, async (tx) => {
    const result = await tx.query<Tenant>(
      `insert into tenants (slug, name) values ($1, $2) on conflict (slug) do nothing returning ${tenantColumns}`,
      [slug, name],
    );
    const tenant = result.rows[0];
    if (tenant === undefined)
      throw new PulseError('TENANT_SLUG_TAKEN', { message: `A tenant "${slug}" already exists.` });
    return { tenantId: tenant.id, result: tenant };
  });
}

export async function listTenants(db: Db): Promise<Tenant[]> {
  return readAsOperator(db, async (tx) => {
    const result = await tx.query<Tenant>(`select ${tenantColumns} from tenants order by slug`);
    return result.rows;
  });
}

/** Finds a tenant by id or slug; throws TENANT_NOT_FOUND. */
export async function findTenant(db: Db, idOrSlug: string): Promise<Tenant> {
  const tenant = await readAsOperator(db, async (tx) => {
    const column = isUuid(idOrSlug) ? 'id::text' : 'slug';
    const result = await tx.query<Tenant>(`select ${tenantColumns} from tenants where ${column} = $1`, [
      idOrSlug,
    ]);
    return result.rows[0];
  });
  if (tenant === undefined) throw new PulseError('TENANT_NOT_FOUND', { message: `No tenant "${idOrSlug}".` });
  return tenant;
}

/**
 * Gives an e-mail address a role in a tenant, creating the account when it is new. An existing
 * account keeps its password; `passwordHash` only applies to new accounts.
 */
export async function createUser(
  db: Db,
  input: { tenant: string; email: string; role: string; passwordHash: string | null; displayName?: string },
  actor: string,
): Promise<CreatedUser> {
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email))
    throw new PulseError('USER_EMAIL_INVALID', {
      message: `"${input.email}" is not a valid e-mail address.`,
    });
  const role = input.role;
  if (!isRole(role)) throw new PulseError('ROLE_INVALID', { message: `Unknown role "${role}".` });
  const tenant = await findTenant(db, input.tenant);
  return asOperator(db, { actor, action: 'user.create', target: email, details: { role } }, async (tx) => {
    const inserted = await tx.query<{ id: string }>(
      `insert into users (email, display_name, password_hash) values ($1, $2, $3)
       on conflict (email) do nothing returning id`,
      [email, input.displayName ?? null, input.passwordHash],
    );
    const created = inserted.rows[0] !== undefined;
    const userId =
      inserted.rows[0]?.id ??
      (await tx.query<{ id: string }>('select id from users where email = $1', [email])).rows[0]?.id;
    if (userId === undefined) throw new Error(`user ${email} vanished while being added`);
    const member = await tx.query(
      `insert into memberships (tenant_id, user_id, role) values ($1, $2, $3) on conflict do nothing`,
      [tenant.id, userId, role],
    );
    if (member.rowCount === 0) {
      throw new PulseError('USER_ALREADY_MEMBER', {
        message: `${email} is already a member of ${tenant.slug}.`,
      });
    }
    return { tenantId: tenant.id, result: { id: userId, email, tenantId: tenant.id, role, created } };
  });
}
