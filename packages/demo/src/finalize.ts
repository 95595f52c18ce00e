/**
 * Last touches once every pull request exists: numbers in creation order per repository, the
 * texts that quote other pull requests (reverts), and the messages of merge and squash commits,
 * which name the pull request's number.
 */
import type { Commit, PullRequest, Repository } from './model.ts';
import type { Random } from './prng.ts';

export function numberPullRequests(
  rng: Random,
  repositories: readonly Repository[],
  prs: PullRequest[],
): void {
  for (const repo of repositories) {
    let number = rng.int(150, 1800);
    const own = prs.filter((p) => p.repository === repo).sort((a, b) => a.createdAt - b.createdAt);
    for (const pr of own) pr.number = number += 1;
  }
  prs.sort((a, b) =>
    a.repository === b.repository
      ? a.number - b.number
      : repositories.indexOf(a.repository) - repositories.indexOf(b.repository),
  );
}

export function writeRevertTexts(prs: readonly PullRequest[]): void {
  for (const pr of prs) {
    const original = pr.reverts;
    if (original === null) continue;
    pr.title = `Revert "${original.title}"`;
    pr.headBranch = `revert-${original.number}-${original.headBranch}`;
    pr.body = `Reverts ${original.repository.fullName}#${original.number}`;
    const message = `${pr.title}\n\nThis reverts commit ${original.mergeCommitSha ?? ''}.`;
    for (const commit of pr.commits) commit.message = message;
  }
}

/** Messages of the commits that land pull requests on main, as GitHub writes them. */
export function writeLandingMessages(commits: readonly Commit[]): void {
  for (const commit of commits) {
    const pr = commit.lands;
    if (pr === null) continue;
    if (commit.parents.length === 2) {
      commit.message = `Merge pull request #${pr.number} from ${pr.repository.fullName.split('/')[0]}/${pr.headBranch}\n\n${pr.title}`;
    } else if (pr.kind === 'revert') {
      commit.message = `${pr.title} (#${pr.number})\n\nThis reverts commit ${pr.reverts?.mergeCommitSha ?? ''}.`;
    } else {
      const details =
        pr.commits.length > 1 ? '\n\n' + pr.commits.map((c) => `* ${c.message}`).join('\n') : '';
      commit.message = `${pr.title} (#${pr.number})${details}`;
    }
  }
}
