/**
 * Cuts a planned pull request at the end of the time window: what would happen later has not
 * happened yet, so a PR merging after `end` is still open, a draft not yet ready stays a draft.
 * Returns false when the PR does not exist yet at `end`.
 */
import type { PullRequest } from './model.ts';

export function truncateAtEnd(pr: PullRequest, end: number): boolean {
  if (pr.createdAt >= end || pr.firstCommitAt >= end) return false;
  pr.planned = pr.planned.filter((c) => c.at < end);
  pr.reviews = pr.reviews.filter((r) => r.submittedAt < end);
  pr.comments = pr.comments.filter(
    (c) => c.createdAt < end && (c.review === null || pr.reviews.includes(c.review)),
  );
  if (pr.readyAt !== null && pr.readyAt >= end) pr.readyAt = null;
  if (pr.mergedAt !== null && pr.mergedAt >= end) {
    pr.mergedAt = null;
    pr.mergedBy = null;
  }
  if (pr.closedAt !== null && pr.closedAt >= end) pr.closedAt = null;
  // GitHub closes a merged pull request at the moment it merges.
  if (pr.mergedAt !== null) pr.closedAt = pr.mergedAt;
  pr.state = pr.mergedAt !== null ? 'merged' : pr.closedAt !== null ? 'closed' : 'open';
  pr.updatedAt = Math.max(
    pr.createdAt,
    pr.readyAt ?? 0,
    pr.closedAt ?? 0,
    ...pr.planned.map((c) => c.at),
    ...pr.reviews.map((r) => r.submittedAt),
    ...pr.comments.map((c) => c.createdAt),
  );
  return true;
}
