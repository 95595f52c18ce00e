/**
 * issues: REST, oldest update first from the cursor minus the overlap (`since`), so each page can
 * move the cursor. Pull requests, which GitHub lists among issues, are skipped. → work_item
 * records, and incident records for issues with the incident label.
 */
import type { Json, Page, Stream } from '../../kit/contract.ts';
import { restPages } from '../client.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { mapIssue, type Issue } from '../map/issues.ts';
import { hasChanged, probeRepository } from '../probe.ts';
import { repositoryPartitions } from '../repository-list.ts';
import { latest, readFrom, repositoryOf } from './shared.ts';

export type IssueCursor = { updatedAt?: string; etag?: string };

export const issuesStream: Stream<GithubConfig, GithubSecrets, IssueCursor> = {
  name: 'issues',
  dependsOn: ['repositories'],
  partitions: repositoryPartitions,
  map: mapIssue,
  async *read(ctx, { partition, cursor, mode }): AsyncGenerator<Page<IssueCursor>> {
    const repo = repositoryOf(partition);
    const previous = mode === 'incremental' ? (cursor ?? {}) : {};
    const probe = await probeRepository(ctx, repo.fullName, cursor?.etag);
    if (mode === 'incremental' && !hasChanged(probe, previous.etag)) return;

    const from = readFrom(ctx.config, previous.updatedAt);
    const since = from === undefined ? '' : `&since=${encodeURIComponent(from)}`;
    let newest = previous.updatedAt;
    const pages = restPages<Issue[]>(
      ctx,
      `/repos/${repo.fullName}/issues?state=all&sort=updated&direction=asc&per_page=100${since}`,
      {
        repository: repo.fullName,
      },
    );
    let page = await pages.next();
    while (!page.done) {
      const issues = page.value.body.filter((issue) => issue.pull_request === undefined);
      for (const issue of page.value.body) newest = latest(newest, issue.updated_at);
      const next = await pages.next();
      // The probe's ETag is saved with the last page only: an interrupted read must not skip next time.
      const etag = next.done ? probe.etag : previous.etag;
      yield {
        items: issues.map((issue) => ({ externalId: issue.node_id, payload: issue as unknown as Json })),
        cursor: {
          ...(newest === undefined ? {} : { updatedAt: newest }),
          ...(etag === undefined ? {} : { etag }),
        },
      };
      page = next;
    }
  },
};
