/**
 * issues: one partition per project key or JQL query. Incremental on `updated` (oldest first, from
 * the cursor minus the overlap window), each page with its changelogs made complete and the site
 * facts its mapping needs. → work_item (with its sprint and story-point history), transition,
 * incident records.
 */
import type { Json, Page, Stream } from '../../kit/contract.ts';
import { latest, readFrom } from '../../kit/time-window.ts';
import type { JiraContext } from '../client.ts';
import type { JiraConfig, JiraSecrets } from '../config.ts';
import { issueExternalId } from '../ids.ts';
import { issuePartitions, jiraTime, scopeOf, updatedSince } from '../jql.ts';
import { mapIssue } from '../map/issues.ts';
import type { IssuePayload, JiraIssue } from '../payloads.ts';
import { loadSite, type Site } from '../site.ts';
import { withFullChangelog } from './changelog.ts';
import { checkProject } from './projects.ts';
import { searchIssues } from './search.ts';

export type IssueCursor = { updated?: string };

const baseFields = [
  'summary',
  'status',
  'issuetype',
  'priority',
  'assignee',
  'reporter',
  'created',
  'updated',
  'resolutiondate',
  'project',
  'parent',
  'components',
];

/** The fields a search asks for: the standard ones and the site's story-point, sprint and service fields. */
export function issueFields(site: Site): string[] {
  const custom = Object.values(site.fields).map((f) => f.id);
  return [...new Set([...baseFields, ...custom])];
}

export const issuesStream: Stream<JiraConfig, JiraSecrets, IssueCursor> = {
  name: 'issues',
  partitions: async (ctx) => issuePartitions(ctx.config),
  map: mapIssue,
  async *read(ctx, { partition, cursor, mode }): AsyncGenerator<Page<IssueCursor>> {
    const scope = scopeOf(partition);
    if (scope.project !== undefined) await checkProject(ctx, scope.project);
    const site = await loadSite(ctx);
    const previous = mode === 'incremental' ? cursor?.updated : undefined;
    const jql = updatedSince(scope, readFrom(ctx.config, previous), site.timeZone);
    let newest = previous;
    const pages = searchIssues(ctx, {
      jql,
      fields: issueFields(site),
      expandChangelog: true,
      pageSize: ctx.config.pageSize,
    });
    for await (const found of pages) {
      if (found.length === 0) continue;
      const complete = (await Promise.all(found.map((issue) => withFullChangelog(ctx, issue)))).filter(
        (issue): issue is JiraIssue => issue !== null,
      );
      const incidents = await matchingIncidentJql(ctx, complete);
      for (const issue of found) newest = latest(newest, jiraTime(String(issue.fields.updated)));
      yield {
        items: complete.map((issue) => ({
          externalId: issueExternalId(ctx.config, issue.id),
          payload: payloadOf(issue, site, incidents.has(issue.key)) as unknown as Json,
        })),
        cursor: newest === undefined ? {} : { updated: newest },
      };
    }
  },
};

/** The issue with the site facts it needs: its fields, and only the statuses it ever had. */
function payloadOf(issue: JiraIssue, site: Site, incidentJql: boolean): IssuePayload {
  const ids = new Set<string>();
  const current = (issue.fields.status as { id?: string } | undefined)?.id;
  if (current !== undefined) ids.add(current);
  for (const history of issue.changelog?.histories ?? [])
    for (const item of history.items ?? [])
      if (item.field === 'status')
        for (const id of [item.from, item.to]) if (id != null && id !== '') ids.add(id);
  const statuses = Object.fromEntries(
    [...ids].flatMap((id) => (site.statuses[id] ? [[id, site.statuses[id]]] : [])),
  );
  return { issue, site: { fields: site.fields, statuses, ...(incidentJql ? { incidentJql } : {}) } };
}

/** Keys of `issues` that match the integration's incidents JQL (one search per page). */
async function matchingIncidentJql(ctx: JiraContext, issues: readonly JiraIssue[]): Promise<Set<string>> {
  const jql = ctx.config.incidents.jql;
  if (jql === undefined || issues.length === 0) return new Set();
  const keys = issues.map((issue) => `"${issue.key}"`).join(', ');
  const matched = new Set<string>();
  for await (const page of searchIssues(ctx, {
    jql: `(${jql}) AND key in (${keys})`,
    fields: ['id'],
    expandChangelog: false,
    pageSize: Math.max(issues.length, 10),
  }))
    for (const issue of page) matched.add(issue.key);
  return matched;
}
