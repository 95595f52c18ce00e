/**
 * The SQL of the failure and rework rules (deployment-failures.ts explains the rules).
 * Parameters: $1 tenant, then $2 the failure window in hours (hotfixFlagsSql: the hotfix pattern).
 */

/**
 * Production deployments in series order, with what the failure rules need: whether each one is a
 * rollback (redeployed an older commit: shipped nothing new) and the deployment a revert or hotfix
 * in it repairs: the latest earlier deployment that is not itself a rollback. "Rollback, then
 * hotfix" therefore fails the deployment that was rolled back, not the rollback that restored
 * service.
 */
const production = `
production as (
  select f.deployment_id, f.repository_id, f.environment, f.finished_at, f.ships_revert, f.ships_hotfix,
         row_number() over w as seq,
         lag(f.deployment_id) over w as previous_id,
         lag(f.finished_at) over w as previous_at,
         f.commit_known and f.change_count = 0 and d.commit_sha <> lag(d.commit_sha) over w as is_rollback
    from deployment_facts f
    join deployments d on d.tenant_id = f.tenant_id and d.id = f.deployment_id
   where f.tenant_id = $1 and f.is_production
  window w as (partition by f.repository_id, f.environment order by f.finished_at, f.deployment_id)
),
repaired as (
  select p.*, max(seq) filter (where not coalesce(is_rollback, false))
                over (partition by p.repository_id, p.environment order by seq rows between unbounded preceding and 1 preceding)
                as target_seq
    from production p
)`;

const fixes = `
fixes as (
  select p.previous_id as deployment_id, p.deployment_id as fix_id, p.finished_at as fixed_at, 'rollback' as kind
    from production p
   where p.is_rollback and p.finished_at - p.previous_at <= make_interval(hours => $2)
  union all
  select t.deployment_id, r.deployment_id, r.finished_at, k.kind
    from repaired r
    join lateral (select 'revert' as kind where r.ships_revert
                  union all select 'hotfix' where r.ships_hotfix) k on true
    join production t on t.repository_id = r.repository_id and t.environment = r.environment and t.seq = r.target_seq
   where r.finished_at - t.finished_at <= make_interval(hours => $2)
)`;

const incidentLinks = `
incident_links as (
  select i.id as incident_id, i.deployment_id, i.resolved_at, 'explicit' as linked
    from incidents i
    join deployment_facts f on f.tenant_id = i.tenant_id and f.deployment_id = i.deployment_id and f.is_production
   where i.tenant_id = $1 and i.deployment_id is not null
  union all
  select i.id, latest.deployment_id, i.resolved_at, 'same_repository'
    from incidents i
   cross join lateral (
     select f.deployment_id from deployment_facts f
      where f.tenant_id = $1 and f.is_production and f.repository_id = i.repository_id
        and f.finished_at <= i.started_at and f.finished_at > i.started_at - make_interval(hours => $2)
      order by f.finished_at desc, f.deployment_id desc limit 1
   ) latest
   where i.tenant_id = $1 and i.deployment_id is null and i.repository_id is not null
)`;

/** Recomputes failure reasons and recovery for the tenant; writes only the rows that changed. */
export const failuresSql = `
with ${production}, ${fixes}, ${incidentLinks},
reasons as (
  select deployment_id, jsonb_build_object('kind', kind, 'deploymentId', fix_id) as reason,
         fixed_at, null::timestamptz as resolved_at, false as is_incident, false as open_incident
    from fixes
  union all
  select deployment_id, jsonb_build_object('kind', 'incident', 'incidentId', incident_id, 'linked', linked),
         null, resolved_at, true, resolved_at is null
    from incident_links
),
failed as (
  select deployment_id,
         jsonb_agg(reason order by reason->>'kind', reason) as reasons,
         least(min(fixed_at),
               case when bool_or(is_incident) and not bool_or(open_incident) then max(resolved_at) end) as recovered_at
    from reasons group by deployment_id
)
update deployment_facts f
   set failure_reasons = coalesce(x.reasons, '[]'), recovered_at = x.recovered_at
  from deployment_facts o left join failed x on x.deployment_id = o.deployment_id
 where o.tenant_id = $1 and f.tenant_id = $1 and f.deployment_id = o.deployment_id
   and (f.failure_reasons is distinct from coalesce(x.reasons, '[]') or f.recovered_at is distinct from x.recovered_at)`;

