/**
 * A pull-request page query like the GitHub connector's, and a hand-written result GitHub would send
 * for it, for the GraphQL validator tests.
 */

/** Pull requests of one repository, newest first, with reviews and ready-for-review events. */
export const pullRequestsQuery = /* GraphQL */ `
  query PullRequests($owner: String!, $name: String!, $after: String, $withReviews: Boolean = true) {
    repository(owner: $owner, name: $name) {
      pullRequests(first: 50, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
        nodes {
          ...PullRequestFields
          reviews(first: 50) @include(if: $withReviews) {
            nodes {
              id
              state
              submittedAt
              author {
                login
              }
            }
          }
          timelineItems(first: 20, itemTypes: [READY_FOR_REVIEW_EVENT]) {
            nodes {
              __typename
              ... on ReadyForReviewEvent {
                createdAt
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    rateLimit {
      cost
      remaining
      resetAt
    }
  }

  fragment PullRequestFields on PullRequest {
    id
    number
    title
    state
    isDraft
    createdAt
    mergedAt
    additions
    deletions
    baseRefName
    headRefName
    mergeCommit {
      oid
    }
    author {
      __typename
      login
      ... on User {
        databaseId
      }
    }
    commits {
      totalCount
    }
  }
`;

/** The variables the connector sends for the first page. */
export const pullRequestsVariables = { owner: 'acme', name: 'api', after: null };

/** One merged pull request, as GitHub returns it for pullRequestsQuery. */
export function pullRequestNode() {
  return {
    id: 'PR_kwDOABCD1M5mN0pQ',
    number: 1347,
    title: 'Add rate-limit handling',
    state: 'MERGED',
    isDraft: false,
    createdAt: '2024-02-28T16:03:11Z',
    mergedAt: '2024-03-01T09:12:44Z',
    additions: 212,
    deletions: 37,
    baseRefName: 'main',
    headRefName: 'feature/rate-limits',
    mergeCommit: { oid: 'acb5820ced9479c074f688cc328bf03f341a511d' },
    author: { __typename: 'User', login: 'octocat', databaseId: 583231 },
    commits: { totalCount: 4 },
    reviews: {
      nodes: [
        {
          id: 'PRR_kwDOABCD1M5xYz12',
          state: 'APPROVED',
          submittedAt: '2024-02-29T11:20:00Z',
          author: { login: 'hubot' },
        },
      ],
    },
    timelineItems: { nodes: [{ __typename: 'ReadyForReviewEvent', createdAt: '2024-02-28T17:00:00Z' }] },
  };
}

/** The whole `data` member for one page holding `nodes`. */
export function pullRequestsData(nodes: unknown[] = [pullRequestNode()]) {
  return {
    repository: {
      pullRequests: {
        nodes,
        pageInfo: { hasNextPage: false, endCursor: 'Y3Vyc29yOnYyOpK5MjAyNC0wMy0wMVQwOToxMjo0NFrOZjdKcA==' },
      },
    },
    rateLimit: { cost: 1, remaining: 4987, resetAt: '2024-03-01T10:00:00Z' },
  };
}
