/** deployment and incident records. */
import { buildRows, naturalKey } from '../build-rows.ts';
import { refKey, upsertSql, type Item, type Page } from '../page.ts';
import { describeRepository } from './commit.ts';
import { writeRepositoryScoped } from './repository-scoped.ts';

const upsertDeployments = upsertSql({
  table: 'deployments',
  key: ['source', 'external_id'],
  columns: [
    ['repository_id', 'bigint'],
    ['source', 'text'],
    ['external_id', 'text'],
    ['environment', 'text'],
    ['is_production', 'boolean'],
    ['commit_sha', 'text'],
    ['ref', 'text'],
    ['status', 'text'],
    ['url', 'text'],
    ['started_at', 'timestamptz'],
    ['finished_at', 'timestamptz'],
  ],
  returning: 'id::text',
});

const upsertIncidents = upsertSql({
  table: 'incidents',
  key: ['source', 'external_id'],
  columns: [
    ['source', 'text'],
    ['external_id', 'text'],
    ['title', 'text'],
    ['url', 'text'],
    ['severity', 'text'],
    ['status', 'text'],
    ['repository_id', 'bigint'],
    ['deployment_id', 'bigint'],
    ['started_at', 'timestamptz'],
    ['resolved_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  returning: 'id::text',
});

export function writeDeployments(page: Page, items: readonly Item<'deployment'>[]): Promise<Set<string>> {
  return writeRepositoryScoped(page, 'deployment', items, upsertDeployments, (r, repositoryId) => ({
    repository_id: repositoryId,
    source: r.source,
    external_id: r.externalId,
    environment: r.environment,
    is_production: r.isProduction ?? false,
    commit_sha: r.commitSha,
    ref: r.ref ?? null,
    status: r.status,
    url: r.url ?? null,
    started_at: r.startedAt ?? null,
    finished_at: r.finishedAt,
  }));
}

export async function writeIncidents(page: Page, items: readonly Item<'incident'>[]): Promise<Set<string>> {
  await page.repositories(
    items.flatMap((i) =>
      i.record.repository === undefined ? [] : [[i.record.repository, i.record.source] as const],
    ),
  );
  const deployments = await page.lookup(
    'deployments',
    items.flatMap(({ record: r }) => (r.deployment === undefined ? [] : [refKey(r.deployment, r.source)])),
  );
  const { rows } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const repositoryId = r.repository === undefined ? null : page.repository(r.repository, r.source);
      if (repositoryId === undefined)
        return page.unknown('incident', item, 'repository', describeRepository(r.repository!, r.source));
      const deploymentKey = r.deployment === undefined ? undefined : refKey(r.deployment, r.source);
      const deploymentId = deploymentKey === undefined ? null : deployments.get(deploymentKey);
      if (deploymentId === undefined)
        return page.unknown('incident', item, 'deployment', `deployment ${deploymentKey}`);
      return {
        source: r.source,
        external_id: r.externalId,
        title: r.title,
        url: r.url ?? null,
        severity: r.severity ?? null,
        status: r.status,
        repository_id: repositoryId,
        deployment_id: deploymentId,
        started_at: r.startedAt,
        resolved_at: r.resolvedAt ?? null,
        // Without a source time, the last known change: stable, so a re-import changes nothing.
        updated_at: r.updatedAt ?? r.resolvedAt ?? r.startedAt,
      };
    },
    naturalKey,
  );
  return page.upsert(upsertIncidents, rows);
}
