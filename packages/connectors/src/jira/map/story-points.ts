/** Story points: the current value, and how it changed (from the changelog), for points at sprint start. */
import type { StoryPointsChange } from '@pulse/core';
import type { FieldRef, JiraIssue } from '../payloads.ts';
import { fieldChanges } from './changes.ts';

/** A story-point value as Jira gives it (a number, or a numeric string in changelogs); undefined if none. */
export function pointsOf(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function storyPointsHistory(
  issue: JiraIssue,
  field: FieldRef,
  createdAt: string,
): StoryPointsChange[] {
  const changes = fieldChanges(issue, field);
  const initial =
    changes.length > 0
      ? pointsOf(changes[0]!.fromString ?? changes[0]!.from)
      : pointsOf(issue.fields[field.id]);
  const entry = (at: string, value: number | undefined): StoryPointsChange =>
    value === undefined ? { at } : { at, value };
  return [entry(createdAt, initial), ...changes.map((c) => entry(c.at, pointsOf(c.toString ?? c.to)))];
}
