/**
 * The SQL that computes the change sets of one deployment series (repository, environment) from
 * `since` on, for all its pending deployments at once.
 *
 * Parameters: $1 tenant, $2 repository id, $3 environment, $4 since (the earliest pending
 * deployment's finished_at), then $5 changesSince for the walk, or $5 revert and $6 hotfix
 * patterns for the facts.
 *
 * Why one walk gives the same answer as walking deployment after deployment: a commit belongs to the
 * earliest deployment (by finished_at, id) whose commit reaches it. Every walk starts at its
 * deployment's commit and stops at the commit of any *earlier* deployment of the series (everything
 * behind that was shipped by it or before) and at commits already shipped by deployments before
 * `since`. A commit reached by several walks goes to the earliest; the earliest deployment reaching
 * a commit always reaches it in its own walk, because a stop on the way would mean an even earlier
 * deployment reaches it. Walks overlap only between a merge's fork point and the nearest earlier
 * deployed commit, so the total work stays close to one visit per commit (a per-deployment loop
 * cost ~10 ms per deployment in round trips and planning).
 */

const series = `series as (
  select d.id, d.commit_sha, d.finished_at, d.is_production,
         row_number() over (order by d.finished_at, d.id) as ord,
         lag(d.id) over (order by d.finished_at, d.id) as previous_id
    from deployments d
   where d.tenant_id = $1 and d.repository_id = $2 and d.environment = $3 and d.status = 'success'
)`;

const shippedBefore = (sha: string) => `exists (
  select 1 from deployment_commits dc join deployments d on d.tenant_id = dc.tenant_id and d.id = dc.deployment_id
   where dc.tenant_id = $1 and dc.repository_id = $2 and dc.sha = ${sha} and d.environment = $3)`;

/** True when an earlier successful deployment (than `fin`, `id`) of the series deployed `sha`. */
const deployedEarlier = (sha: string, fin: string, id: string) => `exists (
  select 1 from deployments e
   where e.tenant_id = $1 and e.repository_id = $2 and e.environment = $3 and e.status = 'success'
     and e.commit_sha = ${sha} and (e.finished_at, e.id) < (${fin}, ${id}))`;

/**
 * The walk. Both stop conditions are index probes (deployments_sha_idx, deployment_commits_sha_idx)
 * per visited commit: a join against the series' deployments as a CTE was planned as a nested loop,
 * O(commits × deployments). `kept` = some deployment of the series before `since` keeps its change
 * set; without one (a first build) nothing can have been shipped before, and the probe is skipped.
 */
export function seriesWalkSql(kept: boolean): string {
  const notShipped = (sha: string) => (kept ? `and not ${shippedBefore(sha)}` : '');
  return `
with recursive walk (finished_at, id, sha) as (
  select d.finished_at, d.id, c.sha
    from deployments d
    join commits c on c.tenant_id = $1 and c.repository_id = $2 and c.sha = d.commit_sha
   where d.tenant_id = $1 and d.repository_id = $2 and d.environment = $3 and d.status = 'success'
     and d.finished_at >= $4
     and not ${deployedEarlier('c.sha', 'd.finished_at', 'd.id')}
     ${notShipped('c.sha')}
  union
  select w.finished_at, w.id, c.sha
    from walk w
    join commit_parents cp on cp.tenant_id = $1 and cp.repository_id = $2 and cp.sha = w.sha
    join commits c on c.tenant_id = $1 and c.repository_id = $2 and c.sha = cp.parent_sha
   where ($5::timestamptz is null or c.committed_at >= $5)
     and not ${deployedEarlier('c.sha', 'w.finished_at', 'w.id')}
     ${notShipped('c.sha')}
)
insert into deployment_commits (tenant_id, deployment_id, repository_id, sha)
select distinct on (sha) $1, id, $2, sha from walk order by sha, finished_at, id`;
}

/** One deployment_facts row per pending deployment, with the flags the failure rules read. */
export const seriesFactsSql = `
with ${series},
shipped as (
  select dc.deployment_id, count(distinct dc.sha) as n,
         bool_or(c.message ~* $5) as revert,
         bool_or(pr.id is not null and (pr.head_branch ~* $6 or exists (select 1 from unnest(pr.labels) l where l ~* $6))) as hotfix
    from series s
    join deployment_commits dc on dc.tenant_id = $1 and dc.deployment_id = s.id
    join commits c on c.tenant_id = $1 and c.repository_id = $2 and c.sha = dc.sha
    left join pull_requests pr on pr.tenant_id = $1 and pr.repository_id = $2 and pr.merge_commit_sha = dc.sha
   where s.finished_at >= $4
   group by dc.deployment_id
)
insert into deployment_facts (tenant_id, deployment_id, repository_id, environment, is_production, finished_at,
                              previous_deployment_id, change_count, commit_known, ships_revert, ships_hotfix)
select $1, s.id, $2, $3, s.is_production, s.finished_at, s.previous_id, coalesce(x.n, 0),
       exists (select 1 from commits c where c.tenant_id = $1 and c.repository_id = $2 and c.sha = s.commit_sha),
       coalesce(x.revert, false), coalesce(x.hotfix, false)
  from series s left join shipped x on x.deployment_id = s.id
 where s.finished_at >= $4`;
