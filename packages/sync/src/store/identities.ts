/**
 * Actors become identities, one per (source, externalId). An actor names only what its record
 * knows (a review's reviewer may come without e-mail), so a field left out keeps the stored value
 * instead of erasing it; a git identity's e-mail is never marked verified.
 */
import type { Actor, NormalisedRecord } from '@pulse/core';
import { actorsOf } from './actors.ts';
import { entityKey, type Page } from './page.ts';
import { jsonRows, type Column } from './sql.ts';

const columns: readonly Column[] = [
  ['source', 'text'],
  ['external_id', 'text'],
  ['login', 'text'],
  ['email', 'text'],
  ['email_verified', 'boolean'],
  ['name', 'text'],
  ['is_bot', 'boolean'],
];
const fields = ['login', 'email', 'email_verified', 'name', 'is_bot'];
const merged = (name: string) =>
  name === 'email_verified' || name === 'is_bot'
    ? `coalesce(x.${name}, i.${name}, false)`
    : `coalesce(x.${name}, i.${name})`;

const upsertIdentitiesSql = `
  WITH m AS (
    SELECT x.source, x.external_id, i.id, i.person_id,
      ${fields.map((f) => `${merged(f)} AS ${f}`).join(', ')},
      i.id IS NOT NULL AND (${fields.map((f) => `i.${f}`).join(', ')})
        IS NOT DISTINCT FROM (${fields.map(merged).join(', ')}) AS same
    FROM ${jsonRows(2, columns)}
    LEFT JOIN identities i ON i.tenant_id = $1 AND i.source = x.source AND i.external_id = x.external_id),
  w AS (
    INSERT INTO identities (tenant_id, source, external_id, ${fields.join(', ')})
    SELECT $1, source, external_id, ${fields.join(', ')} FROM m WHERE NOT same
    ORDER BY source, external_id
    ON CONFLICT (tenant_id, source, external_id) DO UPDATE
      SET ${fields.map((f) => `${f} = excluded.${f}`).join(', ')}, updated_at = now()
      WHERE (${fields.map((f) => `identities.${f}`).join(', ')})
        IS DISTINCT FROM (${fields.map((f) => `excluded.${f}`).join(', ')})
    RETURNING id, source, external_id, person_id)
  SELECT coalesce(w.id, m.id) AS id, m.source, m.external_id, coalesce(w.person_id, m.person_id) AS person_id
  FROM m LEFT JOIN w ON w.source = m.source AND w.external_id = m.external_id`;

/**
 * Upserts the identities of every actor of `records` into `page.identities`; returns the ids of
 * identities that have no person yet.
 */
export async function writeIdentities(page: Page, records: readonly NormalisedRecord[]): Promise<number[]> {
  const actors = new Map<string, Actor>();
  for (const record of records)
    for (const actor of actorsOf(record)) {
      if (actor === undefined) continue;
      const key = entityKey(actor.source, actor.externalId);
      // The same account named twice in a page: fields either mention are combined.
      actors.set(key, { ...actors.get(key), ...actor });
    }
  if (actors.size === 0) return [];
  const rows = [...actors.values()].map((a) => ({
    source: a.source,
    external_id: a.externalId,
    login: a.login ?? null,
    email: a.email ?? null,
    email_verified: a.source === 'git' ? false : (a.emailVerified ?? null),
    name: a.name ?? null,
    is_bot: a.isBot ?? null,
  }));
  const result = await page.tx.query<{
    id: number;
    source: string;
    external_id: string;
    person_id: number | null;
  }>(upsertIdentitiesSql, [page.ctx.tenantId, JSON.stringify(rows)]);
  const unlinked: number[] = [];
  for (const row of result.rows) {
    page.identities.set(entityKey(row.source, row.external_id), row.id);
    if (row.person_id === null) unlinked.push(row.id);
  }
  return unlinked;
}
