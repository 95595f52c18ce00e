/**
 * Pull requests of the dependency bots: every Monday morning Dependabot or Renovate opens a few
 * small version bumps per repository; a member of the owning team approves and merges them, some
 * are merged without review, and superseded ones are closed by the bot.
 */
import { DAY, HOUR, MINUTE, eachDay, toWorkingHours } from './calendar.ts';
import type { Identity, Membership, PullRequest, Repository } from './model.ts';
import type { Bots } from './people.ts';
import { membershipsAt } from './people.ts';
import type { Random } from './prng.ts';
import { truncateAtEnd } from './truncate.ts';
import { dependencies, version } from './vocabulary.ts';

const ecosystems: Readonly<Record<string, string>> = {
  ts: 'npm_and_yarn',
  tsx: 'npm_and_yarn',
  go: 'go_modules',
  kt: 'gradle',
  java: 'maven',
  rb: 'bundler',
};

export function planDependencyPullRequests(
  root: Random,
  repositories: readonly Repository[],
  memberships: readonly Membership[],
  bots: Bots,
  start: number,
  end: number,
): PullRequest[] {
  const prs: PullRequest[] = [];
  for (const repo of repositories) {
    const rng = root.fork(`dependencies:${repo.name}`);
    for (const day of eachDay(start, end)) {
      if (new Date(day).getUTCDay() !== 1) continue;
      for (let i = rng.poisson(0.9); i > 0; i -= 1) {
        const createdAt = day + 5 * HOUR + rng.int(0, 90) * MINUTE;
        const team = membershipsAt(memberships, createdAt).filter((m) => m.team === repo.team);
        const reviewer = team.length > 0 ? rng.pick(team).human.github : null;
        const pr = dependencyPullRequest(rng, repo, bots[repo.dependencyBot], reviewer, createdAt);
        if (truncateAtEnd(pr, end)) prs.push(pr);
      }
    }
  }
  return prs;
}

function dependencyPullRequest(
  rng: Random,
  repo: Repository,
  bot: Identity,
  reviewer: Identity | null,
  createdAt: number,
): PullRequest {
  const name = rng.pick(dependencies[repo.extension] ?? ['left-pad']);
  const [from, to] = [version(rng), version(rng)];
  const dependabot = repo.dependencyBot === 'dependabot';
  const title = dependabot ? `Bump ${name} from ${from} to ${to}` : `Update dependency ${name} to v${to}`;
  const branchName = name.replace(/[^A-Za-z0-9.-]+/g, '-');
  const headBranch = dependabot
    ? `dependabot/${ecosystems[repo.extension] ?? 'npm_and_yarn'}/${branchName}-${to}`
    : `renovate/${branchName}-${to.split('.')[0]}.x`;
  const superseded = rng.chance(0.12);
  const profile = repo.team.profile;
  const reviewedAt =
    reviewer === null || rng.chance(0.2)
      ? null
      : toWorkingHours(rng, createdAt + rng.logNormal(profile.pickupHours * 1.5, 0.8) * HOUR);
  const decided = superseded
    ? createdAt + rng.int(3, 14) * DAY
    : toWorkingHours(rng, (reviewedAt ?? createdAt + profile.pickupHours * HOUR) + rng.int(2, 60) * MINUTE);
  const additions = rng.int(1, 30);
  return {
    repository: repo,
    kind: 'dependency',
    number: 0,
    title,
    body: `Bumps ${name} from ${from} to ${to}.\n\nRelease notes and changelog are linked in the package registry.`,
    headBranch,
    state: 'open',
    author: bot,
    committer: bot,
    mergedBy: superseded ? null : reviewer,
    labels: ['dependencies'],
    firstCommitAt: createdAt - MINUTE,
    createdAt,
    readyAt: createdAt,
    mergedAt: superseded || reviewer === null ? null : decided,
    closedAt: superseded ? decided : null,
    updatedAt: decided,
    planned: [{ at: createdAt - MINUTE, message: title, additions, deletions: rng.int(1, additions) }],
    changedFiles: rng.int(1, 2),
    commits: [],
    mergeCommitSha: null,
    reviews:
      reviewer === null || reviewedAt === null
        ? []
        : [{ reviewer, state: 'approved', body: null, submittedAt: reviewedAt }],
    comments: [],
    workItem: null,
    linkedIn: null,
    reverts: null,
  };
}
