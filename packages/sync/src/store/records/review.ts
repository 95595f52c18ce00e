/** review and review_comment records: both hang off a pull request named by reference. */
import { buildRows, naturalKey } from '../build-rows.ts';
import { refKey, upsertSql, type Item, type Page } from '../page.ts';

const upsertReviews = upsertSql({
  table: 'pull_request_reviews',
  key: ['source', 'external_id'],
  columns: [
    ['pull_request_id', 'bigint'],
    ['source', 'text'],
    ['external_id', 'text'],
    ['reviewer_identity_id', 'bigint'],
    ['state', 'text'],
    ['body', 'text'],
    ['submitted_at', 'timestamptz'],
  ],
  returning: 'id::text',
});

const upsertComments = upsertSql({
  table: 'pull_request_comments',
  key: ['source', 'external_id'],
  columns: [
    ['pull_request_id', 'bigint'],
    ['review_id', 'bigint'],
    ['source', 'text'],
    ['external_id', 'text'],
    ['kind', 'text'],
    ['author_identity_id', 'bigint'],
    ['body', 'text'],
    ['path', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  returning: 'id::text',
});

export async function writeReviews(page: Page, items: readonly Item<'review'>[]): Promise<Set<string>> {
  const prs = await page.lookup(
    'pull_requests',
    items.map(({ record: r }) => refKey(r.pullRequest, r.source)),
  );
  const { rows } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const prKey = refKey(r.pullRequest, r.source);
      const pullRequestId = prs.get(prKey);
      if (pullRequestId === undefined)
        return page.unknown('review', item, 'pullRequest', `pull request ${prKey}`);
      return {
        pull_request_id: pullRequestId,
        source: r.source,
        external_id: r.externalId,
        reviewer_identity_id: page.identity(r.reviewer),
        state: r.state,
        body: r.body ?? null,
        submitted_at: r.submittedAt ?? null,
      };
    },
    naturalKey,
  );
  return page.upsert(upsertReviews, rows);
}

export async function writeReviewComments(
  page: Page,
  items: readonly Item<'review_comment'>[],
): Promise<Set<string>> {
  const prs = await page.lookup(
    'pull_requests',
    items.map(({ record: r }) => refKey(r.pullRequest, r.source)),
  );
  const reviews = await page.lookup(
    'pull_request_reviews',
    items.flatMap(({ record: r }) => (r.review === undefined ? [] : [refKey(r.review, r.source)])),
  );
  const { rows } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const prKey = refKey(r.pullRequest, r.source);
      const pullRequestId = prs.get(prKey);
      if (pullRequestId === undefined)
        return page.unknown('review_comment', item, 'pullRequest', `pull request ${prKey}`);
      const reviewKey = r.review === undefined ? undefined : refKey(r.review, r.source);
      const reviewId = reviewKey === undefined ? null : reviews.get(reviewKey);
      if (reviewId === undefined)
        return page.unknown('review_comment', item, 'review', `review ${reviewKey}`);
      return {
        pull_request_id: pullRequestId,
        review_id: reviewId,
        source: r.source,
        external_id: r.externalId,
        kind: r.kind ?? 'review',
        author_identity_id: page.identity(r.author),
        body: r.body ?? '',
        path: r.path ?? null,
        created_at: r.createdAt,
        updated_at: r.updatedAt ?? null,
      };
    },
    naturalKey,
  );
  return page.upsert(upsertComments, rows);
}
