/**
 * pull_requests: per repository, newest-updated first over GraphQL, stopping at the cursor minus
 * the overlap window. Each raw item is one pull request with all nested pages merged.
 *
 * Cursor: `updatedAt` (the newest updatedAt seen), `etag` (the no-change probe's), and `resume`
 * while a long read is under way: pages before the last one carry the previous high-water mark
 * plus where to continue, so a crash resumes mid-repository without advancing past unread pages.
 */
import type { Json, Page, RawItem, Stream } from '../../kit/contract.ts';
import { graphql } from '../client.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { mapPullRequest, type Connection, type PullRequestNode } from '../map/pull-requests.ts';
import { hasChanged, probeRepository } from '../probe.ts';
import { pullRequestPageSize, pullRequestsQuery } from '../queries/pull-requests.ts';
import { repositoryPartitions } from '../repository-list.ts';
import { completePullRequest } from './nested-pages.ts';
import { isBefore, latest, readFrom, repositoryOf } from './shared.ts';

export type PullRequestCursor = {
  updatedAt?: string;
  etag?: string;
  resume?: { after: string; highWater: string; etag: string | null };
};

interface PageData {
  repository: { pullRequests: Connection<PullRequestNode> } | null;
}

export const pullRequestsStream: Stream<GithubConfig, GithubSecrets, PullRequestCursor> = {
  name: 'pull_requests',
  dependsOn: ['repositories'],
  partitions: repositoryPartitions,
  map: mapPullRequest,
  async *read(ctx, { partition, cursor, mode }): AsyncGenerator<Page<PullRequestCursor>> {
    const repo = repositoryOf(partition);
    const previous = cursor ?? {};
    const resume = mode === 'incremental' ? previous.resume : undefined;
    const probe = await probeRepository(ctx, repo.fullName, previous.etag);
    if (mode === 'incremental' && resume === undefined && !hasChanged(probe, previous.etag)) return;

    const from = readFrom(ctx.config, mode === 'incremental' ? previous.updatedAt : undefined);
    const etag = resume ? (resume.etag ?? undefined) : probe.etag;
    let highWater = resume?.highWater ?? previous.updatedAt;
    let after: string | null = resume?.after ?? null;
    for (;;) {
      const data: PageData = await graphql<PageData>(
        ctx,
        pullRequestsQuery,
        { owner: repo.owner, name: repo.name, first: pullRequestPageSize, after },
        { repository: repo.fullName },
      );
      if (data.repository === null) throw new Error(`GitHub returned no repository for ${repo.fullName}`);
      const { nodes, pageInfo } = data.repository.pullRequests;
      const items: RawItem[] = [];
      let reachedCursor = false;
      for (const node of nodes) {
        if (isBefore(node.updatedAt, from)) {
          reachedCursor = true;
          break;
        }
        highWater = latest(highWater, node.updatedAt);
        const pr = await completePullRequest(ctx, node, repo.fullName);
        items.push({ externalId: pr.id, payload: pr as unknown as Json });
      }
      const last = reachedCursor || !pageInfo.hasNextPage || pageInfo.endCursor === null;
      const done: PullRequestCursor = {
        ...(highWater === undefined ? {} : { updatedAt: highWater }),
        ...(etag === undefined ? {} : { etag }),
      };
      const resumeAt: PullRequestCursor = {
        ...(previous.updatedAt === undefined ? {} : { updatedAt: previous.updatedAt }),
        ...(previous.etag === undefined ? {} : { etag: previous.etag }),
        resume: { after: pageInfo.endCursor ?? '', highWater: highWater ?? '', etag: etag ?? null },
      };
      yield { items, cursor: last ? done : resumeAt };
      if (last) return;
      after = pageInfo.endCursor;
    }
  },
};
