/**
 * Plays one repository's year in time order: pull request branches and merges shape the commit
 * graph, releases deploy what is on main, and bad releases lead to incidents and their fixes.
 */
import { toWorkingHours } from './calendar.ts';
import { CommitGraph } from './commit-graph.ts';
import { Pipeline } from './deployments.ts';
import { EventQueue } from './event-queue.ts';
import { IncidentResponder } from './incidents.ts';
import type { Commit, Deployment, Human, Incident, Membership, PullRequest, Repository } from './model.ts';
import { membershipsAt } from './people.ts';
import type { Random } from './prng.ts';
import { directPushMessages } from './vocabulary.ts';

export interface RepositoryHistory {
  readonly commits: Commit[];
  readonly deployments: Deployment[];
  readonly incidents: Incident[];
  /** Reverts and hotfixes opened during incidents. */
  readonly pullRequests: PullRequest[];
}

export function playRepository(
  root: Random,
  repository: Repository,
  pullRequests: readonly PullRequest[],
  memberships: readonly Membership[],
  start: number,
  end: number,
): RepositoryHistory {
  const rng = root.fork(`timeline:${repository.name}`);
  const team = (t: number): Human[] =>
    membershipsAt(memberships, t)
      .filter((m) => m.team === repository.team)
      .map((m) => m.human);
  const identity = (h: Human) => h.git ?? h.github;
  const graph = new CommitGraph(root.fork(`commits:${repository.name}`), repository);
  const founder = team(start)[0];
  if (founder === undefined) throw new Error(`${repository.team.name} has nobody at the start`);
  graph.seed(identity(founder), start);

  const queue = new EventQueue();
  for (const pr of pullRequests) {
    queue.add(pr.firstCommitAt, () => graph.branch(pr));
    if (pr.mergedAt !== null) queue.add(pr.mergedAt, () => graph.land(pr));
  }
  const months = (end - start) / (30 * 24 * 3600_000);
  for (let i = rng.poisson(repository.team.profile.directPushesPerMonth * months); i > 0; i -= 1) {
    const at = toWorkingHours(rng, start + rng.next() * (end - start));
    const message = rng.pick(directPushMessages);
    queue.add(at, () => {
      const people = team(at);
      if (people.length > 0) graph.push(identity(rng.pick(people)), at, message);
    });
  }
  const pipeline = new Pipeline(rng.fork('pipeline'), graph);
  pipeline.schedule(queue, start, end);
  const responder = new IncidentResponder(rng.fork('incidents'), graph, pipeline, queue, team, end);
  queue.runUntil(end);
  for (const incident of responder.incidents)
    if (incident.resolvedAt !== null && incident.resolvedAt >= end) incident.resolvedAt = null;
  return {
    commits: graph.commits,
    deployments: pipeline.deployments.filter((d) => d.finishedAt < end),
    incidents: responder.incidents.filter((i) => i.startedAt < end),
    pullRequests: responder.pullRequests,
  };
}
