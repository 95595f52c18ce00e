/**
 * The Jira workflow of the demo: its statuses with their categories, and the status history of a
 * work item built from the moments it changed, cut at the end of the time window.
 */
import { MINUTE } from './calendar.ts';
import type { Identity, Status, Transition, WorkItem } from './model.ts';

export const statuses = {
  todo: { name: 'To Do', category: 'todo' },
  inProgress: { name: 'In Progress', category: 'in_progress' },
  inReview: { name: 'In Review', category: 'in_progress' },
  blocked: { name: 'Blocked', category: 'waiting' },
  readyForQa: { name: 'Ready for QA', category: 'waiting' },
  done: { name: 'Done', category: 'done' },
  wontDo: { name: "Won't Do", category: 'done' },
} as const satisfies Record<string, Status>;

export type Step = readonly [status: Status, at: number, by: Identity | null];

/**
 * Turns steps into transitions (the first one from no status), keeping times strictly increasing
 * and dropping what happens at or after `end`.
 */
export function transitionsOf(steps: readonly Step[], end: number): Transition[] {
  const transitions: Transition[] = [];
  let from: Status | null = null;
  let last = -Infinity;
  for (const [to, time, by] of steps) {
    const at = Math.max(time, last + MINUTE);
    if (at >= end) break;
    transitions.push({ from, to, at, by });
    from = to;
    last = at;
  }
  return transitions;
}

/** The status a work item is in now: the target of its last transition. */
export function currentStatus(item: WorkItem): Status {
  return item.transitions[item.transitions.length - 1]?.to ?? statuses.todo;
}

/** When the work item was resolved, if it is in a done status. */
export function resolvedAt(item: WorkItem): number | null {
  const last = item.transitions[item.transitions.length - 1];
  return last !== undefined && last.to.category === 'done' ? last.at : null;
}

/** When work on the item started: its first move into an in-progress status. */
export function startedAt(item: WorkItem): number | null {
  return item.transitions.find((t) => t.to.category === 'in_progress')?.at ?? null;
}
