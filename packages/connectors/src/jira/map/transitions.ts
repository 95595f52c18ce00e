/**
 * Status transitions from the changelog. Statuses are named by their current name (looked up by
 * id, so a status renamed in Jira does not split its history in two) and mapped to categories
 * with the integration's mappings. The first record is the status the issue was created in, at
 * its creation, so time in each status can be read from the transitions alone: a status lasts
 * from its transition to the next one.
 */
import type { RecordOf, StatusCategory } from '@pulse/core';
import type { JiraConfig } from '../config.ts';
import type { IssuePayload } from '../payloads.ts';
import { jiraActor } from './actor.ts';
import { statusCategoryOf } from './categories.ts';
import { fieldChanges, statusField } from './changes.ts';

export interface StatusAt {
  readonly name: string;
  readonly category: StatusCategory;
}

/** Names and categories of a status id (or, for an unknown id, of the name the changelog shows). */
export function statusResolver(payload: IssuePayload, config: JiraConfig) {
  return (id: string | null, shown: string | null): StatusAt | undefined => {
    const known = id === null ? undefined : payload.site.statuses[id];
    const name = known?.name ?? shown ?? undefined;
    if (name === undefined || name === '') return undefined;
    return { name, category: statusCategoryOf(name, known?.category, config.mappings.statuses) };
  };
}

export function mapTransitions(
  payload: IssuePayload,
  config: JiraConfig,
  workItemId: string,
  current: StatusAt,
  createdAt: string,
): RecordOf<'transition'>[] {
  const status = statusResolver(payload, config);
  const changes = fieldChanges(payload.issue, statusField);
  const first = changes[0];
  const initial = first === undefined ? current : (status(first.from, first.fromString) ?? current);
  const created: RecordOf<'transition'> = {
    type: 'transition',
    source: 'jira',
    externalId: `${workItemId}:created`,
    workItem: { externalId: workItemId },
    toStatus: initial.name,
    toCategory: initial.category,
    at: createdAt,
  };
  const moves = changes.flatMap((change): RecordOf<'transition'>[] => {
    const to = status(change.to, change.toString);
    if (to === undefined) return [];
    const from = status(change.from, change.fromString);
    const by = jiraActor(change.by, config);
    return [
      {
        type: 'transition',
        source: 'jira',
        externalId: `${workItemId}:${change.id}`,
        workItem: { externalId: workItemId },
        ...(from ? { fromStatus: from.name, fromCategory: from.category } : {}),
        toStatus: to.name,
        toCategory: to.category,
        at: change.at,
        ...(by ? { by } : {}),
      },
    ];
  });
  return [created, ...moves];
}
