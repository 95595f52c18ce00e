import { PulseError } from '@pulse/core';
import { findTenant, listTenants, type Db, type Tenant } from '@pulse/db';

/** The tenant a command works on: --tenant, or the only tenant there is. */
export async function resolveTenant(db: Db, option: string | undefined): Promise<Tenant> {
  if (option !== undefined) return findTenant(db, option);
  const tenants = await listTenants(db);
  if (tenants.length === 1) return tenants[0]!;
  throw new PulseError('TENANT_REQUIRED', {
    message:
      tenants.length === 0
        ? 'There is no tenant yet.'
        : `There are ${tenants.length} tenants; say which one with --tenant.`,
    hint:
      tenants.length === 0
        ? 'Create one with: pulse admin tenant create acme'
        : `For example: --tenant ${tenants[0]!.slug}`,
  });
}
