/**
 * The pull-request queries. One page asks for 100 pull requests, each with its first 100 commits,
 * 100 reviews (20 comments each) and 100 labels: at most 100 + 3·100·100 + 100·100·20 = 230,100
 * nodes, under GitHub's 500,000-node limit, so 1,000 pull requests cost 10 requests plus one per
 * nested connection that really has more (a pull request with 150 commits costs one more).
 * https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api
 */
import { actorFragment, pageInfo } from './fragments.ts';

export const pullRequestPageSize = 100;
export const nestedPageSize = 100;
export const reviewCommentsPerReview = 20;

const reviewCommentFields = `id url path createdAt updatedAt author { ...actor }`;

const reviewFields = `id url state submittedAt createdAt author { ...actor }
  comments(first: ${reviewCommentsPerReview}) { ${pageInfo} nodes { ${reviewCommentFields} } }`;

const commitFields = `commit { oid authoredDate committedDate }`;

const pullRequestFields = `id number title body url state isDraft createdAt updatedAt mergedAt closedAt
  additions deletions changedFiles headRefName baseRefName headRefOid
  author { ...actor } mergedBy { ...actor } mergeCommit { oid }
  timelineItems(first: 1, itemTypes: [READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT]) {
    nodes { __typename ... on ReadyForReviewEvent { createdAt } ... on ConvertToDraftEvent { createdAt } }
  }
  labels(first: ${nestedPageSize}) { ${pageInfo} nodes { name } }
  commits(first: ${nestedPageSize}) { ${pageInfo} nodes { ${commitFields} } }
  reviews(first: ${nestedPageSize}) { ${pageInfo} nodes { ${reviewFields} } }`;

/** A page of a repository's pull requests, most recently updated first. */
export const pullRequestsQuery = `query PullRequests($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      ${pageInfo}
      nodes { ${pullRequestFields} }
    }
  }
}
${actorFragment}`;

/** The next page of one nested connection of a pull request. */
export const pullRequestConnectionQueries = {
  labels: `query PullRequestLabels($id: ID!, $after: String) {
  node(id: $id) { ... on PullRequest { connection: labels(first: ${nestedPageSize}, after: $after) { ${pageInfo} nodes { name } } } }
}`,
  commits: `query PullRequestCommits($id: ID!, $after: String) {
  node(id: $id) { ... on PullRequest { connection: commits(first: ${nestedPageSize}, after: $after) { ${pageInfo} nodes { ${commitFields} } } } }
}`,
  reviews: `query PullRequestReviews($id: ID!, $after: String) {
  node(id: $id) { ... on PullRequest { connection: reviews(first: ${nestedPageSize}, after: $after) { ${pageInfo} nodes { ${reviewFields} } } } }
}
${actorFragment}`,
} as const;

/** The next page of a review's comments. */
export const reviewCommentsQuery = `query ReviewComments($id: ID!, $after: String) {
  node(id: $id) { ... on PullRequestReview { connection: comments(first: ${nestedPageSize}, after: $after) { ${pageInfo} nodes { ${reviewCommentFields} } } } }
}
${actorFragment}`;
