/** The Repository object of the fake GitHub's GraphQL API. */
import { actorView, commitView, connection, pullView, type ConnectionArgs } from './graphql-views.ts';
import { fullName, type FakeRepository } from './model.ts';

interface ListArgs {
  first?: number;
  last?: number;
  after?: string;
  orderBy?: { field: string; direction: 'ASC' | 'DESC' };
  states?: string[];
}

function ordered<T>(items: readonly T[], key: (item: T) => string | number, direction: 'ASC' | 'DESC'): T[] {
  const sign = direction === 'DESC' ? -1 : 1;
  return [...items].sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
}

/** Finds a commit's date for views that only know the oid. */
export function commitDate(repo: FakeRepository, oid: string): string {
  for (const pull of repo.pulls) {
    if (pull.mergeCommitOid === oid) return pull.mergedAt!;
    const commit = pull.commits.find((c) => c.oid === oid);
    if (commit) return commit.committedDate;
  }
  return repo.createdAt;
}

export function repositoryView(repo: FakeRepository) {
  const name = fullName(repo);
  return {
    __typename: 'Repository',
    id: repo.id,
    name: repo.name,
    nameWithOwner: name,
    url: `https://github.com/${name}`,
    isArchived: repo.isArchived,
    defaultBranchRef: { __typename: 'Ref', name: repo.defaultBranch },
    pullRequests: (args: ListArgs) => {
      const field = args.orderBy?.field ?? 'CREATED_AT';
      const key =
        field === 'UPDATED_AT'
          ? (p: { updatedAt: string }) => p.updatedAt
          : (p: { createdAt: string }) => p.createdAt;
      const pulls = repo.pulls.filter((p) => !args.states || args.states.includes(p.state));
      return connection(
        ordered(pulls, key, args.orderBy?.direction ?? 'ASC').map((p) => pullView(repo, p)),
        args,
      );
    },
    deployments: (args: ListArgs) =>
      connection(
        ordered(repo.deployments, (d) => d.createdAt, args.orderBy?.direction ?? 'ASC').map((d) =>
          deploymentView(repo, d),
        ),
        args,
      ),
    releases: (args: ListArgs) =>
      connection(
        ordered(
          repo.releases,
          (r) => (args.orderBy?.field === 'NAME' ? r.name : r.createdAt),
          args.orderBy?.direction ?? 'DESC',
        ).map((r) => {
          const tag = repo.tags.find((t) => t.name === r.tagName);
          return {
            __typename: 'Release',
            ...r,
            url: `https://github.com/${name}/releases/tag/${r.tagName}`,
            updatedAt: r.publishedAt ?? r.createdAt,
            tagCommit: tag ? commitView(repo, tag.commitOid, tag.commitDate) : null,
          };
        }),
        args,
      ),
    refs: (args: ListArgs & { refPrefix: string; direction?: 'ASC' | 'DESC' }) => {
      if (args.refPrefix !== 'refs/tags/') return connection([], args);
      const direction = args.orderBy?.direction ?? args.direction ?? 'ASC';
      const tags =
        args.orderBy?.field === 'TAG_COMMIT_DATE'
          ? ordered(repo.tags, (t) => t.commitDate, direction)
          : ordered(repo.tags, (t) => t.name, direction);
      return connection(
        tags.map((t) => {
          const commit = commitView(repo, t.commitOid, t.commitDate);
          const target = t.annotated
            ? {
                __typename: 'Tag',
                id: `TAG_${t.annotated.oid}`,
                oid: t.annotated.oid,
                tagger: { date: t.annotated.date, name: 'alice', email: 'alice@example.com' },
                target: commit,
              }
            : commit;
          return { __typename: 'Ref', id: t.id, name: t.name, prefix: 'refs/tags/', target };
        }),
        args,
      );
    },
    object: (args: { oid?: string }) =>
      args.oid && repo.checks.has(args.oid) ? commitView(repo, args.oid, commitDate(repo, args.oid)) : null,
  };
}

export function deploymentView(repo: FakeRepository, deployment: FakeRepository['deployments'][number]) {
  const latest = deployment.statuses.at(-1);
  const state = latest === undefined ? 'PENDING' : latest.state === 'SUCCESS' ? 'ACTIVE' : latest.state;
  return {
    __typename: 'Deployment',
    ...deployment,
    latestEnvironment: deployment.environment,
    originalEnvironment: deployment.environment,
    ref: { __typename: 'Ref', name: deployment.ref },
    state,
    task: 'deploy',
    updatedAt: latest?.createdAt ?? deployment.createdAt,
    creator: actorView(null),
    statuses: (args: ConnectionArgs) =>
      connection(
        deployment.statuses.map((s) => ({ __typename: 'DeploymentStatus', ...s, updatedAt: s.createdAt })),
        args,
      ),
    latestStatus: latest
      ? {
          __typename: 'DeploymentStatus',
          state: latest.state,
          createdAt: latest.createdAt,
          updatedAt: latest.createdAt,
          logUrl: `https://github.com/${fullName(repo)}/actions/runs/1`,
          environmentUrl: null,
        }
      : null,
  };
}
