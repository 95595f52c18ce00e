import { describe, expect, it } from 'vitest';
import {
  pullRequestNode,
  pullRequestsData,
  pullRequestsQuery,
  pullRequestsVariables,
} from './graphql-examples.ts';
import { validateGraphqlQuery, validateGraphqlResult } from './validate-graphql.ts';

/** The error message a validator throws, or undefined when it accepts. */
function messageOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const resultViolations = (data: unknown, variables: Record<string, unknown> = pullRequestsVariables) =>
  messageOf(() => validateGraphqlResult(pullRequestsQuery, variables, data));

/** The example page with its first pull request changed by `edit`. */
function withNode(edit: (node: Record<string, unknown>) => void) {
  const node: Record<string, unknown> = pullRequestNode();
  edit(node);
  return pullRequestsData([node]);
}

const nodePath = 'data.repository.pullRequests.nodes[0]';

describe('validateGraphqlQuery', () => {
  it('accepts the connector-style pull request query, with and without variables', () => {
    expect(messageOf(() => validateGraphqlQuery(pullRequestsQuery))).toBeUndefined();
    expect(messageOf(() => validateGraphqlQuery(pullRequestsQuery, pullRequestsVariables))).toBeUndefined();
  });

  it('rejects fields and arguments GitHub does not have, with their location', () => {
    const message = messageOf(() =>
      validateGraphqlQuery('{ repository(owner: "acme", name: "api") { mergedCount } }'),
    );
    expect(message).toContain('Cannot query field "mergedCount" on type "Repository".');
    expect(message).toMatch(/Did you mean .*\(at 1:44\)/);
    expect(messageOf(() => validateGraphqlQuery('{ viewer { login(format: "x") } }'))).toContain(
      'Unknown argument "format" on field "User.login"',
    );
  });

  it('rejects a selection-less object field and a syntax error', () => {
    expect(messageOf(() => validateGraphqlQuery('{ viewer }'))).toContain(
      'must have a selection of subfields',
    );
    expect(messageOf(() => validateGraphqlQuery('{ viewer { login }'))).toContain('does not parse');
  });

  it('rejects variables that do not fit the operation', () => {
    expect(messageOf(() => validateGraphqlQuery(pullRequestsQuery, { owner: 'acme' }))).toContain(
      'Variable "$name" of required type "String!" was not provided.',
    );
    expect(messageOf(() => validateGraphqlQuery(pullRequestsQuery, { owner: 'acme', name: 7 }))).toContain(
      'String cannot represent a non string value: 7',
    );
  });

  it('needs an operation name when the document holds several operations', () => {
    const two = 'query A { viewer { login } } query B { viewer { id } }';
    expect(messageOf(() => validateGraphqlQuery(two, {}))).toContain('no single operation');
    expect(messageOf(() => validateGraphqlQuery(two, {}, 'B'))).toBeUndefined();
  });
});

describe('validateGraphqlResult accepts what GitHub sends', () => {
  it('a pull request page with fragments, inline fragments and nulls where the schema allows them', () => {
    expect(resultViolations(pullRequestsData())).toBeUndefined();
    const open = withNode((node) =>
      Object.assign(node, { state: 'OPEN', mergedAt: null, mergeCommit: null }),
    );
    expect(resultViolations(open)).toBeUndefined();
    expect(resultViolations(pullRequestsData([]))).toBeUndefined();
  });

  it('an author of another Actor type, which lacks the User-only field', () => {
    const bot = withNode((node) => (node.author = { __typename: 'Bot', login: 'dependabot' }));
    expect(resultViolations(bot)).toBeUndefined();
    expect(resultViolations(withNode((node) => (node.author = null)))).toBeUndefined();
  });

  it('leaves out a field whose @include is false', () => {
    const withoutReviews = withNode((node) => delete node.reviews);
    expect(
      resultViolations(withoutReviews, { ...pullRequestsVariables, withReviews: false }),
    ).toBeUndefined();
    expect(resultViolations(withoutReviews)).toContain(
      `${nodePath}.reviews: requested field PullRequest.reviews is missing`,
    );
  });

  it('honours aliases, and infers the runtime type of an abstract field without __typename', () => {
    const query = '{ me: viewer { handle: login } node(id: "U_1") { id ... on User { name } } }';
    const data = { me: { handle: 'octocat' }, node: { id: 'U_1', name: 'Mona' } };
    expect(messageOf(() => validateGraphqlResult(query, undefined, data))).toBeUndefined();
    expect(
      messageOf(() => validateGraphqlResult(query, undefined, { ...data, me: { login: 'octocat' } })),
    ).toContain('data.me.login: not requested by the query (User)');
  });
});

