/** Fetches one page of a repository connection aliased `list` (the delivery queries). */
import { graphql, type GithubContext } from '../client.ts';
import type { Connection } from '../map/pull-requests.ts';
import type { RepositoryPartition } from './shared.ts';

export async function repositoryListPage<T>(
  ctx: GithubContext,
  query: string,
  repo: RepositoryPartition,
  after: string | null,
): Promise<{ nodes: readonly T[]; endCursor: string | null; hasNextPage: boolean }> {
  const data = await graphql<{ repository: { list: Connection<T> } }>(
    ctx,
    query,
    { owner: repo.owner, name: repo.name, after },
    { repository: repo.fullName },
  );
  const { nodes, pageInfo } = data.repository.list;
  return { nodes, endCursor: pageInfo.endCursor, hasNextPage: pageInfo.hasNextPage };
}
