/**
 * deletions: Jira reports no deleted issues (no event, no tombstone in search), so deletions are
 * found by reconciliation. Every `reconcileHours` (and on every --full run), after the issues
 * stream, it lists the ids of every issue the integration selects (a search asking for the id
 * only) and emits one deletion that keeps only those: a deleted issue, or one moved out of the
 * selected projects, disappears with its transitions, links and incident. Any failure (a project
 * not readable, a 5xx streak) fails the partition before anything is deleted; raw payloads are not
 * kept, so `pulse reprocess` never replays an old list.
 */
import type { Json, Page, Stream } from '../../kit/contract.ts';
import { readFrom } from '../../kit/time-window.ts';
import type { JiraConfig, JiraSecrets } from '../config.ts';
import { issueExternalId } from '../ids.ts';
import { issuePartitions, scopeOf, updatedSince } from '../jql.ts';
import { mapDeletions, type IdList } from '../map/deletions.ts';
import { loadSite } from '../site.ts';
import { checkProject } from './projects.ts';
import { searchIssues } from './search.ts';

export type DeletionCursor = { reconciledAt?: string };

export const deletionsStream: Stream<JiraConfig, JiraSecrets, DeletionCursor> = {
  name: 'deletions',
  dependsOn: ['issues'],
  keepRaw: false,
  partitions: async () => [{ key: '' }],
  map: mapDeletions,
  async *read(ctx, { cursor, mode }): AsyncGenerator<Page<DeletionCursor>> {
    const now = ctx.now();
    const last = cursor?.reconciledAt;
    const due =
      mode === 'full' ||
      last === undefined ||
      now.getTime() - Date.parse(last) >= ctx.config.reconcileHours * 3_600_000;
    if (!due) return;
    const site = await loadSite(ctx);
    const ids: string[] = [];
    for (const partition of issuePartitions(ctx.config)) {
      const scope = scopeOf(partition);
      if (scope.project !== undefined) await checkProject(ctx, scope.project);
      const jql = updatedSince(
        scope,
        readFrom({ overlapMinutes: 0, since: ctx.config.since }, undefined),
        site.timeZone,
      );
      for await (const page of searchIssues(ctx, {
        jql,
        fields: ['id'],
        expandChangelog: false,
        pageSize: 1000,
      }))
        for (const issue of page) ids.push(issueExternalId(ctx.config, issue.id));
    }
    const list: IdList = {
      ids,
      ...(ctx.config.projects.jql === undefined ? { projects: ctx.config.projects.keys ?? [] } : {}),
    };
    yield {
      items: [{ externalId: 'issue-ids', payload: list as unknown as Json }],
      cursor: { reconciledAt: now.toISOString() },
    };
  },
};
