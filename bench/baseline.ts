/**
 * The baseline: the headline DORA numbers computed from the raw domain tables at request time, the
 * way a dashboard querying deployments, commits, commit_parents, pull_requests and incidents
 * directly would do it. No facts tables are read.
 *
 * Per request, one statement:
 * 1. walks the commit graph from every successful production deployment that finished in the
 *    period (or within the failure window after it, whose change set can mark a deployment failed),
 *    stopping at commits an earlier successful deployment of the same repository and environment
 *    deployed ("git log D ^previous", one recursive query for all deployments);
 * 2. counts the period's deployments and deployment days, and the failed ones: named by an
 *    incident, or the latest production deployment of the incident's repository before it within
 *    the window, or followed within the window by a rollback (a redeploy that ships nothing new), or
 *    repaired by a later revert commit or hotfix pull request (the latest deployment before the fix
 *    that is not itself a rollback);
 * 3. turns the shipped commits into changes (a merged pull request by its merge commit, with its
 *    earliest commit; or a commit of no merged pull request) and takes the lead time percentiles of
 *    those first deployed in the period. Bots' pull requests are excluded.
 *
 * Step 1 stops at deployed commits rather than at everything an earlier deployment shipped: the two
 * agree whenever every branch forks at or after the previous deployment's commit and every rollback
 * redeploys a commit a successful deployment deployed, which the generated data guarantees. Lead
 * time takes the first deployment among those walked, which is the first production deployment when
 * each repository has one production environment (true of the generated data).
 */
import { withTenant, type Db } from '@pulse/db';
import { defaultFactOptions, type FactOptions } from '@pulse/metrics';

export interface BaselineFigures {
  deployments: number;
  deploymentDays: number;
  failed: number;
  leadTimeSamples: number;
  leadTimeMedian: number | null;
  leadTimeP75: number | null;
  leadTimeP90: number | null;
}

