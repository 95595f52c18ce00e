/**
 * pull_request records, and their commits: a record with a `commits` list replaces the stored
 * list of that pull request (a force push removes commits); one without keeps it.
 */
import { buildRows, naturalKey } from '../build-rows.ts';
import { entityKey, replaceChildrenSql, upsertSql, type Item, type Page } from '../page.ts';
import { describeRepository } from './commit.ts';

const upsertPullRequests = upsertSql({
  table: 'pull_requests',
  key: ['source', 'external_id'],
  columns: [
    ['repository_id', 'bigint'],
    ['source', 'text'],
    ['external_id', 'text'],
    ['number', 'integer'],
    ['title', 'text'],
    ['body', 'text'],
    ['url', 'text'],
    ['state', 'text'],
    ['is_draft', 'boolean'],
    ['author_identity_id', 'bigint'],
    ['merged_by_identity_id', 'bigint'],
    ['head_branch', 'text'],
    ['base_branch', 'text'],
    ['head_sha', 'text'],
    ['merge_commit_sha', 'text'],
    ['additions', 'integer'],
    ['deletions', 'integer'],
    ['changed_files', 'integer'],
    ['labels', 'text[]'],
    ['created_at', 'timestamptz'],
    ['ready_for_review_at', 'timestamptz'],
    ['merged_at', 'timestamptz'],
    ['closed_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  returning: 'id::text',
});

const replaceCommits = replaceChildrenSql({
  table: 'pull_request_commits',
  parent: [['pull_request_id', 'bigint']],
  key: [['sha', 'text']],
  values: [
    ['authored_at', 'timestamptz'],
    ['committed_at', 'timestamptz'],
  ],
  parentKey: '$.pull_request_id::text',
});

export async function writePullRequests(
  page: Page,
  items: readonly Item<'pull_request'>[],
): Promise<Set<string>> {
  await page.repositories(items.map((i) => [i.record.repository, i.record.source] as const));
  const { rows, items: kept } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const repositoryId = page.repository(r.repository, r.source);
      if (repositoryId === undefined)
        return page.unknown('pull_request', item, 'repository', describeRepository(r.repository, r.source));
      return {
        repository_id: repositoryId,
        source: r.source,
        external_id: r.externalId,
        number: r.number,
        title: r.title,
        body: r.body ?? null,
        url: r.url ?? null,
        state: r.state,
        is_draft: r.isDraft ?? false,
        author_identity_id: page.identity(r.author),
        merged_by_identity_id: page.identity(r.mergedBy),
        head_branch: r.headBranch ?? null,
        base_branch: r.baseBranch ?? null,
        head_sha: r.headSha ?? null,
        merge_commit_sha: r.mergeCommitSha ?? null,
        additions: r.additions ?? null,
        deletions: r.deletions ?? null,
        changed_files: r.changedFiles ?? null,
        labels: r.labels ?? [],
        created_at: r.createdAt,
        ready_for_review_at: r.readyForReviewAt ?? null,
        merged_at: r.mergedAt ?? null,
        closed_at: r.closedAt ?? null,
        updated_at: r.updatedAt,
      };
    },
    naturalKey,
  );
  const changed = await page.upsert(upsertPullRequests, rows);
  page.touched.pullRequests.push(...rows.map(naturalKey));
  const withCommits = kept.filter((item) => item.record.commits !== undefined);
  if (withCommits.length === 0) return changed;
  const ids = await page.lookup(
    'pull_requests',
    withCommits.map(({ record }) => entityKey(record.source, record.externalId)),
  );
  const parents: { pull_request_id: number }[] = [];
  const commits: object[] = [];
  for (const { record } of withCommits) {
    const id = ids.get(entityKey(record.source, record.externalId))!;
    parents.push({ pull_request_id: id });
    const bySha = new Map((record.commits ?? []).map((c) => [c.sha, c]));
    for (const c of bySha.values())
      commits.push({
        pull_request_id: id,
        sha: c.sha,
        authored_at: c.authoredAt ?? null,
        committed_at: c.committedAt ?? null,
      });
  }
  for (const key of await page.replaceChildren(replaceCommits, parents, commits)) changed.add(key);
  return changed;
}
