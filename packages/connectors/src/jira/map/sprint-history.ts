/**
 * When an issue was in which sprint, from its Sprint field and that field's changelog. Each change
 * gives the complete new list of sprints (ids, comma-separated), so membership is replayed from the
 * list at creation (the first change's old value, or the current value when it never changed).
 * A sprint that closes with the issue unfinished stays in the list (Jira adds the next sprint
 * beside it), which is how carry-over shows.
 */
import type { SprintMembership } from '@pulse/core';
import type { JiraConfig } from '../config.ts';
import { sprintExternalId } from '../ids.ts';
import type { FieldRef, JiraIssue } from '../payloads.ts';
import { fieldChanges } from './changes.ts';

/** Sprint ids in a Sprint field value: Cloud objects, or Data Center strings "…Sprint@1f[id=3,…]". */
export function sprintIdsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (entry !== null && typeof entry === 'object' && 'id' in entry) return [String(entry.id)];
    const id = typeof entry === 'string' ? /[[,]id=(\d+)/.exec(entry)?.[1] : undefined;
    return id === undefined ? [] : [id];
  });
}

const idList = (text: string | null): string[] =>
  (text ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^\d+$/.test(id));

export function sprintHistory(
  issue: JiraIssue,
  field: FieldRef,
  config: JiraConfig,
  createdAt: string,
): SprintMembership[] {
  const changes = fieldChanges(issue, field);
  const initial = changes.length > 0 ? idList(changes[0]!.from) : sprintIdsOf(issue.fields[field.id]);
  const periods = new Map<string, { from: string; to?: string }[]>();
  const open = new Set<string>();
  const enter = (id: string, at: string) => {
    open.add(id);
    periods.set(id, [...(periods.get(id) ?? []), { from: at }]);
  };
  for (const id of initial) enter(id, createdAt);
  for (const change of changes) {
    const next = new Set(idList(change.to));
    for (const id of [...open])
      if (!next.has(id)) {
        open.delete(id);
        const list = periods.get(id)!;
        list[list.length - 1] = { ...list[list.length - 1]!, to: change.at };
      }
    for (const id of next) if (!open.has(id)) enter(id, change.at);
  }
  return [...periods].map(([id, list]) => ({
    sprint: { externalId: sprintExternalId(config, id) },
    periods: list.map((p) => (p.to === undefined ? { from: p.from } : { from: p.from, to: p.to })),
  }));
}
