/**
 * Incidents that name an affected service no stored repository had when they were written get
 * their repository once one of that full name or name is stored.
 */
import type { Page } from '../page.ts';

const linkSql = `
  UPDATE incidents i SET repository_id = r.id, updated_at = i.updated_at
  FROM repositories r
  WHERE i.tenant_id = $1 AND i.repository_id IS NULL AND i.service IS NOT NULL
    AND r.tenant_id = $1 AND r.id IN (SELECT value::bigint FROM json_array_elements_text($2::json))
    AND (lower(r.full_name) = lower(i.service) OR lower(r.name) = lower(i.service))`;

export async function linkIncidentServices(page: Page): Promise<void> {
  if (page.touched.repositoryIds.length === 0) return;
  await page.tx.query(linkSql, [page.ctx.tenantId, JSON.stringify(page.touched.repositoryIds)]);
}