describe('validateGraphqlResult rejects drift', () => {
  it('a field the query did not request', () => {
    const extra = withNode((node) => (node.body = 'Adds retries'));
    expect(resultViolations(extra)).toContain(`${nodePath}.body: not requested by the query (PullRequest)`);
  });

  it('a missing non-null field and a null non-null field', () => {
    expect(resultViolations(withNode((node) => delete node.number))).toContain(
      `${nodePath}.number: requested field PullRequest.number is missing`,
    );
    expect(resultViolations(withNode((node) => (node.title = null)))).toContain(
      `${nodePath}.title: non-null String! is null`,
    );
  });

  it('wrong scalar types: a string for an Int, a number for an ID, a date for a DateTime', () => {
    const message = resultViolations(
      withNode((node) => Object.assign(node, { additions: '212', id: 42, createdAt: '2024-02-28' })),
    );
    expect(message).toContain(`${nodePath}.additions: expected a 32-bit integer (Int), got "212"`);
    expect(message).toContain(`${nodePath}.id: expected a string ID (ID), got 42`);
    expect(message).toContain(`${nodePath}.createdAt: expected an ISO-8601 UTC date-time string (DateTime)`);
  });

  it('an abbreviated commit id and an enum value GitHub does not have', () => {
    const message = resultViolations(
      withNode((node) => Object.assign(node, { mergeCommit: { oid: 'acb5820' }, state: 'DONE' })),
    );
    expect(message).toContain(`${nodePath}.mergeCommit.oid: expected a full hex git object ID (GitObjectID)`);
    expect(message).toContain(`${nodePath}.state: "DONE" is not a value of enum PullRequestState`);
  });

  it('a list where an object is expected, and an object where a list is expected', () => {
    const message = resultViolations(
      withNode((node) =>
        Object.assign(node, { commits: [{ totalCount: 4 }], reviews: { nodes: { id: 'x' } } }),
      ),
    );
    expect(message).toContain(
      `${nodePath}.commits: expected an object (PullRequestCommitConnection), got a list`,
    );
    expect(message).toContain(
      `${nodePath}.reviews.nodes: expected a list ([PullRequestReview]), got an object`,
    );
  });

  it('a __typename that is wrong or not a possible type', () => {
    const wrongTimeline = withNode(
      (node) =>
        (node.timelineItems = { nodes: [{ __typename: 'Commit', createdAt: '2024-02-28T17:00:00Z' }] }),
    );
    expect(resultViolations(wrongTimeline)).toContain(
      `${nodePath}.timelineItems.nodes[0].__typename: "Commit" is not a possible type of PullRequestTimelineItems`,
    );
    // The __typename decides which fragments apply: a User must carry the `... on User` fields.
    const user = withNode((node) => (node.author = { __typename: 'User', login: 'octocat' }));
    expect(resultViolations(user)).toContain(
      `${nodePath}.author.databaseId: requested field User.databaseId is missing`,
    );
    const viewer = messageOf(() =>
      validateGraphqlResult(
        '{ viewer { __typename login } }',
        {},
        { viewer: { __typename: 'Bot', login: 'x' } },
      ),
    );
    expect(viewer).toContain('data.viewer.__typename: expected "User", got "Bot"');
  });

  it('an author without __typename that fits no Actor type', () => {
    const message = resultViolations(
      withNode((node) => (node.author = { login: 'octocat', databaseId: 583231 })),
    );
    expect(message).toContain(`${nodePath}.author: no possible type of Actor fits (no __typename)`);
  });

  it('a null or missing data object', () => {
    expect(resultViolations(null)).toContain('data: non-null Query! is null');
    expect(resultViolations({ rateLimit: pullRequestsData().rateLimit })).toContain(
      'data.repository: requested field Query.repository is missing',
    );
  });
});
