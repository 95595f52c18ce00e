/**
 * Maps a stored issue payload (streams/issues.ts) to a work_item with its sprint and story-point
 * history, its status transitions, and an incident when the issue is one (kind incident after the
 * type mapping, or matched by the incidents JQL); otherwise a deletion of any incident stored for
 * it, so remapping a type away from incidents takes effect.
 */
import type { NormalisedRecord, RecordOf } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import { issueUrl, type JiraConfig } from '../config.ts';
import { issueExternalId } from '../ids.ts';
import { jiraTime } from '../jql.ts';
import type { IssuePayload, JiraStatus, JiraUser } from '../payloads.ts';
import { jiraActor } from './actor.ts';
import { kindOf, statusCategoryOf } from './categories.ts';
import { mapIncident } from './incident.ts';
import { sprintHistory } from './sprint-history.ts';
import { pointsOf, storyPointsHistory } from './story-points.ts';
import { mapTransitions } from './transitions.ts';

interface Named {
  readonly name?: string;
  readonly key?: string;
}

export function mapIssue(raw: Json, ctx: MapContext<JiraConfig>): NormalisedRecord[] {
  const payload = raw as unknown as IssuePayload;
  const { issue, site } = payload;
  const { config } = ctx;
  const fields = issue.fields;
  const id = issueExternalId(config, issue.id);
  const status = fields.status as JiraStatus | undefined;
  const statusName = status?.name ?? 'Unknown';
  const current = {
    name: statusName,
    category: statusCategoryOf(statusName, status?.statusCategory?.key, config.mappings.statuses),
  };
  const typeName = (fields.issuetype as Named | undefined)?.name;
  const kind = kindOf(typeName, config.mappings.types);
  const createdAt = jiraTime(String(fields.created));
  const updatedAt = jiraTime(String(fields.updated));
  const resolvedAt = typeof fields.resolutiondate === 'string' ? jiraTime(fields.resolutiondate) : undefined;
  const assignee = jiraActor(fields.assignee as JiraUser | null, config);
  const reporter = jiraActor(fields.reporter as JiraUser | null, config);
  const points = site.fields.storyPoints;
  const sprint = site.fields.sprint;
  const storyPoints = points === undefined ? undefined : pointsOf(fields[points.id]);
  const item: RecordOf<'work_item'> = {
    type: 'work_item',
    source: 'jira',
    externalId: id,
    key: issue.key,
    title: String(fields.summary ?? ''),
    url: issueUrl(config, issue.key),
    kind,
    ...(typeName ? { typeName } : {}),
    status: statusName,
    statusCategory: current.category,
    ...((fields.priority as Named | null)?.name ? { priority: (fields.priority as Named).name! } : {}),
    ...(storyPoints === undefined ? {} : { storyPoints }),
    ...((fields.project as Named | undefined)?.key ? { projectKey: (fields.project as Named).key! } : {}),
    ...((fields.parent as Named | undefined)?.key ? { parentKey: (fields.parent as Named).key! } : {}),
    ...(assignee ? { assignee } : {}),
    ...(reporter ? { reporter } : {}),
    createdAt,
    ...(resolvedAt ? { resolvedAt } : {}),
    updatedAt,
    ...(sprint ? { sprints: sprintHistory(issue, sprint, config, createdAt) } : {}),
    ...(points ? { storyPointsHistory: storyPointsHistory(issue, points, createdAt) } : {}),
  };
  const transitions = mapTransitions(payload, config, id, current, createdAt);
  const isIncident = kind === 'incident' || site.incidentJql === true;
  const incident: NormalisedRecord = isIncident
    ? mapIncident(payload, item, transitions)
    : { type: 'deletion', source: 'jira', recordType: 'incident', externalId: id };
  return [item, ...transitions, incident];
}
