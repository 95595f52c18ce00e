/**
 * The review of one pull request: rounds of requested changes answered by fix-up commits, then an
 * approval; sometimes a second reviewer comments, and sometimes nobody reviews at all.
 */
import { HOUR, MINUTE, toWorkingHours } from './calendar.ts';
import type { Comment, Human, PlannedCommit, Review } from './model.ts';
import type { Random } from './prng.ts';
import type { TeamProfile } from './profiles.ts';
import {
  approvalBodies,
  changeRequestBodies,
  conversationComments,
  fixupCommits,
  reviewComments,
} from './vocabulary.ts';

export interface ReviewInput {
  readonly author: Human;
  readonly reviewers: readonly Human[];
  readonly readyAt: number;
  /** A file path of the change, for review comments. */
  readonly path: () => string;
}

export interface ReviewOutcome {
  readonly reviews: Review[];
  readonly comments: Comment[];
  readonly fixups: PlannedCommit[];
  /** When the last review was given (or the PR became ready, without review). */
  readonly decidedAt: number;
  readonly approver: Human | null;
}

export function reviewPullRequest(rng: Random, profile: TeamProfile, input: ReviewInput): ReviewOutcome {
  const reviews: Review[] = [];
  const comments: Comment[] = [];
  const fixups: PlannedCommit[] = [];
  if (input.reviewers.length === 0 || rng.chance(profile.unreviewedShare))
    return { reviews, comments, fixups, decidedAt: input.readyAt, approver: null };

  const primary = rng.pick(input.reviewers);
  const hours = (median: number) => rng.logNormal(median, 0.8) * HOUR;
  let t = toWorkingHours(rng, input.readyAt + hours(profile.pickupHours));
  const rounds = Number(rng.weighted(profile.reviewRounds));
  for (let round = 1; round < rounds; round += 1) {
    const review: Review = {
      reviewer: primary.github,
      state: rng.chance(0.8) ? 'changes_requested' : 'commented',
      body: rng.pick(changeRequestBodies),
      submittedAt: t,
    };
    reviews.push(review);
    for (let i = rng.int(1, 4); i > 0; i -= 1) comments.push(reviewComment(rng, review, input.path()));
    const fixAt = toWorkingHours(rng, t + hours(profile.fixHours));
    const size = rng.int(2, 40);
    fixups.push({ at: fixAt, message: rng.pick(fixupCommits), additions: size, deletions: rng.int(0, size) });
    if (rng.chance(0.3))
      comments.push({
        review: null,
        author: input.author.github,
        kind: 'conversation',
        body: rng.pick(conversationComments),
        path: null,
        createdAt: fixAt + rng.int(1, 20) * MINUTE,
      });
    t = toWorkingHours(rng, fixAt + hours(profile.rereviewHours));
  }
  const approval: Review = {
    reviewer: primary.github,
    state: 'approved',
    body: rng.pick(approvalBodies),
    submittedAt: t,
  };
  reviews.push(approval);
  if (rng.chance(0.15)) comments.push(reviewComment(rng, approval, input.path()));

  const others = input.reviewers.filter((r) => r !== primary);
  if (others.length > 0 && rng.chance(0.3)) {
    const second = rng.pick(others);
    const at = toWorkingHours(rng, input.readyAt + hours(profile.pickupHours * 1.5));
    const review: Review = {
      reviewer: second.github,
      state: rng.chance(0.6) ? 'commented' : 'approved',
      body: null,
      submittedAt: at,
    };
    reviews.push(review);
    comments.push(reviewComment(rng, review, input.path()));
    t = Math.max(t, at);
  }
  reviews.sort((a, b) => a.submittedAt - b.submittedAt);
  return { reviews, comments, fixups, decidedAt: t, approver: primary };
}

function reviewComment(rng: Random, review: Review, path: string): Comment {
  return {
    review,
    author: review.reviewer,
    kind: 'review',
    body: rng.pick(reviewComments),
    path,
    createdAt: review.submittedAt,
  };
}
