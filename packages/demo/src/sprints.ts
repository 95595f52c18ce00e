/**
 * Two-week sprints per team. An item joins the sprint in which work on it starts: at the sprint's
 * start when it already existed (planned scope), later when it was created or pulled in mid-sprint
 * (scope added). Unfinished items carry over into the next sprint; cancelled ones leave the sprint
 * early. The sprint after the current one is already partly planned.
 */
import { DAY, HOUR, startOfDay } from './calendar.ts';
import type { Sprint, SprintItem, Team, WorkItem } from './model.ts';
import type { Random } from './prng.ts';
import { topics } from './vocabulary.ts';
import { resolvedAt, startedAt, statuses } from './workflow.ts';

const length = 14 * DAY;

export function planSprints(
  root: Random,
  teams: readonly Team[],
  items: readonly WorkItem[],
  start: number,
  end: number,
): Sprint[] {
  return teams.flatMap((team) => teamSprints(root.fork(`sprints:${team.key}`), team, items, start, end));
}

function teamSprints(
  rng: Random,
  team: Team,
  all: readonly WorkItem[],
  start: number,
  end: number,
): Sprint[] {
  let first = startOfDay(start) - length;
  while (new Date(first).getUTCDay() !== team.sprintWeekday) first -= DAY;
  const sprints: Sprint[] = [];
  for (let startsAt = first, n = 1; startsAt < end + length; startsAt += length, n += 1) {
    const endsAt = startsAt + length;
    const state = endsAt <= end ? 'closed' : startsAt <= end ? 'active' : 'future';
    const closedAt = endsAt + rng.int(0, 4) * HOUR;
    sprints.push({
      team,
      name: `${team.projectKey} Sprint ${n}`,
      state,
      goal: `Ship ${rng.pick(topics[team.key] ?? ['the roadmap'])}`,
      startsAt,
      endsAt,
      completedAt: state === 'closed' ? (closedAt < end ? closedAt : endsAt) : null,
      items: [],
    });
  }
  const index = (t: number) => sprints.findIndex((s) => s.startsAt <= t && t < s.endsAt);
  const items = all.filter((i) => i.team === team);
  for (const item of items) {
    const cancelled = item.transitions.find((t) => t.to === statuses.wontDo && t.from?.category === 'todo');
    const began = startedAt(item) ?? cancelled?.at ?? null;
    const k = began === null ? -1 : index(began);
    if (k < 0 || began === null) continue;
    const sprint = sprints[k]!;
    const creep = item.createdAt < sprint.startsAt && rng.chance(0.1);
    const addedAt =
      item.createdAt >= sprint.startsAt
        ? item.createdAt
        : creep
          ? began - rng.between(0, Math.min(began - sprint.startsAt, DAY))
          : sprint.startsAt;
    if (cancelled !== undefined) {
      sprint.items.push(entry(item, addedAt, cancelled.at, sprint, false));
      continue;
    }
    const done = resolvedAt(item);
    for (let j = k; j < sprints.length; j += 1) {
      const current = sprints[j]!;
      const completed = done !== null && done < current.endsAt;
      current.items.push(entry(item, j === k ? addedAt : current.startsAt, null, current, completed));
      if (completed || current.state !== 'closed') break;
    }
  }
  const next = sprints.find((s) => s.state === 'future');
  const backlog = items.filter((i) => i.transitions.length === 1 && i.assignee === null).slice(-6);
  for (const item of backlog)
    next?.items.push({
      workItem: item,
      addedAt: Math.max(item.createdAt, end - DAY),
      removedAt: null,
      inScopeAtStart: false,
      inScopeAtEnd: false,
      completed: false,
    });
  return sprints;
}

function entry(
  item: WorkItem,
  addedAt: number,
  removedAt: number | null,
  sprint: Sprint,
  completed: boolean,
): SprintItem {
  return {
    workItem: item,
    addedAt,
    removedAt,
    inScopeAtStart: addedAt <= sprint.startsAt,
    inScopeAtEnd: removedAt === null,
    completed,
  };
}
