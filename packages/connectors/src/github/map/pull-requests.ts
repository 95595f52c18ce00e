/** Maps a pull request (GraphQL node with every nested page merged) to Pulse records. */
import type { NormalisedRecord, RecordOf } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';
import { repositoryOf } from '../streams/shared.ts';
import { githubActor, type GraphqlActor } from './actor.ts';
import { pullRequestDeployment } from './deployments.ts';

export interface Connection<T> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly nodes: readonly T[];
}

export interface ReviewCommentNode {
  readonly id: string;
  readonly url: string;
  readonly path: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly author: GraphqlActor | null;
}

export interface ReviewNode {
  readonly id: string;
  readonly url: string;
  readonly state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  readonly submittedAt: string | null;
  readonly createdAt: string;
  readonly author: GraphqlActor | null;
  readonly comments: Connection<ReviewCommentNode>;
}

export interface PullRequestNode {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly url: string;
  readonly state: 'OPEN' | 'CLOSED' | 'MERGED';
  readonly isDraft: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly mergedAt: string | null;
  readonly closedAt: string | null;
  readonly additions: number;
  readonly deletions: number;
  readonly changedFiles: number;
  readonly headRefName: string;
  readonly baseRefName: string;
  readonly headRefOid: string;
  readonly author: GraphqlActor | null;
  readonly mergedBy: GraphqlActor | null;
  readonly mergeCommit: { readonly oid: string } | null;
  readonly timelineItems: {
    readonly nodes: readonly { readonly __typename: string; readonly createdAt: string }[];
  };
  readonly labels: Connection<{ readonly name: string }>;
  readonly commits: Connection<{
    readonly commit: { oid: string; authoredDate: string; committedDate: string };
  }>;
  readonly reviews: Connection<ReviewNode>;
}

const states = { OPEN: 'open', CLOSED: 'closed', MERGED: 'merged' } as const;
const reviewStates = {
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'changes_requested',
  COMMENTED: 'commented',
  DISMISSED: 'dismissed',
  PENDING: 'pending',
} as const;

/** pull_request (with its complete commit list), review and review_comment records. */
export function mapPullRequest(payload: Json, ctx: MapContext<GithubConfig>): NormalisedRecord[] {
  const pr = payload as unknown as PullRequestNode;
  const repository = repositoryOf(ctx.partition);
  const author = githubActor(pr.author);
  const mergedBy = githubActor(pr.mergedBy);
  const readyForReviewAt = readyForReview(pr);
  const record: RecordOf<'pull_request'> = {
    type: 'pull_request',
    source: 'github',
    externalId: pr.id,
    repository: { fullName: repository.fullName },
    number: pr.number,
    title: pr.title,
    ...(pr.body ? { body: pr.body } : {}),
    url: pr.url,
    state: states[pr.state],
    isDraft: pr.isDraft,
    ...(author ? { author } : {}),
    ...(mergedBy ? { mergedBy } : {}),
    headBranch: pr.headRefName,
    baseBranch: pr.baseRefName,
    headSha: pr.headRefOid,
    ...(pr.mergeCommit ? { mergeCommitSha: pr.mergeCommit.oid } : {}),
    additions: pr.additions,
    deletions: pr.deletions,
    changedFiles: pr.changedFiles,
    labels: pr.labels.nodes.map((l) => l.name),
    createdAt: pr.createdAt,
    ...(readyForReviewAt ? { readyForReviewAt } : {}),
    ...(pr.state === 'MERGED' && pr.mergedAt ? { mergedAt: pr.mergedAt } : {}),
    ...(pr.closedAt ? { closedAt: pr.closedAt } : {}),
    updatedAt: pr.updatedAt,
    commits: pr.commits.nodes.map(({ commit }) => ({
      sha: commit.oid,
      authoredAt: commit.authoredDate,
      committedAt: commit.committedDate,
    })),
  };
  const deployment = pullRequestDeployment(pr, ctx);
  return [
    record,
    ...pr.reviews.nodes.flatMap((review) => mapReview(pr.id, review)),
    ...(deployment ? [deployment] : []),
  ];
}

/**
 * When the pull request became ready for review: its first ready-for-review event if it was opened
 * as a draft; its creation if it was opened ready (no event, or a convert-to-draft event first);
 * unknown while it is a draft that never was ready.
 */
function readyForReview(pr: PullRequestNode): string | undefined {
  const first = pr.timelineItems.nodes[0];
  if (first?.__typename === 'ReadyForReviewEvent') return first.createdAt;
  if (first?.__typename === 'ConvertToDraftEvent' || !pr.isDraft) return pr.createdAt;
  return undefined;
}

function mapReview(pullRequestId: string, review: ReviewNode): NormalisedRecord[] {
  const reviewer = githubActor(review.author);
  const record: RecordOf<'review'> = {
    type: 'review',
    source: 'github',
    externalId: review.id,
    pullRequest: { externalId: pullRequestId },
    ...(reviewer ? { reviewer } : {}),
    state: reviewStates[review.state],
    ...(review.submittedAt ? { submittedAt: review.submittedAt } : {}),
  };
  const comments = review.comments.nodes.map((comment): RecordOf<'review_comment'> => {
    const author = githubActor(comment.author);
    return {
      type: 'review_comment',
      source: 'github',
      externalId: comment.id,
      pullRequest: { externalId: pullRequestId },
      review: { externalId: review.id },
      kind: 'review',
      ...(author ? { author } : {}),
      path: comment.path,
      createdAt: comment.createdAt,
      updatedAt: comment.updatedAt,
    };
  });
  return [record, ...comments];
}
