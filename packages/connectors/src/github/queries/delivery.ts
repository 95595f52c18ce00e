/** Queries for deployments, releases, tags and merge-commit checks (100 per page). */
import { pageInfo } from './fragments.ts';

// The last few statuses too: a superseded deployment's latest status is INACTIVE, dated when it was
// replaced; its outcome and finish time are those of the status before.
const deploymentFields = `id environment commitOid createdAt ref { name } latestStatus { state createdAt logUrl }
  statuses(last: 5) { nodes { state createdAt } }`;

export const deploymentsQuery = `query Deployments($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    list: deployments(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) { ${pageInfo} nodes { ${deploymentFields} } }
  }
}`;

export const deploymentsByIdQuery = `query DeploymentsById($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Deployment { ${deploymentFields} } }
}`;

export const releasesQuery = `query Releases($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    list: releases(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      ${pageInfo}
      nodes { id url tagName isDraft isPrerelease createdAt publishedAt tagCommit { oid } }
    }
  }
}`;

export const tagsQuery = `query Tags($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    list: refs(refPrefix: "refs/tags/", first: 100, after: $after, orderBy: { field: TAG_COMMIT_DATE, direction: DESC }) {
      ${pageInfo}
      nodes {
        id name
        target { __typename oid ... on Commit { committedDate } ... on Tag { tagger { date } target { __typename oid ... on Commit { committedDate } } } }
      }
    }
  }
}`;

const checkFields = `statusCheckRollup {
  contexts(first: 100) { ${pageInfo} nodes {
    __typename
    ... on CheckRun { id name status conclusion startedAt completedAt detailsUrl }
    ... on StatusContext { id context state createdAt targetUrl }
  } }
}`;

/** Merged pull requests, newest update first, with their merge commit's checks. */
export const mergedChecksQuery = `query MergedChecks($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    list: pullRequests(states: [MERGED], first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      ${pageInfo}
      nodes { updatedAt mergeCommit { id oid ${checkFields} } }
    }
  }
}`;

/** Commits by oid (aliases c0…cN), to re-read checks that were still running. */
export function commitChecksQuery(count: number): string {
  const params = Array.from({ length: count }, (_, i) => `$c${i}: GitObjectID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `c${i}: object(oid: $c${i}) { ... on Commit { id oid ${checkFields} } }`,
  );
  return `query CommitChecks($owner: String!, $name: String!, ${params}) {
  repository(owner: $owner, name: $name) { ${fields.join('\n    ')} }
}`;
}
