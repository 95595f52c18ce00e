/**
 * The Jira side of the demo: the work items behind pull requests (started shortly before the first
 * PR, in review when one is ready, done after the last merges), plus work without code (backlog
 * items never started, tasks, cancelled items). Keys follow creation order per project, and the
 * pull requests then carry their key in the title or the branch name.
 */
import { DAY, HOUR, MINUTE, dayActivity, eachDay, toWorkingHours, workingMoment } from './calendar.ts';
import type { Human, Membership, PullRequest, Team, WorkItem } from './model.ts';
import { membershipsAt } from './people.ts';
import type { Random } from './prng.ts';
import { topics } from './vocabulary.ts';
import { statuses, transitionsOf, type Step } from './workflow.ts';

// Median days from creating a work item to starting it: planned work waits in the backlog for a
// sprint or two, defects are picked up quickly (and so often join a sprint already running).
const leadDays = { feature: 20, defect: 0.7, debt: 30, other: 3 } as const;

/** Gives the work items of pull requests their dates and status history. */
export function scheduleLinkedItems(rng: Random, items: readonly WorkItem[], end: number): void {
  for (const item of items) {
    const prs = [...item.pullRequests].sort((a, b) => a.firstCommitAt - b.firstCommitAt);
    const first = prs[0];
    if (first === undefined) continue;
    const slow = item.team.profile.prSizeMedian > 300;
    let startAt = first.firstCommitAt - rng.int(10, 180) * MINUTE;
    if (item.createdAt === 0) {
      const created = toWorkingHours(rng, startAt - rng.logNormal(leadDays[item.kind], 1) * DAY);
      item.createdAt = Math.min(created, startAt - 5 * MINUTE);
    } else startAt = Math.max(startAt, item.createdAt + 2 * MINUTE);
    const readies = prs.flatMap((p) => (p.readyAt === null ? [] : [p.readyAt]));
    const firstReady = readies.length > 0 ? Math.min(...readies) : null;
    const steps: Step[] = [
      [statuses.todo, item.createdAt, item.reporter],
      [statuses.inProgress, startAt, item.assignee],
    ];
    if (rng.chance(slow ? 0.3 : 0.08)) {
      const span = (firstReady ?? startAt + 2 * DAY) - startAt;
      steps.push([statuses.blocked, startAt + span * 0.3, item.assignee]);
      steps.push([statuses.inProgress, startAt + span * 0.6, item.assignee]);
    }
    if (firstReady !== null) steps.push([statuses.inReview, firstReady, item.assignee]);
    if (prs.every((p) => p.state !== 'open')) {
      const merges = prs.flatMap((p) => (p.mergedAt === null ? [] : [p.mergedAt]));
      if (merges.length === 0) {
        steps.push([
          statuses.wontDo,
          Math.max(...prs.map((p) => p.closedAt ?? 0)) + 10 * MINUTE,
          item.assignee,
        ]);
      } else {
        let doneAt = Math.max(...merges) + rng.between(5 * MINUTE, slow ? 2 * DAY : 8 * HOUR);
        if (rng.chance(slow ? 0.6 : 0.1)) {
          steps.push([statuses.readyForQa, doneAt, item.assignee]);
          doneAt += rng.logNormal(slow ? 48 : 6, 0.7) * HOUR;
        }
        steps.push([statuses.done, doneAt, item.reporter]);
      }
    }
    item.transitions = transitionsOf(steps, end);
  }
}

/** Work items without pull requests: backlog, tasks done without code, cancelled ideas. */
export function unlinkedItems(
  root: Random,
  teams: readonly Team[],
  memberships: readonly Membership[],
  start: number,
  end: number,
): WorkItem[] {
  const items: WorkItem[] = [];
  for (const team of teams) {
    const rng = root.fork(`work-items:${team.key}`);
    const people = (t: number): Human[] =>
      membershipsAt(memberships, t)
        .filter((m) => m.team === team)
        .map((m) => m.human);
    for (const day of eachDay(start, end)) {
      const busy = dayActivity(day);
      const kinds = {
        backlog: rng.poisson(0.2 * busy),
        task: rng.poisson(0.1 * busy),
        cancelled: rng.poisson(0.04 * busy),
      };
      for (const [kind, count] of Object.entries(kinds)) {
        for (let i = 0; i < count; i += 1) {
          const createdAt = workingMoment(rng, day);
          const present = people(createdAt);
          if (present.length === 0) continue;
          const topic = rng.pick(topics[team.key] ?? ['maintenance']);
          const assignee = rng.pick(present);
          const task = kind === 'task';
          const item: WorkItem = {
            team,
            key: '',
            title: task
              ? rng.pick([`Spike: ${topic}`, `Write runbook for ${topic}`, `Investigate ${topic} alerts`])
              : `Explore ${topic} improvements`,
            kind: task ? 'other' : rng.pick(['feature', 'feature', 'debt'] as const),
            typeName: task ? 'Task' : 'Story',
            priority: rng.pick(['Medium', 'Low', 'Low']),
            storyPoints: rng.pick([1, 2, 3, 5]),
            assignee: kind === 'backlog' ? null : assignee.jira,
            reporter: rng.pick(present).jira,
            pullRequests: [],
            createdAt,
            transitions: [],
          };
          const steps: Step[] = [[statuses.todo, createdAt, item.reporter]];
          if (task) {
            const startAt = createdAt + rng.logNormal(3, 0.8) * DAY;
            steps.push([statuses.inProgress, startAt, item.assignee]);
            steps.push([statuses.done, startAt + rng.logNormal(2, 0.6) * DAY, item.assignee]);
          } else if (kind === 'cancelled') {
            steps.push([statuses.wontDo, createdAt + rng.logNormal(10, 0.8) * DAY, item.reporter]);
          }
          item.transitions = transitionsOf(steps, end);
          items.push(item);
        }
      }
    }
  }
  return items;
}

/** Numbers each project's items in creation order and puts the keys into the pull requests. */
export function assignKeys(items: readonly WorkItem[], teams: readonly Team[]): void {
  for (const team of teams) {
    const own = items.filter((i) => i.team === team).sort((a, b) => a.createdAt - b.createdAt);
    own.forEach((item, i) => {
      item.key = `${team.projectKey}-${101 + i}`;
      for (const pr of item.pullRequests) linkPullRequest(pr, item.key);
    });
  }
}

function linkPullRequest(pr: PullRequest, key: string): void {
  if (pr.linkedIn === 'title') pr.title = `${key}: ${pr.title}`;
  else if (pr.linkedIn === 'branch') pr.headBranch = pr.headBranch.replace('/', `/${key}-`);
}
