/**
 * The yardstick: the same rows COPYed straight into the tables the writer fills for them
 * (pull_requests, commits and commit_parents), ids already
 * known, no conflict handling, as the database owner (COPY cannot load a table with row-level
 * security for the application role). Nothing stored can be faster than this.
 */
import type { NormalisedRecord } from '@pulse/core';
import type { Db } from '@pulse/db';

const prColumns = [
  'tenant_id',
  'repository_id',
  'source',
  'external_id',
  'number',
  'title',
  'body',
  'url',
  'state',
  'is_draft',
  'author_identity_id',
  'merged_by_identity_id',
  'head_branch',
  'base_branch',
  'head_sha',
  'merge_commit_sha',
  'additions',
  'deletions',
  'changed_files',
  'labels',
  'created_at',
  'ready_for_review_at',
  'merged_at',
  'closed_at',
  'updated_at',
];
const commitColumns = [
  'tenant_id',
  'repository_id',
  'sha',
  'author_identity_id',
  'committer_identity_id',
  'authored_at',
  'committed_at',
  'message',
  'additions',
  'deletions',
  'files_changed',
  'parent_count',
];

/** Prepares a tenant's repository and identities; returns a loader of one page by COPY. */
export async function copyLoader(db: Db, tenantId: string, authors: number) {
  const repo = await db.query<{ id: number }>(
    `insert into repositories (tenant_id, source, external_id, name, full_name)
     values ($1, 'github', 'R_copy', 'copy', 'acme/copy') returning id`,
    [tenantId],
  );
  const repositoryId = repo.rows[0]!.id;
  const identities = await db.query<{ id: number }>(
    `insert into identities (tenant_id, source, external_id)
     select $1, 'copy', n::text from generate_series(0, $2 - 1) n returning id`,
    [tenantId, authors],
  );
  const ids = identities.rows.map((row) => row.id);
  const who = (externalId: string | undefined) =>
    ids[Number(externalId?.replace(/\D/g, '') ?? 0) % ids.length]!;

  return (page: readonly NormalisedRecord[]) =>
    db.transaction(async (tx) => {
      const prs: unknown[][] = [];
      const commits: unknown[][] = [];
      const parents: unknown[][] = [];
      for (const r of page) {
        if (r.type === 'pull_request')
          prs.push([
            tenantId,
            repositoryId,
            r.source,
            r.externalId,
            r.number,
            r.title,
            r.body,
            r.url,
            r.state,
            r.isDraft ?? false,
            who(r.author?.externalId),
            who(r.mergedBy?.externalId),
            r.headBranch,
            r.baseBranch,
            r.headSha,
            r.mergeCommitSha,
            r.additions,
            r.deletions,
            r.changedFiles,
            r.labels ?? [],
            r.createdAt,
            r.readyForReviewAt,
            r.mergedAt,
            r.closedAt,
            r.updatedAt,
          ]);
        else if (r.type === 'commit')
          commits.push([
            tenantId,
            repositoryId,
            r.sha,
            who(r.author?.externalId),
            who(r.committer?.externalId),
            r.authoredAt,
            r.committedAt,
            r.message ?? '',
            r.additions,
            r.deletions,
            r.filesChanged,
            r.parents.length,
          ]);
        if (r.type === 'commit')
          r.parents.forEach((parent, position) =>
            parents.push([tenantId, repositoryId, r.sha, parent, position]),
          );
      }
      await tx.copyFrom('pull_requests', prColumns, prs);
      await tx.copyFrom('commits', commitColumns, commits);
      await tx.copyFrom(
        'commit_parents',
        ['tenant_id', 'repository_id', 'sha', 'parent_sha', 'position'],
        parents,
      );
    });
}
