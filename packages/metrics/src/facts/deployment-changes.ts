/**
 * Deployment → changes: the commits each successful deployment shipped, found in the commit graph.
 *
 * A deployment ships the commits reachable from its commit that no earlier successful deployment of
 * the same repository and environment shipped. Series are processed in time order, so "shipped
 * earlier" is exactly the deployment_commits rows already present for the series; this is
 * `git rev-list D ^previous` without walking the previous deployment's whole history. The first
 * deployment of a series ships everything known back to `changesSince`, not nothing.
 *
 * Incremental: only series with deployments that have no facts yet are touched, from their earliest
 * such deployment on (a late-arriving deployment recomputes the series after it).
 */
import type { Tx } from '@pulse/db';
import type { FactOptions } from '../options.ts';

interface PendingSeries {
  repositoryId: number;
  environment: string;
  since: Date;
}

interface SeriesDeployment {
  id: number;
  commitSha: string;
  finishedAt: Date;
  isProduction: boolean;
}

/** Computes change sets for every deployment that lacks them; returns how many were computed. */
export async function computeDeploymentChanges(
  tx: Tx,
  tenantId: string,
  options: FactOptions,
): Promise<number> {
  const pending = await tx.query<PendingSeries>(
    `select d.repository_id as "repositoryId", d.environment, min(d.finished_at) as since
       from deployments d
      where d.tenant_id = $1 and d.status = 'success'
        and not exists (select 1 from deployment_facts f where f.tenant_id = d.tenant_id and f.deployment_id = d.id)
      group by 1, 2`,
    [tenantId],
  );
  let computed = 0;
  for (const series of pending.rows) computed += await recomputeSeries(tx, tenantId, series, options);
  return computed;
}

async function recomputeSeries(
  tx: Tx,
  tenantId: string,
  series: PendingSeries,
  options: FactOptions,
): Promise<number> {
  const params = [tenantId, series.repositoryId, series.environment, series.since];
  await tx.query(
    `delete from deployment_commits dc using deployments d
      where dc.tenant_id = $1 and d.tenant_id = $1 and d.id = dc.deployment_id
        and d.repository_id = $2 and d.environment = $3 and d.finished_at >= $4`,
    params,
  );
  await tx.query(
    'delete from deployment_facts where tenant_id = $1 and repository_id = $2 and environment = $3 and finished_at >= $4',
    params,
  );
  const deployments = await tx.query<SeriesDeployment>(
    `select id, commit_sha as "commitSha", finished_at as "finishedAt", is_production as "isProduction"
       from deployments
      where tenant_id = $1 and repository_id = $2 and environment = $3 and status = 'success' and finished_at >= $4
      order by finished_at, id`,
    params,
  );
  const before = await tx.query<{ id: number }>(
    `select id from deployments
      where tenant_id = $1 and repository_id = $2 and environment = $3 and status = 'success' and finished_at < $4
      order by finished_at desc, id desc limit 1`,
    params,
  );
  let previous: number | null = before.rows[0]?.id ?? null;
  for (const deployment of deployments.rows) {
    await shipChanges(tx, tenantId, series, deployment, previous, options);
    previous = deployment.id;
  }
  return deployments.rows.length;
}

async function shipChanges(
  tx: Tx,
  tenantId: string,
  series: PendingSeries,
  deployment: SeriesDeployment,
  previous: number | null,
  options: FactOptions,
): Promise<void> {
  const shipped = await tx.query(
    `with recursive walk(sha) as (
        select c.sha from commits c
         where c.tenant_id = $1 and c.repository_id = $2 and c.sha = $4
           and not exists (select 1 from deployment_commits dc join deployments d on d.tenant_id = dc.tenant_id and d.id = dc.deployment_id
                            where dc.tenant_id = $1 and dc.repository_id = $2 and dc.sha = c.sha and d.environment = $3)
        union
        select c.sha from walk w
          join commit_parents p on p.tenant_id = $1 and p.repository_id = $2 and p.sha = w.sha
          join commits c on c.tenant_id = $1 and c.repository_id = $2 and c.sha = p.parent_sha
         where ($6::timestamptz is null or c.committed_at >= $6)
           and not exists (select 1 from deployment_commits dc join deployments d on d.tenant_id = dc.tenant_id and d.id = dc.deployment_id
                            where dc.tenant_id = $1 and dc.repository_id = $2 and dc.sha = c.sha and d.environment = $3)
      )
      insert into deployment_commits (tenant_id, deployment_id, repository_id, sha)
      select $1, $5, $2, sha from walk`,
    [
      tenantId,
      series.repositoryId,
      series.environment,
      deployment.commitSha,
      deployment.id,
      options.changesSince,
    ],
  );
  await tx.query(
    `insert into deployment_facts (tenant_id, deployment_id, repository_id, environment, is_production, finished_at,
                                   previous_deployment_id, change_count, commit_known)
     values ($1, $2, $3, $4, $5, $6, $7, $8,
             exists (select 1 from commits where tenant_id = $1 and repository_id = $3 and sha = $9))`,
    [
      tenantId,
      deployment.id,
      series.repositoryId,
      series.environment,
      deployment.isProduction,
      deployment.finishedAt,
      previous,
      shipped.rowCount,
      deployment.commitSha,
    ],
  );
}
