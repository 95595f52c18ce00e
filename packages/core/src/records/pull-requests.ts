import { z } from 'zod';
import { actor, entityKey, instant, recordRef, repositoryRef, sha } from './shared.ts';

export const pullRequestCommit = z.strictObject({
  sha,
  authoredAt: instant.optional(),
  committedAt: instant.optional(),
});

/**
 * A pull request. `commits`, when present, is the complete list of its commits and replaces the
 * stored one; leave it out to keep what is stored.
 */
export const pullRequestRecord = z
  .strictObject({
    type: z.literal('pull_request'),
    ...entityKey,
    repository: repositoryRef,
    number: z.number().int().positive(),
    title: z.string().max(10_000),
    body: z.string().max(1_000_000).optional(),
    url: z.string().max(2000).optional(),
    state: z.enum(['open', 'closed', 'merged']),
    isDraft: z.boolean().optional(),
    author: actor.optional(),
    mergedBy: actor.optional(),
    headBranch: z.string().max(1000).optional(),
    baseBranch: z.string().max(1000).optional(),
    headSha: sha.optional(),
    mergeCommitSha: sha.optional(),
    additions: z.number().int().nonnegative().optional(),
    deletions: z.number().int().nonnegative().optional(),
    changedFiles: z.number().int().nonnegative().optional(),
    labels: z.array(z.string().max(500)).max(1000).optional(),
    createdAt: instant,
    readyForReviewAt: instant.optional(),
    mergedAt: instant.optional(),
    closedAt: instant.optional(),
    updatedAt: instant,
    commits: z.array(pullRequestCommit).max(100_000).optional(),
  })
  .refine((pr) => (pr.state === 'merged') === (pr.mergedAt !== undefined), {
    message:
      'state "merged" and mergedAt go together: a merged pull request needs mergedAt, others must not have it',
    path: ['mergedAt'],
  });

export const reviewRecord = z.strictObject({
  type: z.literal('review'),
  ...entityKey,
  pullRequest: recordRef,
  reviewer: actor.optional(),
  state: z.enum(['approved', 'changes_requested', 'commented', 'dismissed', 'pending']),
  body: z.string().max(1_000_000).optional(),
  submittedAt: instant.optional(),
});

export const reviewCommentRecord = z.strictObject({
  type: z.literal('review_comment'),
  ...entityKey,
  pullRequest: recordRef,
  review: recordRef.optional(),
  kind: z.enum(['review', 'conversation']).optional(),
  author: actor.optional(),
  body: z.string().max(1_000_000).optional(),
  path: z.string().max(4000).optional(),
  createdAt: instant,
  updatedAt: instant.optional(),
});

export type PullRequestRecord = z.infer<typeof pullRequestRecord>;
export type ReviewRecord = z.infer<typeof reviewRecord>;
export type ReviewCommentRecord = z.infer<typeof reviewCommentRecord>;
