/**
 * commit_checks: the checks (check runs and commit statuses) of the merge commits of pull requests
 * merged since the cursor, from GraphQL's statusCheckRollup (one request for 100 pull requests
 * instead of two REST requests each). Commits whose checks were still running are re-read next
 * time by oid: check results do not reach the events feed the probe watches.
 */
import type { Stream } from '../../kit/contract.ts';
import { graphql } from '../client.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { mapCommitChecks, type CommitChecksNode } from '../map/commit-checks.ts';
import { commitChecksQuery, mergedChecksQuery } from '../queries/delivery.ts';
import { repositoryPartitions } from '../repository-list.ts';
import { repositoryListPage } from './graphql-list.ts';
import { readNewestFirst, type NewestFirstCursor } from './newest-first.ts';
import { repositoryOf } from './shared.ts';

interface MergedNode {
  readonly updatedAt: string;
  readonly mergeCommit: CommitChecksNode | null;
}

/** The raw item: a merge commit with its checks, plus the pull request's update time for ordering. */
type Item = CommitChecksNode & { readonly updatedAt: string };

export const commitChecksStream: Stream<GithubConfig, GithubSecrets, NewestFirstCursor> = {
  name: 'commit_checks',
  dependsOn: ['repositories'],
  partitions: repositoryPartitions,
  map: mapCommitChecks,
  read(ctx, input) {
    const repo = repositoryOf(input.partition);
    return readNewestFirst<Item>(ctx, input, {
      page: async (after) => {
        const page = await repositoryListPage<MergedNode>(ctx, mergedChecksQuery, repo, after);
        const nodes = page.nodes.flatMap((n) =>
          n.mergeCommit ? [{ ...n.mergeCommit, updatedAt: n.updatedAt }] : [],
        );
        return { ...page, nodes };
      },
      refetch: async (oids) => {
        const variables: Record<string, string> = { owner: repo.owner, name: repo.name };
        oids.forEach((oid, i) => (variables[`c${i}`] = oid));
        const data = await graphql<{ repository: Record<string, CommitChecksNode | null> }>(
          ctx,
          commitChecksQuery(oids.length),
          variables,
          { repository: repo.fullName },
        );
        return oids.flatMap((_, i) => {
          const commit = data.repository[`c${i}`];
          return commit ? [{ ...commit, updatedAt: '1970-01-01T00:00:00Z' }] : [];
        });
      },
      id: (c) => c.oid,
      time: (c) => c.updatedAt,
      isPending: (c) =>
        (c.statusCheckRollup?.contexts.nodes ?? []).some((n) =>
          n.__typename === 'CheckRun'
            ? n.status !== 'COMPLETED'
            : n.state === 'PENDING' || n.state === 'EXPECTED',
        ),
    });
  },
};
