/**
 * Defaults and overrides of the two mappings (docs/connectors/jira.md, "Mappings"):
 * - status → category: the integration's mapping if it names the status, else Jira's own status
 *   category (To Do → todo, In Progress → in_progress, Done → done), except that statuses whose
 *   name says the work waits (Waiting…, Blocked, On hold, Pending…) are `waiting`, a category Jira
 *   does not have;
 * - issue type → kind: the mapping if it names the type, else by common type names.
 * Names are compared case-insensitively.
 */
import type { StatusCategory, WorkItemKind } from '@pulse/core';

const byJiraCategory: Readonly<Record<string, StatusCategory>> = {
  new: 'todo',
  indeterminate: 'in_progress',
  done: 'done',
};
const waiting = /\b(waiting|blocked|on hold|pending|awaiting|paused|parked|impeded)\b/i;

const kindByType: readonly [RegExp, WorkItemKind][] = [
  [/^(incident|outage|major incident|post-incident review)$/i, 'incident'],
  [/^(bug|defect|regression|production bug)$/i, 'defect'],
  [/^(tech(nical)?[- ]?debt|debt|refactor(ing)?|chore)$/i, 'debt'],
  [/^(risk|security|vulnerability|security issue)$/i, 'risk'],
  [/^(story|user story|feature|new feature|epic|improvement|enhancement|initiative)$/i, 'feature'],
];

export type Overrides<T> = Readonly<Record<string, T>>;

function override<T>(overrides: Overrides<T>, name: string): T | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(overrides)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Pulse's default category of a status. */
export function defaultCategory(name: string, jiraCategory: string | undefined): StatusCategory {
  const category = byJiraCategory[jiraCategory ?? ''] ?? 'in_progress';
  return category === 'in_progress' && waiting.test(name) ? 'waiting' : category;
}

export function statusCategoryOf(
  name: string,
  jiraCategory: string | undefined,
  overrides: Overrides<StatusCategory>,
): StatusCategory {
  return override(overrides, name) ?? defaultCategory(name, jiraCategory);
}

/** Pulse's default kind of an issue type; 'other' when the name says nothing. */
export function defaultKind(typeName: string | undefined): WorkItemKind {
  if (typeName === undefined) return 'other';
  return kindByType.find(([re]) => re.test(typeName.trim()))?.[1] ?? 'other';
}

export function kindOf(typeName: string | undefined, overrides: Overrides<WorkItemKind>): WorkItemKind {
  return (typeName === undefined ? undefined : override(overrides, typeName)) ?? defaultKind(typeName);
}
