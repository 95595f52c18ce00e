/**
 * repository records, with the cross-source matching rule (docs/import-format.md):
 * 1. a row with the same (source, externalId) is updated;
 * 2. a 'git' record without one meets a hosted row (any other source) of the same full name and
 *    leaves it as it is: the hosted source describes the repository better than a local clone;
 * 3. a hosted record without one adopts a 'git' row of the same full name (its source and
 *    externalId become the hosted ones), so commits already stored from the clone stay attached;
 * 4. otherwise a row is inserted.
 */
import { entityKey, latest, type Item, type Page } from '../page.ts';
import { jsonRows, type Column } from '../sql.ts';

const columns: readonly Column[] = [
  ['source', 'text'],
  ['external_id', 'text'],
  ['name', 'text'],
  ['full_name', 'text'],
  ['kind', 'text'],
  ['url', 'text'],
  ['default_branch', 'text'],
  ['is_archived', 'boolean'],
  ['integration_id', 'bigint'],
];
const names = columns.map(([name]) => name);
const fresh = (name: string) =>
  name === 'integration_id' ? 'coalesce(t.integration_id, r.integration_id)' : `t.${name}`;

const writeSql = `
  WITH t AS (
    SELECT x.*,
      coalesce(
        (SELECT id FROM repositories r
          WHERE r.tenant_id = $1 AND r.source = x.source AND r.external_id = x.external_id),
        CASE WHEN x.source <> 'git' THEN
          (SELECT id FROM repositories r WHERE r.tenant_id = $1 AND r.source = 'git'
             AND r.full_name = x.full_name ORDER BY id LIMIT 1) END) AS target_id,
      CASE WHEN x.source = 'git' THEN
        (SELECT id FROM repositories r WHERE r.tenant_id = $1 AND r.source <> 'git'
           AND r.full_name = x.full_name ORDER BY id LIMIT 1) END AS hosted_id
    FROM ${jsonRows(2, columns)}),
  changed AS (
    UPDATE repositories r SET ${names.map((n) => `${n} = ${fresh(n)}`).join(', ')}, updated_at = now()
    FROM t WHERE r.tenant_id = $1 AND r.id = t.target_id
      AND (${names.map((n) => `r.${n}`).join(', ')}) IS DISTINCT FROM (${names.map(fresh).join(', ')})
    RETURNING r.id),
  added AS (
    INSERT INTO repositories (tenant_id, ${names.join(', ')})
    SELECT $1, ${names.join(', ')} FROM t WHERE t.target_id IS NULL AND t.hosted_id IS NULL
    ON CONFLICT (tenant_id, source, external_id) DO NOTHING
    RETURNING id)
  SELECT id::text AS key FROM changed UNION ALL SELECT id::text FROM added`;

export async function writeRepositories(
  page: Page,
  items: readonly Item<'repository'>[],
): Promise<Set<string>> {
  const records = latest(items, (item) => entityKey(item.record.source, item.record.externalId));
  const hosted = new Set(records.filter((i) => i.record.source !== 'git').map((i) => i.record.fullName));
  for (const { record } of records)
    if (record.source === 'git') page.gitAliases.set(record.externalId, record.fullName);
  // A clone and its hosted repository in one page: rule 2 would apply once the hosted row exists.
  const rows = records
    .filter((i) => i.record.source !== 'git' || !hosted.has(i.record.fullName))
    .map(({ record: r }) => ({
      source: r.source,
      external_id: r.externalId,
      name: r.name,
      full_name: r.fullName,
      kind: r.kind ?? 'repository',
      url: r.url ?? null,
      default_branch: r.defaultBranch ?? null,
      is_archived: r.isArchived ?? false,
      integration_id: page.ctx.integrationId,
    }));
  const changed = await page.upsert(writeSql, rows);
  page.touched.repositoryIds.push(...[...changed].map(Number));
  return changed;
}