/**
 * Rework: the fix deployments of failed deployments, and production deployments whose every
 * shipped pull request (at least one) is linked to a defect or incident work item. A release that
 * batches one bug fix with planned work is planned work, not rework.
 */
export const reworkSql = `
with fix_reasons as (
  select (reason->>'deploymentId')::bigint as deployment_id,
         jsonb_build_object('kind', reason->>'kind', 'fixes', f.deployment_id) as reason
    from deployment_facts f cross join lateral jsonb_array_elements(f.failure_reasons) reason
   where f.tenant_id = $1 and f.is_failed and reason->>'kind' in ('rollback', 'revert', 'hotfix')
),
fix_prs as (
  select distinct pr.id, pr.repository_id, pr.merge_commit_sha, wi.id as work_item_id
    from work_items wi
    join work_item_pull_requests l on l.tenant_id = wi.tenant_id and l.work_item_id = wi.id
    join pull_requests pr on pr.tenant_id = l.tenant_id and pr.id = l.pull_request_id
   where wi.tenant_id = $1 and wi.kind in ('defect', 'incident') and pr.merge_commit_sha is not null
),
candidates as (
  select distinct f.deployment_id
    from fix_prs x
    join deployment_commits dc on dc.tenant_id = $1 and dc.repository_id = x.repository_id and dc.sha = x.merge_commit_sha
    join deployment_facts f on f.tenant_id = $1 and f.deployment_id = dc.deployment_id and f.is_production
),
defect_fixes as (
  select c.deployment_id, jsonb_build_object('kind', 'defect_fix', 'workItemId', x.work_item_id) as reason
    from candidates c
    join deployment_commits dc on dc.tenant_id = $1 and dc.deployment_id = c.deployment_id
    join fix_prs x on x.repository_id = dc.repository_id and x.merge_commit_sha = dc.sha
   where not exists (
     select 1 from deployment_commits dc2
       join pull_requests pr on pr.tenant_id = dc2.tenant_id and pr.repository_id = dc2.repository_id
                            and pr.merge_commit_sha = dc2.sha
      where dc2.tenant_id = $1 and dc2.deployment_id = c.deployment_id
        and not exists (select 1 from fix_prs y where y.id = pr.id))
),
grouped as (
  select deployment_id, jsonb_agg(distinct reason) as reasons
    from (select * from fix_reasons union all select * from defect_fixes) r
   group by deployment_id
)
update deployment_facts f set rework_reasons = coalesce(g.reasons, '[]')
  from deployment_facts o left join grouped g on g.deployment_id = o.deployment_id
 where o.tenant_id = $1 and f.tenant_id = $1 and f.deployment_id = o.deployment_id
   and f.rework_reasons is distinct from coalesce(g.reasons, '[]')`;

/**
 * A pull request's labels or branch may change after the deployment that shipped it was computed:
 * re-read the hotfix flag of earlier production deployments shipping a pull request whose facts this
 * refresh recomputed (pull_request_facts.computed_at = now(), the transaction's start).
 */
export const hotfixFlagsSql = `
with touched as (
  select distinct pf.deployment_id from pull_request_facts pf
   where pf.tenant_id = $1 and pf.computed_at = now() and pf.deployment_id is not null
)
update deployment_facts f
   set ships_hotfix = exists (
     select 1 from deployment_commits dc
       join pull_requests pr on pr.tenant_id = dc.tenant_id and pr.repository_id = dc.repository_id
                            and pr.merge_commit_sha = dc.sha
      where dc.tenant_id = $1 and dc.deployment_id = f.deployment_id
        and (pr.head_branch ~* $2 or exists (select 1 from unnest(pr.labels) l where l ~* $2)))
  from touched t
 where f.tenant_id = $1 and f.deployment_id = t.deployment_id and f.computed_at <> now()`;
