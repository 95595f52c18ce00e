/** The records a full read must produce, derived independently from the fake's model. */
import type { Actor, NormalisedRecord, RecordOf } from '@pulse/core';
import { fullName, type FakeGithub, type FakeUser } from './fake/model.ts';

function actor(user: FakeUser | null): { author?: Actor } | Record<string, never> {
  return user === null ? {} : { author: toActor(user) };
}

export function toActor(user: FakeUser): Actor {
  const login = user.type === 'Bot' ? user.login.replace(/\[bot\]$/, '') : user.login;
  return {
    source: 'github',
    externalId: user.id,
    login,
    ...(user.name ? { name: user.name } : {}),
    isBot: user.type === 'Bot',
  };
}

/** pull_request, review and review_comment records for every pull request of live repositories. */
export function expectedPullRequestRecords(model: FakeGithub): NormalisedRecord[] {
  const records: NormalisedRecord[] = [];
  for (const repo of model.repositories.filter((r) => !r.deleted)) {
    for (const pull of repo.pulls) {
      const firstEvent = pull.timeline[0];
      const ready =
        firstEvent?.type === 'ReadyForReviewEvent'
          ? firstEvent.createdAt
          : pull.isDraft
            ? undefined
            : pull.createdAt;
      const pr: RecordOf<'pull_request'> = {
        type: 'pull_request',
        source: 'github',
        externalId: pull.id,
        repository: { fullName: fullName(repo) },
        number: pull.number,
        title: pull.title,
        body: pull.body,
        url: `https://github.com/${fullName(repo)}/pull/${pull.number}`,
        state: pull.state === 'OPEN' ? 'open' : pull.state === 'CLOSED' ? 'closed' : 'merged',
        isDraft: pull.isDraft,
        ...actor(pull.author),
        ...(pull.mergedBy ? { mergedBy: toActor(pull.mergedBy) } : {}),
        headBranch: pull.headRefName,
        baseBranch: pull.baseRefName,
        headSha: pull.commits.at(-1)!.oid,
        ...(pull.mergeCommitOid ? { mergeCommitSha: pull.mergeCommitOid } : {}),
        additions: pull.additions,
        deletions: pull.deletions,
        changedFiles: pull.changedFiles,
        labels: pull.labels,
        createdAt: pull.createdAt,
        ...(ready ? { readyForReviewAt: ready } : {}),
        ...(pull.mergedAt ? { mergedAt: pull.mergedAt } : {}),
        ...(pull.closedAt ? { closedAt: pull.closedAt } : {}),
        updatedAt: pull.updatedAt,
        commits: pull.commits.map((c) => ({
          sha: c.oid,
          authoredAt: c.authoredDate,
          committedAt: c.committedDate,
        })),
      };
      records.push(pr);
      for (const review of pull.reviews) {
        records.push({
          type: 'review',
          source: 'github',
          externalId: review.id,
          pullRequest: { externalId: pull.id },
          ...(review.author ? { reviewer: toActor(review.author) } : {}),
          state: review.state.toLowerCase() as RecordOf<'review'>['state'],
          submittedAt: review.submittedAt,
        });
        for (const comment of review.comments) {
          records.push({
            type: 'review_comment',
            source: 'github',
            externalId: comment.id,
            pullRequest: { externalId: pull.id },
            review: { externalId: review.id },
            kind: 'review',
            ...actor(comment.author),
            path: comment.path,
            createdAt: comment.createdAt,
            updatedAt: comment.updatedAt,
          });
        }
      }
    }
  }
  return records;
}