// $1 tenant, $2 from, $3 to, $4 failure window (hours), $5 revert pattern, $6 hotfix pattern,
// $7 bot pattern, $8 time zone.
export const baselineSql = `
with recursive
walk (deployment_id, repository_id, environment, finished_at, sha) as (
  select d.id, d.repository_id, d.environment, d.finished_at, d.commit_sha
    from deployments d
   where d.tenant_id = $1 and d.is_production and d.status = 'success'
     and d.finished_at >= $2 and d.finished_at < $3::timestamptz + make_interval(hours => $4)
     and exists (select 1 from commits c
                  where c.tenant_id = $1 and c.repository_id = d.repository_id and c.sha = d.commit_sha)
     and not exists (select 1 from deployments e
                      where e.tenant_id = $1 and e.repository_id = d.repository_id and e.environment = d.environment
                        and e.status = 'success' and e.commit_sha = d.commit_sha
                        and (e.finished_at, e.id) < (d.finished_at, d.id))
  union
  select w.deployment_id, w.repository_id, w.environment, w.finished_at, p.parent_sha
    from walk w
    join commit_parents p on p.tenant_id = $1 and p.repository_id = w.repository_id and p.sha = w.sha
   where exists (select 1 from commits c
                  where c.tenant_id = $1 and c.repository_id = w.repository_id and c.sha = p.parent_sha)
     and not exists (select 1 from deployments e
                      where e.tenant_id = $1 and e.repository_id = w.repository_id and e.environment = w.environment
                        and e.status = 'success' and e.commit_sha = p.parent_sha
                        and (e.finished_at, e.id) < (w.finished_at, w.deployment_id))
),
shipped as (
  select w.deployment_id, w.repository_id, w.finished_at, w.sha, c.authored_at, c.message
    from walk w
    join commits c on c.tenant_id = $1 and c.repository_id = w.repository_id and c.sha = w.sha
),
fixes as (
  select s.deployment_id, bool_or(s.message ~* $5) as revert,
         coalesce(bool_or(pr.head_branch ~* $6 or exists (select 1 from unnest(pr.labels) l where l ~* $6)), false)
           as hotfix
    from shipped s
    left join pull_requests pr on pr.tenant_id = $1 and pr.repository_id = s.repository_id and pr.merge_commit_sha = s.sha
   group by s.deployment_id
),
production as (
  select d.id, d.repository_id, d.environment, d.commit_sha, d.finished_at,
         row_number() over w as seq, lag(d.commit_sha) over w as previous_sha,
         lead(d.id) over w as next_id, lead(d.finished_at) over w as next_at, lead(d.commit_sha) over w as next_sha
    from deployments d
   where d.tenant_id = $1 and d.is_production and d.status = 'success'
  window w as (partition by d.repository_id, d.environment order by d.finished_at, d.id)
),
-- A revert or hotfix repairs the latest earlier deployment that is not itself a rollback (a
-- walked deployment that shipped nothing and redeployed an older, known commit).
targeted as (
  select r.*, max(r.seq) filter (where not r.is_rollback) over (
           partition by r.repository_id, r.environment order by r.seq rows between unbounded preceding and 1 preceding
         ) as target_seq
    from (
      select p.*, p.finished_at >= $2 and p.finished_at < $3::timestamptz + make_interval(hours => $4)
                  and p.previous_sha is not null and p.previous_sha <> p.commit_sha
                  and not exists (select 1 from fixes x where x.deployment_id = p.id)
                  and exists (select 1 from commits c
                               where c.tenant_id = $1 and c.repository_id = p.repository_id and c.sha = p.commit_sha)
               as is_rollback
        from production p
    ) r
),
repaired as (
  select t.id
    from targeted r
    join fixes x on x.deployment_id = r.id and (x.revert or x.hotfix)
    join production t on t.repository_id = r.repository_id and t.environment = r.environment and t.seq = r.target_seq
   where r.finished_at - t.finished_at <= make_interval(hours => $4)
),
period as (
  select * from production where finished_at >= $2 and finished_at < $3
),
blamed as (
  select i.deployment_id as id from incidents i where i.tenant_id = $1 and i.deployment_id is not null
  union
  select latest.id
    from incidents i
   cross join lateral (
     select d.id from deployments d
      where d.tenant_id = $1 and d.repository_id = i.repository_id and d.is_production and d.status = 'success'
        and d.finished_at <= i.started_at and d.finished_at > i.started_at - make_interval(hours => $4)
      order by d.finished_at desc, d.id desc limit 1
   ) latest
   where i.tenant_id = $1 and i.deployment_id is null and i.repository_id is not null
),
failed as (
  select p.id
    from period p
   where p.id in (select id from blamed)
      or p.id in (select id from repaired)
      or (p.next_at - p.finished_at <= make_interval(hours => $4)
          and not exists (select 1 from fixes n where n.deployment_id = p.next_id) and p.next_sha <> p.commit_sha
          and exists (select 1 from commits c
                       where c.tenant_id = $1 and c.repository_id = p.repository_id and c.sha = p.next_sha))
),
first_shipped as (
  select repository_id, sha, min(finished_at) as deployed_at, min(authored_at) as authored_at
    from shipped group by repository_id, sha
),
changes as (
  select f.deployed_at,
         greatest(0, extract(epoch from f.deployed_at - coalesce(
           (select min(coalesce(pc.authored_at, pc.committed_at)) from pull_request_commits pc
             where pc.tenant_id = $1 and pc.pull_request_id = pr.id), pr.created_at)))::float8 as lead_time
    from first_shipped f
    join pull_requests pr on pr.tenant_id = $1 and pr.repository_id = f.repository_id
                         and pr.merge_commit_sha = f.sha and pr.merged_at is not null
    left join identities ai on ai.tenant_id = $1 and ai.id = pr.author_identity_id
    left join people pe on pe.tenant_id = $1 and pe.id = ai.person_id
   where not (coalesce(ai.is_bot, false) or coalesce(pe.is_bot, false) or coalesce(ai.login ~* $7, false))
  union all
  select f.deployed_at, greatest(0, extract(epoch from f.deployed_at - f.authored_at))::float8
    from first_shipped f
   where not exists (select 1 from pull_requests pr
                      where pr.tenant_id = $1 and pr.repository_id = f.repository_id
                        and pr.merged_at is not null and pr.merge_commit_sha = f.sha)
     and not exists (select 1 from pull_request_commits pc
                       join pull_requests pr on pr.tenant_id = pc.tenant_id and pr.id = pc.pull_request_id
                      where pc.tenant_id = $1 and pc.sha = f.sha and pr.repository_id = f.repository_id
                        and pr.merged_at is not null)
),
lead_time as (
  select count(*) as samples,
         percentile_cont(0.5) within group (order by lead_time) as median,
         percentile_cont(0.75) within group (order by lead_time) as p75,
         percentile_cont(0.9) within group (order by lead_time) as p90
    from changes where deployed_at >= $2 and deployed_at < $3
)
select (select count(*) from period) as deployments,
       (select count(distinct (finished_at at time zone $8)::date) from period) as "deploymentDays",
       (select count(*) from failed) as failed,
       l.samples as "leadTimeSamples", l.median as "leadTimeMedian", l.p75 as "leadTimeP75", l.p90 as "leadTimeP90"
  from lead_time l`;

export async function baselineDora(
  db: Db,
  tenantId: string,
  period: { from: Date; to: Date; timeZone?: string },
  options: FactOptions = defaultFactOptions,
): Promise<BaselineFigures> {
  return withTenant(db, tenantId, async (tx) => {
    const result = await tx.query<BaselineFigures>(baselineSql, [
      tenantId,
      period.from,
      period.to,
      options.failureWindowHours,
      options.revertPattern,
      options.hotfixPattern,
      options.botPattern,
      period.timeZone ?? 'UTC',
    ]);
    return result.rows[0]!;
  });
}
