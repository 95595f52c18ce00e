/**
 * Glossary of tenancy terms shared by every package.
 *
 * - tenant: one organisation using a Pulse installation; every row of its data carries its id and
 *   PostgreSQL row-level security keeps other tenants from seeing or changing it.
 * - user: a person who logs in; one user may belong to several tenants, with a role in each.
 * - platform operator: runs the installation; creates tenants through an audited path.
 */
export const roles = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

const slugPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;
export function isTenantSlug(value: string): boolean {
  return slugPattern.test(value);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value);
}
