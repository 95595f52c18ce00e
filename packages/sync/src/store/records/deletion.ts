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
  // Single deletions of one source and type go as one statement (a Jira page names up to 100).
  const singles = new Map<string, { source: string; recordType: 'work_item' | 'incident'; ids: string[] }>();
  for (const { record } of items) {
    if (record.externalId === undefined) {
      const gone = await deleteOne(page, record.source, record.recordType, record.keepOnly, []);
      for (const id of gone) changed.add(`${record.recordType}:${record.source}/${id}`);
      continue;
    }
    const key = `${record.recordType} ${record.source}`;
    const group = singles.get(key) ?? { source: record.source, recordType: record.recordType, ids: [] };
    group.ids.push(record.externalId);
    singles.set(key, group);
  }
  for (const { source, recordType, ids } of singles.values()) {
    const gone = await deleteOne(page, source, recordType, undefined, ids);
    for (const id of gone) changed.add(`${recordType}:${source}/${id}`);
  }
  return changed;
}

async function deleteOne(
  page: Page,
  source: string,
  recordType: 'work_item' | 'incident',
  keepOnly: RecordOf<'deletion'>['keepOnly'],
  ids: readonly string[],
): Promise<string[]> {
  const { tenantId, integrationId } = page.ctx;
  const run = async (sql: string, params: unknown[]) =>
    (await page.tx.query<{ external_id: string }>(sql, params)).rows.map((row) => row.external_id);
  const listed = JSON.stringify(ids);
  if (recordType === 'incident') return run(deleteIncidents, [tenantId, source, listed]);
  const items =
    keepOnly === undefined
      ? await run(deleteListed, [tenantId, source, listed])
      : await run(deleteUnlisted, [
          tenantId,
          source,
          JSON.stringify(keepOnly.externalIds),
          integrationId,
          keepOnly.projectKeys === undefined ? null : JSON.stringify(keepOnly.projectKeys),
        ]);
  if (items.length === 0) return items;
  await page.tx.query(deleteIncidents, [tenantId, source, JSON.stringify(items)]);
  if (integrationId !== null)
    await page.tx.query(deleteRaw, [tenantId, integrationId, JSON.stringify(items)]);
  return items;
}
