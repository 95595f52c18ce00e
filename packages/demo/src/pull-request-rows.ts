/** Rows of the pull request tables: pull requests, their reviews, comments and commits. */
import type { DemoData, Identity, Repository, Review } from './model.ts';
import { date, idOf, type Ids, type TableRows } from './row-ids.ts';

export interface RowRefs {
  readonly identity: (i: Identity) => number;
  readonly repository: (r: Repository) => number;
}

export function reviewList(data: DemoData): Review[] {
  return data.pullRequests.flatMap((pr) => pr.reviews);
}

export function pullRequestRows(data: DemoData, t: string, ids: Ids, refs: RowRefs): TableRows[] {
  const { identity, repository } = refs;
  const pullRequest = idOf(data.pullRequests, ids.pull_requests);
  const review = idOf(reviewList(data), ids.pull_request_reviews);
  const external = (pr: DemoData['pullRequests'][number]) => `${pr.repository.fullName}#${pr.number}`;
  return [
    {
      table: 'pull_requests',
      columns: [
        'id',
        'tenant_id',
        'repository_id',
        'source',
        'external_id',
        'number',
        'title',
        'body',
        'url',
        'state',
        'is_draft',
        'author_identity_id',
        'merged_by_identity_id',
        'head_branch',
        'base_branch',
        'head_sha',
        'merge_commit_sha',
        'additions',
        'deletions',
        'changed_files',
        'labels',
        'created_at',
        'ready_for_review_at',
        'merged_at',
        'closed_at',
        'updated_at',
      ],
      rows: data.pullRequests.map((pr) => [
        pullRequest(pr),
        t,
        repository(pr.repository),
        'github',
        external(pr),
        pr.number,
        pr.title,
        pr.body,
        `https://github.com/${pr.repository.fullName}/pull/${pr.number}`,
        pr.state,
        pr.state === 'open' && pr.readyAt === null,
        identity(pr.author),
        pr.mergedBy === null ? null : identity(pr.mergedBy),
        pr.headBranch,
        'main',
        pr.commits[pr.commits.length - 1]?.sha ?? null,
        pr.mergeCommitSha,
        pr.commits.reduce((sum, c) => sum + c.additions, 0),
        pr.commits.reduce((sum, c) => sum + c.deletions, 0),
        pr.changedFiles,
        pr.labels,
        date(pr.createdAt),
        date(pr.readyAt),
        date(pr.mergedAt),
        date(pr.closedAt),
        date(pr.updatedAt),
      ]),
    },
    {
      table: 'pull_request_reviews',
      columns: [
        'id',
        'tenant_id',
        'pull_request_id',
        'source',
        'external_id',
        'reviewer_identity_id',
        'state',
        'body',
        'submitted_at',
      ],
      rows: data.pullRequests.flatMap((pr) =>
        pr.reviews.map((r, i) => [
          review(r),
          t,
          pullRequest(pr),
          'github',
          `${external(pr)}/review/${i + 1}`,
          identity(r.reviewer),
          r.state,
          r.body,
          date(r.submittedAt),
        ]),
      ),
    },
    {
      table: 'pull_request_comments',
      columns: [
        'tenant_id',
        'pull_request_id',
        'review_id',
        'source',
        'external_id',
        'kind',
        'author_identity_id',
        'body',
        'path',
        'created_at',
        'updated_at',
      ],
      rows: data.pullRequests.flatMap((pr) =>
        pr.comments.map((c, i) => [
          t,
          pullRequest(pr),
          c.review === null ? null : review(c.review),
          'github',
          `${external(pr)}/comment/${i + 1}`,
          c.kind,
          identity(c.author),
          c.body,
          c.path,
          date(c.createdAt),
          date(c.createdAt),
        ]),
      ),
    },
    {
      table: 'pull_request_commits',
      columns: ['tenant_id', 'pull_request_id', 'sha', 'authored_at', 'committed_at'],
      rows: data.pullRequests.flatMap((pr) =>
        pr.commits.map((c) => [t, pullRequest(pr), c.sha, date(c.authoredAt), date(c.committedAt)]),
      ),
    },
  ];
}
