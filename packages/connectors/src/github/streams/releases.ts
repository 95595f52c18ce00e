/**
 * releases: read only when `deployments.source` is 'releases' (Pulse has no release record of its
 * own): each published release becomes a production deployment of its tag's commit. Limit: a draft
 * published long after it was created is older than the cursor window and is not seen.
 */
import type { Json, MapContext, Stream } from '../../kit/contract.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { releaseDeployment } from '../map/deployments.ts';
import { releasesQuery } from '../queries/delivery.ts';
import { repositoryPartitions } from '../repository-list.ts';
import { repositoryListPage } from './graphql-list.ts';
import { readNewestFirst, type NewestFirstCursor } from './newest-first.ts';
import { repositoryOf } from './shared.ts';

type ReleaseNode = Parameters<typeof releaseDeployment>[0];

export const releasesStream: Stream<GithubConfig, GithubSecrets, NewestFirstCursor> = {
  name: 'releases',
  dependsOn: ['repositories'],
  partitions: async (ctx) => (ctx.config.deployments.source === 'releases' ? repositoryPartitions(ctx) : []),
  map: (payload: Json, ctx: MapContext<GithubConfig>) => {
    const deployment = releaseDeployment(payload as unknown as ReleaseNode, ctx);
    return deployment ? [deployment] : [];
  },
  read(ctx, input) {
    const repo = repositoryOf(input.partition);
    return readNewestFirst<ReleaseNode>(ctx, input, {
      page: (after) => repositoryListPage(ctx, releasesQuery, repo, after),
      id: (r) => r.id,
      time: (r) => r.createdAt,
    });
  },
};
