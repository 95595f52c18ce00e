/**
 * person records: upsert people by (source, externalId) and link the identities they list. An
 * explicit link wins over an automatic one; an auto-created person left without identities by it
 * is merged into the explicit person (its team memberships follow).
 */
import { autoPersonPrefix } from '../auto-link.ts';
import { mergePersonPairs } from '../merge-people.ts';
import { entityKey, latest, upsertSql, type Item, type Page } from '../page.ts';
import { jsonRows } from '../sql.ts';

const upsertPeople = upsertSql({
  table: 'people',
  key: ['source', 'external_id'],
  columns: [
    ['source', 'text'],
    ['external_id', 'text'],
    ['display_name', 'text'],
    ['primary_email', 'text'],
    ['is_bot', 'boolean'],
  ],
  touch: true,
  returning: 'id::text',
});

const linkSql = `
  WITH l AS (
    SELECT p.id AS person_id, l.identity_id
    FROM ${jsonRows(
      2,
      [
        ['source', 'text'],
        ['external_id', 'text'],
        ['identity_id', 'bigint'],
      ],
      'l',
    )}
    JOIN people p ON p.tenant_id = $1 AND p.source = l.source AND p.external_id = l.external_id)
  UPDATE identities i SET person_id = l.person_id, updated_at = now()
  FROM l, identities old
  WHERE i.tenant_id = $1 AND i.id = l.identity_id AND old.tenant_id = $1 AND old.id = i.id
    AND i.person_id IS DISTINCT FROM l.person_id
  RETURNING old.person_id AS "from", l.person_id AS "into"`;

const orphansSql = `
  SELECT DISTINCT ON (p."from") p."from", p."into"
  FROM json_to_recordset($2::json) AS p("from" bigint, "into" bigint)
  JOIN people o ON o.tenant_id = $1 AND o.id = p."from" AND o.source = 'pulse'
    AND o.external_id LIKE '${autoPersonPrefix}%'
  WHERE NOT EXISTS (SELECT 1 FROM identities i WHERE i.tenant_id = $1 AND i.person_id = p."from")
  ORDER BY p."from", p."into"`;

export async function writePeople(page: Page, items: readonly Item<'person'>[]): Promise<Set<string>> {
  const records = latest(items, (item) => entityKey(item.record.source, item.record.externalId));
  const changed = await page.upsert(
    upsertPeople,
    records.map(({ record: r }) => ({
      source: r.source,
      external_id: r.externalId,
      display_name: r.displayName,
      primary_email: r.email ?? null,
      is_bot: r.isBot ?? false,
    })),
  );
  const links = latest(
    records.flatMap(({ record: r }) =>
      (r.identities ?? []).map((actor) => ({
        source: r.source,
        external_id: r.externalId,
        identity_id: page.identity(actor),
      })),
    ),
    (link) => String(link.identity_id),
  );
  if (links.length === 0) return changed;
  const moved = await page.tx.query<{ from: number | null; into: number }>(linkSql, [
    page.ctx.tenantId,
    JSON.stringify(links),
  ]);
  for (const row of moved.rows) changed.add(String(row.into));
  const previous = moved.rows.filter((row) => row.from !== null);
  if (previous.length > 0) {
    const orphans = await page.tx.query<{ from: number; into: number }>(orphansSql, [
      page.ctx.tenantId,
      JSON.stringify(previous),
    ]);
    await mergePersonPairs(page.tx, page.ctx.tenantId, orphans.rows);
  }
  return changed;
}
