/**
 * Generates the demo organisation: pure and deterministic. The same seed and end date always give
 * the same data; nothing reads the clock or Math.random.
 *
 * @example generateDemo({ seed: 42, end: new Date('2026-01-01T00:00:00Z'), days: 365 })
 */
import { PulseError } from '@pulse/core';
import { DAY } from './calendar.ts';
import { planDependencyPullRequests } from './dependency-prs.ts';
import { numberPullRequests, writeLandingMessages, writeRevertTexts } from './finalize.ts';
import { backgroundIncidents } from './background-incidents.ts';
import type { DemoData, WorkItem } from './model.ts';
import { buildOrganisation } from './people.ts';
import { Random } from './prng.ts';
import { planWorkPullRequests } from './pull-requests.ts';
import { buildRepositories } from './repositories.ts';
import { planSprints } from './sprints.ts';
import { playRepository } from './timeline.ts';
import { assignKeys, scheduleLinkedItems, unlinkedItems } from './work-items.ts';

export interface DemoOptions {
  readonly seed: number;
  /** The end of the time window (exclusive); the CLI passes today at 00:00 UTC. */
  readonly end: Date;
  readonly days: number;
}

export const maxDemoDays = 3650;

export function generateDemo(options: DemoOptions): DemoData {
  const { seed, days } = options;
  const end = options.end.getTime();
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new PulseError('VALIDATION_FAILED', {
      message: `The seed must be an integer from 0 to ${0xffffffff}.`,
    });
  if (!Number.isInteger(days) || days < 7 || days > maxDemoDays)
    throw new PulseError('VALIDATION_FAILED', {
      message: `The number of days must be an integer from 7 to ${maxDemoDays}.`,
    });
  if (!Number.isFinite(end))
    throw new PulseError('VALIDATION_FAILED', { message: 'The end date is not a valid date.' });
  const start = end - days * DAY;
  const rng = new Random(seed);

  const org = buildOrganisation(rng.fork('people'), start, end);
  const { teams, memberships } = org;
  const repositories = buildRepositories(teams);
  const planned = [
    ...planWorkPullRequests({ rng, start, end, teams, memberships, repositories }),
    ...planDependencyPullRequests(rng, repositories, memberships, org.bots, start, end),
  ];
  const histories = repositories.map((repo) =>
    playRepository(
      rng,
      repo,
      planned.filter((p) => p.repository === repo),
      memberships,
      start,
      end,
    ),
  );
  const pullRequests = [...planned, ...histories.flatMap((h) => h.pullRequests)];

  const linked = [...new Set(pullRequests.flatMap((p) => (p.workItem === null ? [] : [p.workItem])))];
  scheduleLinkedItems(rng.fork('work-items'), linked, end);
  const workItems: WorkItem[] = [...linked, ...unlinkedItems(rng, teams, memberships, start, end)];
  workItems.sort((a, b) => a.createdAt - b.createdAt);
  assignKeys(workItems, teams);
  numberPullRequests(rng.fork('numbers'), repositories, pullRequests);
  writeRevertTexts(pullRequests);
  const commits = histories.flatMap((h) => h.commits);
  writeLandingMessages(commits);

  const incidents = [
    ...histories.flatMap((h) => h.incidents),
    ...backgroundIncidents(rng.fork('background-incidents'), repositories, start, end),
  ].sort((a, b) => a.startedAt - b.startedAt);
  return {
    start,
    end,
    humans: org.humans,
    people: org.people,
    identities: org.identities,
    teams,
    memberships,
    repositories,
    commits,
    pullRequests,
    deployments: histories.flatMap((h) => h.deployments).sort((a, b) => a.finishedAt - b.finishedAt),
    incidents,
    workItems,
    sprints: planSprints(rng, teams, workItems, start, end),
  };
}
