/** The id and slug of the tenant a transaction works for (connectors confine host access by slug). */
import type { TenantRef } from '@pulse/connectors';
import type { Tx } from '@pulse/db';

export async function tenantRef(tx: Tx, tenantId: string): Promise<TenantRef> {
  const result = await tx.query<{ slug: string }>('select slug from tenants where id = $1', [tenantId]);
  const slug = result.rows[0]?.slug;
  if (slug === undefined) throw new Error(`tenant ${tenantId} is not visible in its own transaction`);
  return { id: tenantId, slug };
}
