/**
 * The model seen through GitHub's GraphQL schema: plain objects and methods (graphql-js calls a
 * method with the field's arguments), so any selection of these fields resolves correctly.
 */
import {
  fullName,
  type FakeCheck,
  type FakePull,
  type FakeRepository,
  type FakeReview,
  type FakeUser,
} from './model.ts';

export interface ConnectionArgs {
  first?: number;
  last?: number;
  after?: string;
}

const web = 'https://github.com';

/** A GraphQL connection over `items` with opaque cursors (base64 of the offset). */
export function connection<T>(items: readonly T[], args: ConnectionArgs) {
  const start = args.after ? Number(Buffer.from(args.after, 'base64').toString().split(':')[1]) + 1 : 0;
  let end = args.first !== undefined ? Math.min(items.length, start + args.first) : items.length;
  let from = start;
  if (args.last !== undefined && args.first === undefined) from = Math.max(start, end - args.last);
  end = Math.max(end, from);
  const slice = items.slice(from, end);
  const cursor = (i: number) => Buffer.from(`cursor:${i}`).toString('base64');
  return {
    totalCount: items.length,
    nodes: slice,
    edges: slice.map((node, i) => ({ node, cursor: cursor(from + i) })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: from > 0,
      startCursor: slice.length ? cursor(from) : null,
      endCursor: slice.length ? cursor(end - 1) : null,
    },
  };
}

export function actorView(user: FakeUser | null) {
  if (user === null) return null;
  const login = user.type === 'Bot' ? user.login.replace(/\[bot\]$/, '') : user.login;
  return {
    __typename: user.type,
    id: user.id,
    login,
    name: user.name,
    url: `${web}/${login}`,
    avatarUrl: `${web}/${login}.png`,
    resourcePath: `/${login}`,
  };
}

export function commitView(repo: FakeRepository, oid: string, date: string) {
  const checks = repo.checks.get(oid);
  return {
    __typename: 'Commit',
    id: `C_${oid}`,
    oid,
    authoredDate: date,
    committedDate: date,
    url: `${web}/${fullName(repo)}/commit/${oid}`,
    statusCheckRollup: checks ? rollupView(repo, checks) : null,
  };
}

function rollupView(repo: FakeRepository, checks: FakeCheck[]) {
  const state = checks.some((c) => c.state === 'FAILURE')
    ? 'FAILURE'
    : checks.some((c) => c.state === 'PENDING')
      ? 'PENDING'
      : 'SUCCESS';
  return {
    state,
    contexts: (args: ConnectionArgs) =>
      connection(
        checks.map((c) => checkView(repo, c)),
        args,
      ),
  };
}

function checkView(repo: FakeRepository, check: FakeCheck) {
  const url = `${web}/${fullName(repo)}/runs/${check.id}`;
  return check.kind === 'CheckRun'
    ? {
        __typename: 'CheckRun',
        id: check.id,
        name: check.name,
        status: check.status,
        conclusion: check.conclusion,
        startedAt: check.startedAt,
        completedAt: check.completedAt,
        detailsUrl: url,
      }
    : {
        __typename: 'StatusContext',
        id: check.id,
        context: check.name,
        state: check.state,
        createdAt: check.startedAt,
        targetUrl: url,
      };
}

export function reviewView(repo: FakeRepository, pull: FakePull, review: FakeReview) {
  const url = `${web}/${fullName(repo)}/pull/${pull.number}#pullrequestreview-${review.id}`;
  return {
    __typename: 'PullRequestReview',
    id: review.id,
    url,
    state: review.state,
    body: '',
    submittedAt: review.submittedAt,
    createdAt: review.createdAt,
    author: actorView(review.author),
    comments: (args: ConnectionArgs) =>
      connection(
        review.comments.map((c) => ({
          __typename: 'PullRequestReviewComment',
          id: c.id,
          url: `${url}-${c.id}`,
          path: c.path,
          body: '',
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
          author: actorView(c.author),
        })),
        args,
      ),
  };
}

export function pullView(repo: FakeRepository, pull: FakePull) {
  return {
    __typename: 'PullRequest',
    ...pull,
    url: `${web}/${fullName(repo)}/pull/${pull.number}`,
    headRefOid: pull.commits.at(-1)?.oid ?? '0'.repeat(40),
    author: actorView(pull.author),
    mergedBy: actorView(pull.mergedBy),
    mergeCommit: pull.mergeCommitOid ? commitView(repo, pull.mergeCommitOid, pull.mergedAt!) : null,
    labels: (args: ConnectionArgs) =>
      connection(
        pull.labels.map((name) => ({ __typename: 'Label', name })),
        args,
      ),
    timelineItems: (args: ConnectionArgs & { itemTypes?: string[] }) => {
      const wanted = (args.itemTypes ?? []).map((t) => t.toLowerCase().replaceAll('_', ''));
      const items = pull.timeline
        .filter((e) => wanted.length === 0 || wanted.includes(e.type.toLowerCase()))
        .map((e) => ({ __typename: e.type, createdAt: e.createdAt }));
      return connection(items, args);
    },
    commits: (args: ConnectionArgs) =>
      connection(
        pull.commits.map((c) => ({
          __typename: 'PullRequestCommit',
          id: `PRC_${c.oid}`,
          commit: { ...commitView(repo, c.oid, c.committedDate), authoredDate: c.authoredDate },
        })),
        args,
      ),
    reviews: (args: ConnectionArgs) =>
      connection(
        pull.reviews.map((r) => reviewView(repo, pull, r)),
        args,
      ),
  };
}
