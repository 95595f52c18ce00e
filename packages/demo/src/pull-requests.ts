/**
 * The pull requests engineers open, day by day: each person of a team starts work at the team's
 * pace (less at weekends and holidays), codes for a while on a branch, opens the PR (sometimes as a
 * draft first), goes through review, and merges it or gives it up.
 */
import { HOUR, MINUTE, dayActivity, eachDay, toWorkingHours, workingMoment } from './calendar.ts';
import type { Human, Membership, PlannedCommit, PullRequest, Repository, Team } from './model.ts';
import { membershipsAt } from './people.ts';
import type { Random } from './prng.ts';
import { reviewPullRequest } from './reviews.ts';
import { truncateAtEnd } from './truncate.ts';
import { followUpCommits, slug } from './vocabulary.ts';
import { WorkStreams, type Assignment } from './work-streams.ts';

export interface PlanInput {
  readonly rng: Random;
  readonly start: number;
  readonly end: number;
  readonly teams: readonly Team[];
  readonly memberships: readonly Membership[];
  readonly repositories: readonly Repository[];
}

export function planWorkPullRequests(input: PlanInput): PullRequest[] {
  const prs: PullRequest[] = [];
  for (const team of input.teams) {
    const rng = input.rng.fork(`pull-requests:${team.key}`);
    const repos = input.repositories.filter((r) => r.team === team);
    const members = (t: number) => membershipsAt(input.memberships, t).filter((m) => m.team === team);
    let today = input.start;
    const lead = () => {
      const present = members(today);
      return (present.find((m) => m.role === 'lead') ?? present[0])?.human;
    };
    const streams = new WorkStreams(rng, team, lead);
    for (const day of eachDay(input.start, input.end)) {
      today = day;
      for (const { human } of members(day + 12 * HOUR)) {
        const count = rng.poisson(team.profile.prsPerPersonDay * dayActivity(day) * human.productivity);
        for (let i = 0; i < count; i += 1) {
          const startAt = workingMoment(rng, day);
          const repo = repos.length > 1 && rng.chance(0.4) ? repos[1]! : repos[0]!;
          const reviewers = members(startAt)
            .map((m) => m.human)
            .filter((h) => h !== human);
          const pr = planPullRequest(rng, repo, human, reviewers, startAt, streams.next(human));
          if (truncateAtEnd(pr, input.end)) {
            prs.push(pr);
            pr.workItem?.pullRequests.push(pr);
          }
        }
      }
    }
  }
  return prs;
}

function planPullRequest(
  rng: Random,
  repo: Repository,
  author: Human,
  reviewers: readonly Human[],
  startAt: number,
  work: Assignment,
): PullRequest {
  const profile = repo.team.profile;
  const size = Math.max(2, Math.round(rng.logNormal(profile.prSizeMedian, 0.8)));
  const readyAt = toWorkingHours(
    rng,
    startAt + Math.max(0.2, rng.logNormal(profile.codingHours, 0.7)) * HOUR,
  );
  const createdAt = rng.chance(profile.draftShare)
    ? startAt + (readyAt - startAt) * rng.between(0.2, 0.6)
    : readyAt;
  const planned = plannedCommits(
    rng,
    work.title,
    size,
    startAt,
    readyAt,
    1 + rng.poisson(profile.commitsPerPr - 1),
  );
  const topicPath = slug(work.title.split(' ').slice(-2).join(' '));
  const path = () =>
    `${repo.sourceRoot}/${topicPath}/${rng.pick(['handler', 'service', 'client', 'model', 'index'])}.${repo.extension}`;
  const outcome = reviewPullRequest(rng, profile, { author, reviewers, readyAt, path });
  const abandoned = rng.chance(profile.abandonedShare);
  const decided = toWorkingHours(
    rng,
    outcome.decidedAt + rng.logNormal(abandoned ? 48 : profile.mergeHours, 0.8) * HOUR,
  );
  const prefix = { feature: 'feature', defect: 'fix', debt: 'chore' }[work.kind];
  const labels = { feature: rng.chance(0.5) ? ['feature'] : [], defect: ['bug'], debt: [] }[work.kind];
  return {
    repository: repo,
    kind: 'work',
    number: 0,
    title: work.title,
    body: `## What\n\n${work.title}.\n\n## How to test\n\n- [x] Unit tests\n- [${rng.chance(0.5) ? 'x' : ' '}] Tested on staging\n`,
    headBranch: `${prefix}/${slug(work.title)}`,
    state: 'open',
    author: author.github,
    committer: author.git ?? author.github,
    mergedBy: abandoned
      ? null
      : outcome.approver && rng.chance(0.2)
        ? outcome.approver.github
        : author.github,
    labels,
    firstCommitAt: startAt,
    createdAt,
    readyAt,
    mergedAt: abandoned ? null : decided,
    closedAt: abandoned ? decided : null,
    updatedAt: decided,
    planned: [...planned, ...outcome.fixups],
    changedFiles: Math.max(1, Math.round(Math.sqrt(size) * rng.between(0.3, 0.8))),
    commits: [],
    mergeCommitSha: null,
    reviews: outcome.reviews,
    comments: outcome.comments,
    workItem: work.workItem,
    linkedIn: work.workItem === null ? null : rng.chance(0.6) ? 'title' : 'branch',
    reverts: null,
  };
}

/** The branch's commits between the first commit and the moment the PR is ready for review. */
function plannedCommits(
  rng: Random,
  title: string,
  size: number,
  from: number,
  to: number,
  count: number,
): PlannedCommit[] {
  const times = [from];
  const last = Math.max(from, to - 2 * MINUTE);
  for (let i = 1; i < count; i += 1) times.push(rng.between(from, last));
  times.sort((a, b) => a - b);
  return times.map((at, i) => {
    const lines = Math.max(1, Math.round(size / count));
    const additions = Math.round(lines * rng.between(0.55, 0.9));
    return {
      at,
      message: i === 0 ? title : rng.pick(followUpCommits),
      additions,
      deletions: lines - additions,
    };
  });
}
