/** ref records: the tag or branch of that name now points at this commit. */
import { buildRows } from '../build-rows.ts';
import { upsertSql, type Item, type Page } from '../page.ts';
import { describeRepository } from './commit.ts';

const upsertRefs = upsertSql({
  table: 'git_refs',
  key: ['repository_id', 'kind', 'name'],
  columns: [
    ['repository_id', 'bigint'],
    ['kind', 'text'],
    ['name', 'text'],
    ['sha', 'text'],
    ['tagged_at', 'timestamptz'],
  ],
  touch: true,
  returning: `repository_id || ':' || kind || ':' || name`,
});

export async function writeRefs(page: Page, items: readonly Item<'ref'>[]): Promise<Set<string>> {
  await page.repositories(items.map((i) => [i.record.repository, 'git'] as const));
  const { rows } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const repositoryId = page.repository(r.repository, 'git');
      if (repositoryId === undefined)
        return page.unknown('ref', item, 'repository', describeRepository(r.repository, 'git'));
      return {
        repository_id: repositoryId,
        kind: r.kind,
        name: r.name,
        sha: r.sha,
        tagged_at: r.taggedAt ?? null,
      };
    },
    (row) => `${row.repository_id}:${row.kind}:${row.name}`,
  );
  return page.upsert(upsertRefs, rows);
}
