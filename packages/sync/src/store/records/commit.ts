/** commit records: upsert by (repository, sha) and replace their parents (the commit graph). */
import { buildRows } from '../build-rows.ts';
import type { RepositoryRef } from '@pulse/core';
import { refKey, replaceChildrenSql, upsertSql, type Item, type Page } from '../page.ts';
import { jsonRows } from '../sql.ts';

const upsertCommits = upsertSql({
  table: 'commits',
  key: ['repository_id', 'sha'],
  columns: [
    ['repository_id', 'bigint'],
    ['sha', 'text'],
    ['author_identity_id', 'bigint'],
    ['committer_identity_id', 'bigint'],
    ['authored_at', 'timestamptz'],
    ['committed_at', 'timestamptz'],
    ['message', 'text'],
    ['additions', 'integer'],
    ['deletions', 'integer'],
    ['files_changed', 'integer'],
    ['parent_count', 'smallint'],
  ],
  returning: `repository_id || ':' || sha`,
});

const parentColumns = [
  ['repository_id', 'bigint'],
  ['sha', 'text'],
  ['position', 'smallint'],
  ['parent_sha', 'text'],
] as const;

/** New commits have no parents stored: a plain insert, without replace's anti-join. */
const insertParents = `INSERT INTO commit_parents (tenant_id, ${parentColumns.map(([n]) => n).join(', ')})
  SELECT $1, ${parentColumns.map(([n]) => n).join(', ')} FROM ${jsonRows(2, parentColumns)}
  ON CONFLICT DO NOTHING`;

const replaceParents = replaceChildrenSql({
  table: 'commit_parents',
  parent: [
    ['repository_id', 'bigint'],
    ['sha', 'text'],
  ],
  key: [['position', 'smallint']],
  values: [['parent_sha', 'text']],
  parentKey: `$.repository_id || ':' || $.sha`,
});

export async function writeCommits(page: Page, items: readonly Item<'commit'>[]): Promise<Set<string>> {
  await page.repositories(items.map((i) => [i.record.repository, 'git'] as const));
  const { rows, items: kept } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const repositoryId = page.repository(r.repository, 'git');
      if (repositoryId === undefined)
        return page.unknown('commit', item, 'repository', describeRepository(r.repository, 'git'));
      return {
        repository_id: repositoryId,
        sha: r.sha,
        author_identity_id: page.identity(r.author),
        committer_identity_id: page.identity(r.committer),
        authored_at: r.authoredAt,
        committed_at: r.committedAt,
        message: r.message ?? '',
        additions: r.additions ?? null,
        deletions: r.deletions ?? null,
        files_changed: r.filesChanged ?? null,
        parent_count: r.parents.length,
      };
    },
    (row) => `${row.repository_id}:${row.sha}`,
  );
  const changes = await page.upsertRows(upsertCommits, rows);
  // A commit's message never changes under its sha: only new commits can add issue keys to a PR.
  for (const row of rows)
    if (changes.has(`${row.repository_id}:${row.sha}`)) page.touched.commitShas.push(row.sha);
  // A commit's parents are part of its hash: they can only differ for a row just inserted or
  // changed (a corrected record), so unchanged commits skip them; new ones skip the replace.
  const added: object[] = [];
  const owners: { repository_id: number; sha: string }[] = [];
  const replaced: object[] = [];
  kept.forEach(({ record }, i) => {
    const repositoryId = rows[i]!.repository_id;
    const inserted = changes.get(`${repositoryId}:${record.sha}`);
    if (inserted === undefined) return;
    if (!inserted) owners.push({ repository_id: repositoryId, sha: record.sha });
    record.parents.forEach((parentSha, position) =>
      (inserted ? added : replaced).push({
        repository_id: repositoryId,
        sha: record.sha,
        position,
        parent_sha: parentSha,
      }),
    );
  });
  if (added.length > 0) await page.tx.query(insertParents, [page.ctx.tenantId, JSON.stringify(added)]);
  await page.replaceChildren(replaceParents, owners, replaced);
  const changed = new Set(changes.keys());
  return changed;
}

/** `repository github/R_1` or `repository acme/api`, for unknown-reference messages. */
export function describeRepository(ref: RepositoryRef, defaultSource: string): string {
  return 'fullName' in ref ? `repository ${ref.fullName}` : `repository ${refKey(ref, defaultSource)}`;
}
