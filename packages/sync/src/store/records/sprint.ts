/** sprint records: upserted by natural key; their scope is derived afterwards (derived/sprint-scope.ts). */
import { buildRows, naturalKey } from '../build-rows.ts';
import { upsertSql, type Item, type Page } from '../page.ts';

const upsertSprints = upsertSql({
  table: 'sprints',
  key: ['source', 'external_id'],
  columns: [
    ['source', 'text'],
    ['external_id', 'text'],
    ['board_external_id', 'text'],
    ['name', 'text'],
    ['state', 'text'],
    ['goal', 'text'],
    ['starts_at', 'timestamptz'],
    ['ends_at', 'timestamptz'],
    ['completed_at', 'timestamptz'],
  ],
  returning: 'id::text',
});

export async function writeSprints(page: Page, items: readonly Item<'sprint'>[]): Promise<Set<string>> {
  const { rows } = buildRows(
    items,
    ({ record: r }) => ({
      source: r.source,
      external_id: r.externalId,
      board_external_id: r.board ?? null,
      name: r.name,
      state: r.state,
      goal: r.goal ?? null,
      starts_at: r.startsAt ?? null,
      ends_at: r.endsAt ?? null,
      completed_at: r.completedAt ?? null,
    }),
    naturalKey,
  );
  const changed = await page.upsert(upsertSprints, rows);
  page.touched.sprints.push(...rows.map(naturalKey));
  return changed;
}
