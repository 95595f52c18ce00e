/**
 * deletion records: a work item or incident that is gone from its source. Deleting a work item
 * also deletes the incident of the same key (the same ticket) and the work item's raw payloads
 * of this integration, so `pulse reprocess` cannot bring it back; its transitions, links and
 * sprint scope go with it (foreign keys). `keepOnly` deletes every work item of the source (of
 * this integration, of the given projects) whose id is not listed.
 */
import type { RecordOf } from '@pulse/core';
import type { Item, Page } from '../page.ts';

const deleteListed = `
  WITH gone AS (
    DELETE FROM work_items w USING json_array_elements_text($3::json) AS k(id)
    WHERE w.tenant_id = $1 AND w.source = $2 AND w.external_id = k.id
    RETURNING w.external_id)
  SELECT external_id FROM gone`;

const deleteUnlisted = `
  WITH keep AS (SELECT DISTINCT value AS id FROM json_array_elements_text($3::json)),
  gone AS (
    DELETE FROM work_items w
    WHERE w.tenant_id = $1 AND w.source = $2
      AND ($4::bigint IS NULL OR w.integration_id = $4)
      AND ($5::json IS NULL OR w.project_key IN (SELECT value FROM json_array_elements_text($5::json)))
      AND NOT EXISTS (SELECT 1 FROM keep WHERE keep.id = w.external_id)
    RETURNING w.external_id)
  SELECT external_id FROM gone`;

const deleteIncidents = `
  DELETE FROM incidents i USING json_array_elements_text($3::json) AS k(id)
  WHERE i.tenant_id = $1 AND i.source = $2 AND i.external_id = k.id
  RETURNING i.external_id`;

const deleteRaw = `
  DELETE FROM raw_records r USING json_array_elements_text($3::json) AS k(id)
  WHERE r.tenant_id = $1 AND r.integration_id = $2 AND r.external_id = k.id`;

export async function writeDeletions(page: Page, items: readonly Item<'deletion'>[]): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const { record } of items) {
    const gone = await deleteOne(page, record);
    for (const id of gone) changed.add(`${record.recordType}:${record.source}/${id}`);
  }
  return changed;
}

async function deleteOne(page: Page, record: RecordOf<'deletion'>): Promise<string[]> {
  const { tenantId, integrationId } = page.ctx;
  const run = async (sql: string, params: unknown[]) =>
    (await page.tx.query<{ external_id: string }>(sql, params)).rows.map((row) => row.external_id);
  const listed = JSON.stringify(record.externalId === undefined ? [] : [record.externalId]);
  if (record.recordType === 'incident') return run(deleteIncidents, [tenantId, record.source, listed]);
  const items =
    record.keepOnly === undefined
      ? await run(deleteListed, [tenantId, record.source, listed])
      : await run(deleteUnlisted, [
          tenantId,
          record.source,
          JSON.stringify(record.keepOnly.externalIds),
          integrationId,
          record.keepOnly.projectKeys === undefined ? null : JSON.stringify(record.keepOnly.projectKeys),
        ]);
  if (items.length === 0) return items;
  await page.tx.query(deleteIncidents, [tenantId, record.source, JSON.stringify(items)]);
  if (integrationId !== null)
    await page.tx.query(deleteRaw, [tenantId, integrationId, JSON.stringify(items)]);
  return items;
}
