/**
 * Brings a tenant's metric facts up to date with its domain data, in one transaction under the
 * tenant's row-level security. Deployment change sets are incremental (only new deployments walk
 * the commit graph); failures, pull request stages and lead time samples are recomputed set-wise.
 */
import { withTenant, type Db } from '@pulse/db';
import { factOptions, type FactOptions } from '../options.ts';
import { computeChangeFacts } from './change-facts.ts';
import { computeDeploymentChanges } from './deployment-changes.ts';
import { computeDeploymentFailures } from './deployment-failures.ts';
import { computePullRequestFacts } from './pull-request-facts.ts';

export interface RefreshResult {
  /** Deployments whose change sets were (re)computed. */
  readonly deployments: number;
}

export async function refreshFacts(
  db: Db,
  tenantId: string,
  overrides: Partial<FactOptions> = {},
): Promise<RefreshResult> {
  const options = factOptions(overrides);
  return withTenant(db, tenantId, async (tx) => {
    const deployments = await computeDeploymentChanges(tx, tenantId, options);
    await computeDeploymentFailures(tx, tenantId, options);
    await computePullRequestFacts(tx, tenantId, options);
    await computeChangeFacts(tx, tenantId);
    return { deployments };
  });
}
