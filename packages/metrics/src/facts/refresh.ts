/**
 * Brings a tenant's metric facts up to date with its domain data, in one transaction under the
 * tenant's row-level security. Every step is incremental: only deployments without facts walk the
 * commit graph; pull request and change facts are recomputed for what changed (see each step) and
 * their histograms recounted from the earliest day that changed; failure and rework reasons are
 * re-derived from compact per-deployment facts, writing only the rows whose reasons changed.
 * `full: true` deletes every fact of the tenant and rebuilds it, for changed options or identity
 * merges.
 */
import { withTenant, type Db, type Tx } from '@pulse/db';
import { recountDays } from '../histogram/recount.ts';
import { pullRequestHistogram } from '../histogram/source.ts';
import { factOptions, type FactOptions } from '../options.ts';
import { computeChangeFacts } from './change-facts.ts';
import { computeDeploymentChanges } from './deployment-changes.ts';
import { computeDeploymentFailures } from './deployment-failures.ts';
import { recountLeadTimeDays } from './lead-time-days.ts';
import { computePullRequestFacts, expirePullRequestFacts } from './pull-request-facts.ts';

export interface RefreshResult {
  /** Deployments whose change sets were (re)computed. */
  readonly deployments: number;
}

export interface RefreshOptions extends Partial<FactOptions> {
  /** Rebuild every fact of the tenant instead of bringing them up to date. */
  readonly full?: boolean;
}

export async function refreshFacts(
  db: Db,
  tenantId: string,
  { full = false, ...overrides }: RefreshOptions = {},
): Promise<RefreshResult> {
  const options = factOptions(overrides);
  const { result, changed } = await withTenant(db, tenantId, async (tx) => {
    // Nothing computed yet is a full build too: the set-wise path is cheaper than "what changed".
    const rebuild = full || !(await hasFacts(tx));
    if (full) await deleteFacts(tx, tenantId);
    const deployments = await computeDeploymentChanges(tx, tenantId, options);
    const expired = rebuild ? null : await expirePullRequestFacts(tx, tenantId);
    const computed = await computePullRequestFacts(tx, tenantId, options);
    await recountDays(tx, pullRequestHistogram, tenantId, rebuild ? 'all' : [expired, computed]);
    const days = await computeChangeFacts(tx, tenantId, rebuild);
    await recountLeadTimeDays(tx, tenantId, rebuild ? 'all' : days);
    await computeDeploymentFailures(tx, tenantId, options);
    const changed = rebuild || deployments > 0 || expired !== null || computed !== null || days.length > 0;
    return { result: { deployments }, changed };
  });
  if (changed && db.kind === 'pglite') await analyzeForNextRefresh(db);
  return result;
}

/** The tables an incremental refresh reads; their statistics steer its plans. */
const refreshTables = [
  'deployments',
  'commits',
  'commit_parents',
  'pull_requests',
  'pull_request_commits',
  'pull_request_reviews',
  'incidents',
  'deployment_commits',
  'deployment_facts',
  'pull_request_facts',
  'pull_request_stage_days',
  'change_facts',
  'change_lead_time_days',
];

/**
 * PGlite has no autovacuum, so nothing else keeps planner statistics: an incremental refresh over
 * never-analyzed tables (facts written by the first refresh, rows from the push API) can get a
 * nested-loop walk of the commit graph that runs for minutes instead of milliseconds. PostgreSQL's
 * autovacuum does this by itself. ANALYZE needs the table owner: the connection's own role.
 */
async function analyzeForNextRefresh(db: Db): Promise<void> {
  await db.exec(`ANALYZE ${refreshTables.join(', ')}`);
}

async function hasFacts(tx: Tx): Promise<boolean> {
  const result = await tx.query<{ some: boolean }>(
    'select exists (select 1 from pull_request_facts) or exists (select 1 from change_facts) as some',
  );
  return result.rows[0]!.some;
}

async function deleteFacts(tx: Tx, tenantId: string): Promise<void> {
  const tables = [
    'change_lead_time_days',
    'change_facts',
    'pull_request_stage_days',
    'pull_request_facts',
    'deployment_facts',
  ];
  for (const table of tables) {
    await tx.query(`delete from ${table} where tenant_id = $1`, [tenantId]);
  }
  await tx.query('delete from deployment_commits where tenant_id = $1', [tenantId]);
}
