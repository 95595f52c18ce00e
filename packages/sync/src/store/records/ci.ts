/** pipeline_run and commit_check records (CI results of a repository). */
import { upsertSql, type Item, type Page } from '../page.ts';
import { writeRepositoryScoped } from './repository-scoped.ts';

const upsertRuns = upsertSql({
  table: 'pipeline_runs',
  key: ['source', 'external_id'],
  columns: [
    ['repository_id', 'bigint'],
    ['source', 'text'],
    ['external_id', 'text'],
    ['name', 'text'],
    ['head_sha', 'text'],
    ['head_branch', 'text'],
    ['event', 'text'],
    ['status', 'text'],
    ['conclusion', 'text'],
    ['url', 'text'],
    ['started_at', 'timestamptz'],
    ['finished_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  returning: 'id::text',
});

const upsertChecks = upsertSql({
  table: 'commit_checks',
  key: ['source', 'external_id'],
  columns: [
    ['repository_id', 'bigint'],
    ['source', 'text'],
    ['external_id', 'text'],
    ['sha', 'text'],
    ['name', 'text'],
    ['state', 'text'],
    ['url', 'text'],
    ['started_at', 'timestamptz'],
    ['completed_at', 'timestamptz'],
  ],
  returning: 'id::text',
});

export function writePipelineRuns(page: Page, items: readonly Item<'pipeline_run'>[]): Promise<Set<string>> {
  return writeRepositoryScoped(page, 'pipeline_run', items, upsertRuns, (r, repositoryId) => ({
    repository_id: repositoryId,
    source: r.source,
    external_id: r.externalId,
    name: r.name,
    head_sha: r.headSha ?? null,
    head_branch: r.headBranch ?? null,
    event: r.event ?? null,
    status: r.status,
    conclusion: r.conclusion ?? null,
    url: r.url ?? null,
    started_at: r.startedAt ?? null,
    finished_at: r.finishedAt ?? null,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  }));
}

export function writeCommitChecks(page: Page, items: readonly Item<'commit_check'>[]): Promise<Set<string>> {
  return writeRepositoryScoped(page, 'commit_check', items, upsertChecks, (r, repositoryId) => ({
    repository_id: repositoryId,
    source: r.source,
    external_id: r.externalId,
    sha: r.sha,
    name: r.name,
    state: r.state,
    url: r.url ?? null,
    started_at: r.startedAt ?? null,
    completed_at: r.completedAt ?? null,
  }));
}
