/**
 * Completes a pull request's nested connections. The page query asks for the first 100 of each;
 * any connection that says hasNextPage is followed with its own query for that pull request (or
 * review) until it ends, so nothing is ever truncated.
 */
import { graphql, type GithubContext } from '../client.ts';
import type { Connection, PullRequestNode, ReviewNode } from '../map/pull-requests.ts';
import { pullRequestConnectionQueries, reviewCommentsQuery } from '../queries/pull-requests.ts';

/** Returns the pull request with every nested connection complete (pageInfo says no next page). */
export async function completePullRequest(
  ctx: GithubContext,
  pr: PullRequestNode,
  repository: string,
): Promise<PullRequestNode> {
  const labels = await complete(ctx, pullRequestConnectionQueries.labels, pr.id, pr.labels, repository);
  const commits = await complete(ctx, pullRequestConnectionQueries.commits, pr.id, pr.commits, repository);
  const reviews = await complete(ctx, pullRequestConnectionQueries.reviews, pr.id, pr.reviews, repository);
  const completeReviews: ReviewNode[] = [];
  for (const review of reviews.nodes) {
    const comments = await complete(ctx, reviewCommentsQuery, review.id, review.comments, repository);
    completeReviews.push({ ...review, comments });
  }
  return { ...pr, labels, commits, reviews: { ...reviews, nodes: completeReviews } };
}

async function complete<T>(
  ctx: GithubContext,
  query: string,
  id: string,
  first: Connection<T>,
  repository: string,
): Promise<Connection<T>> {
  const nodes = [...first.nodes];
  let pageInfo = first.pageInfo;
  while (pageInfo.hasNextPage) {
    const data = await graphql<{ node: { connection: Connection<T> } | null }>(
      ctx,
      query,
      { id, after: pageInfo.endCursor },
      { repository },
    );
    if (data.node === null) break; // deleted between the two requests: what we have is all there is
    nodes.push(...data.node.connection.nodes);
    pageInfo = data.node.connection.pageInfo;
  }
  return { pageInfo: { hasNextPage: false, endCursor: pageInfo.endCursor }, nodes };
}
