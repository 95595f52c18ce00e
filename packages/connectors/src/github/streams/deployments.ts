/**
 * deployments: GitHub Deployments with their latest status, newest first. GraphQL gives the latest
 * status inline (REST would need one more request per deployment). Deployments still running are
 * re-read on the next sync: their status changes do not reach the events feed the probe watches.
 * Reads nothing unless `deployments.source` is 'deployments'.
 */
import type { Stream } from '../../kit/contract.ts';
import { graphql } from '../client.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { mapDeployment, type DeploymentNode } from '../map/deployments-stream.ts';
import { deploymentsByIdQuery, deploymentsQuery } from '../queries/delivery.ts';
import { repositoryPartitions } from '../repository-list.ts';
import { repositoryListPage } from './graphql-list.ts';
import { readNewestFirst, type NewestFirstCursor } from './newest-first.ts';
import { repositoryOf } from './shared.ts';

const running = new Set(['IN_PROGRESS', 'QUEUED', 'PENDING', 'WAITING']);

export const deploymentsStream: Stream<GithubConfig, GithubSecrets, NewestFirstCursor> = {
  name: 'deployments',
  dependsOn: ['repositories'],
  partitions: async (ctx) =>
    ctx.config.deployments.source === 'deployments' ? repositoryPartitions(ctx) : [],
  map: mapDeployment,
  read(ctx, input) {
    const repo = repositoryOf(input.partition);
    return readNewestFirst<DeploymentNode>(ctx, input, {
      page: (after) => repositoryListPage(ctx, deploymentsQuery, repo, after),
      refetch: async (ids) => {
        const data = await graphql<{ nodes: (DeploymentNode | null)[] }>(
          ctx,
          deploymentsByIdQuery,
          { ids },
          { allowNotFound: true },
        );
        return data.nodes.filter((n): n is DeploymentNode => n !== null && 'id' in n);
      },
      id: (d) => d.id,
      time: (d) => d.createdAt,
      isPending: (d) => d.latestStatus === null || running.has(d.latestStatus.state),
    });
  },
};
