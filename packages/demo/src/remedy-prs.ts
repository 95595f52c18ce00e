/**
 * Pull requests that repair a bad production deployment: a revert of a change it shipped
 * (`Revert "<title>"`, always squashed so the commit on main starts with `Revert "`), or a hotfix
 * on a `hotfix/…` branch labelled `hotfix`, tracked by a defect work item.
 */
import { MINUTE } from './calendar.ts';
import type { Human, Incident, PullRequest, Repository, WorkItem } from './model.ts';
import type { Random } from './prng.ts';
import { slug } from './vocabulary.ts';

export interface RemedyTiming {
  readonly openedAt: number;
  readonly mergedAt: number;
  readonly author: Human;
  readonly reviewer: Human | null;
}

export function revertPullRequest(rng: Random, original: PullRequest, timing: RemedyTiming): PullRequest {
  // Title, branch, body and commit messages quote the original PR; they are written once PRs
  // have their final titles and numbers (finalize.ts).
  const additions = original.commits.reduce((sum, c) => sum + c.deletions, 0);
  const deletions = original.commits.reduce((sum, c) => sum + c.additions, 0);
  return remedy(rng, original.repository, timing, {
    kind: 'revert',
    title: '',
    body: '',
    headBranch: '',
    labels: [],
    planned: { message: '', additions, deletions },
    workItem: null,
    reverts: original,
  });
}

export function hotfixPullRequest(
  rng: Random,
  repository: Repository,
  incident: Incident,
  workItem: WorkItem,
  timing: RemedyTiming,
): PullRequest {
  const subject = incident.title.charAt(0).toLowerCase() + incident.title.slice(1);
  const title = `Hotfix: ${subject}`;
  const size = rng.int(3, 40);
  return remedy(rng, repository, timing, {
    kind: 'hotfix',
    title,
    body: `Fixes the incident "${incident.title}" (${incident.severity}).`,
    headBranch: `hotfix/${slug(subject)}`,
    labels: ['hotfix', 'bug'],
    planned: { message: title, additions: size, deletions: rng.int(0, size) },
    workItem,
    reverts: null,
  });
}

function remedy(
  rng: Random,
  repository: Repository,
  timing: RemedyTiming,
  fields: Pick<PullRequest, 'kind' | 'title' | 'body' | 'headBranch' | 'labels' | 'workItem' | 'reverts'> & {
    planned: { message: string; additions: number; deletions: number };
  },
): PullRequest {
  const { openedAt, mergedAt, author, reviewer } = timing;
  const firstCommitAt = openedAt - rng.int(1, 3) * MINUTE;
  const reviewedAt = openedAt + (mergedAt - openedAt) * rng.between(0.3, 0.8);
  return {
    repository,
    kind: fields.kind,
    number: 0,
    title: fields.title,
    body: fields.body,
    headBranch: fields.headBranch,
    state: 'merged',
    author: author.github,
    committer: author.git ?? author.github,
    mergedBy: author.github,
    labels: fields.labels,
    firstCommitAt,
    createdAt: openedAt,
    readyAt: openedAt,
    mergedAt,
    closedAt: mergedAt,
    updatedAt: mergedAt,
    planned: [{ at: firstCommitAt, ...fields.planned }],
    changedFiles: rng.int(1, 4),
    commits: [],
    mergeCommitSha: null,
    reviews:
      reviewer === null
        ? []
        : [
            {
              reviewer: reviewer.github,
              state: 'approved',
              body: 'Approved, ship it.',
              submittedAt: reviewedAt,
            },
          ],
    comments: [],
    workItem: fields.workItem,
    // The key goes into the branch name, so the title keeps its `Hotfix:` prefix.
    linkedIn: fields.workItem === null ? null : 'branch',
    reverts: fields.reverts,
  };
}
