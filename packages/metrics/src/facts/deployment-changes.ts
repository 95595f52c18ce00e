/**
 * Deployment → changes: the commits each successful deployment shipped, found in the commit graph.
 *
 * A deployment ships the commits reachable from its commit that no earlier successful deployment of
 * the same repository and environment shipped (`git rev-list D ^earlier…`). The first deployment of
 * a series ships everything known back to `changesSince`, not nothing.
 *
 * Incremental: only series with deployments that have no facts yet are touched, from their earliest
 * such deployment on (a late-arriving deployment recomputes the series after it). Each series is
 * one set-based statement (series-walk-sql.ts), not one graph walk per deployment.
 */
import type { Tx } from '@pulse/db';
import type { FactOptions } from '../options.ts';
import { seriesFactsSql, seriesWalkSql } from './series-walk-sql.ts';

interface PendingSeries {
  repositoryId: number;
  environment: string;
  since: Date;
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
  // dc.repository_id narrows the delete to this series' rows (deployment_commits_sha_idx); without
  // it every series set-up scanned all of the tenant's change sets.
  await tx.query(
    `delete from deployment_commits dc using deployments d
      where dc.tenant_id = $1 and dc.repository_id = $2 and d.tenant_id = $1 and d.id = dc.deployment_id
        and d.repository_id = $2 and d.environment = $3 and d.finished_at >= $4`,
    params,
  );
  await tx.query(
    'delete from deployment_facts where tenant_id = $1 and repository_id = $2 and environment = $3 and finished_at >= $4',
    params,
  );
  const kept = await tx.query(
    `select 1 from deployments where tenant_id = $1 and repository_id = $2 and environment = $3
        and status = 'success' and finished_at < $4 limit 1`,
    params,
  );
  await tx.query(seriesWalkSql(kept.rows.length > 0), [...params, options.changesSince]);
  const facts = await tx.query(seriesFactsSql, [...params, options.revertPattern, options.hotfixPattern]);
  return facts.rowCount ?? 0;
}
