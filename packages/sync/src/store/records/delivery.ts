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
    ['service', 'text'],
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
  const services = await servicesByName(
    page,
    items.flatMap(({ record: r }) =>
      r.repository === undefined && r.service !== undefined ? [r.service] : [],
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
      const repositoryId =
        r.repository === undefined
          ? (services.get((r.service ?? '').toLowerCase()) ?? null)
          : page.repository(r.repository, r.source);
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
        service: r.service ?? null,
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

/**
 * Repositories named by incidents' `service` (lower case → id): a full name first, else a name;
 * a hosted repository before a local clone. A service matching none stays unlinked, not an error.
 */
async function servicesByName(page: Page, services: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(services.map((s) => s.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const result = await page.tx.query<{ service: string; id: number }>(
    `SELECT s.service, r.id FROM json_array_elements_text($2::json) AS s(service)
     CROSS JOIN LATERAL (
       SELECT id FROM repositories r
       WHERE r.tenant_id = $1 AND (lower(r.full_name) = s.service OR lower(r.name) = s.service)
       ORDER BY lower(r.full_name) = s.service DESC, r.source = 'git', r.id LIMIT 1) r`,
    [page.ctx.tenantId, JSON.stringify(wanted)],
  );
  return new Map(result.rows.map((row) => [row.service, row.id]));
}
