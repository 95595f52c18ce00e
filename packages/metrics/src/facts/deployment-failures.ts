/**
 * Why a production deployment counts as failed, when it recovered, and which deployments are
 * rework (unplanned fixes). Every reason is recorded so the UI can show it.
 *
 * A successful production deployment D failed when, within the failure window:
 * - `incident`: an incident names D explicitly (incidents.deployment_id), or, without an explicit
 *   link, D is the latest production deployment of the incident's repository before it started
 *   (an incident in another service never counts against D);
 * - `rollback`: the next production deployment of the series redeployed an older commit
 *   (one D or an earlier deployment already shipped), i.e. shipped nothing new;
 * - `revert` / `hotfix`: the next production deployment of the series ships a revert commit
 *   or a hotfix pull request.
 * D recovered at the first of: the fix deployment (rollback, revert, hotfix) finishing, or all of
 * its incidents being resolved. Fix deployments are rework, and so are deployments shipping a pull
 * request linked to a defect or incident work item.
 */
import type { Tx } from '@pulse/db';
import type { FactOptions } from '../options.ts';

export async function computeDeploymentFailures(
  tx: Tx,
  tenantId: string,
  options: FactOptions,
): Promise<void> {
  await tx.query(
    `update deployment_facts set failure_reasons = '[]', recovered_at = null, rework_reasons = '[]'
      where tenant_id = $1 and (is_failed or is_rework or recovered_at is not null)`,
    [tenantId],
  );
  await tx.query(
    `with production as (
        select f.deployment_id, f.repository_id, f.environment, f.finished_at, f.change_count, f.commit_known,
               d.commit_sha,
               lead(f.deployment_id) over w as next_id,
               lead(f.finished_at) over w as next_at
          from deployment_facts f
          join deployments d on d.tenant_id = f.tenant_id and d.id = f.deployment_id
         where f.tenant_id = $1 and f.is_production
        window w as (partition by f.repository_id, f.environment order by f.finished_at, f.deployment_id)
      ),
      fixes as (
        -- what the next deployment of each series ships that marks this one as failed
        select p.deployment_id, p.next_id, p.next_at, kind
          from production p
          join production n on n.deployment_id = p.next_id
          cross join lateral (
            select 'rollback' as kind where n.commit_known and n.change_count = 0 and n.commit_sha <> p.commit_sha
            union all
            select 'revert' where exists (
              select 1 from deployment_commits dc
                join commits c on c.tenant_id = dc.tenant_id and c.repository_id = dc.repository_id and c.sha = dc.sha
               where dc.tenant_id = $1 and dc.deployment_id = n.deployment_id and c.message ~* $3)
            union all
            select 'hotfix' where exists (
              select 1 from deployment_commits dc
                join pull_requests pr on pr.tenant_id = dc.tenant_id and pr.repository_id = dc.repository_id
                                     and pr.merge_commit_sha = dc.sha
               where dc.tenant_id = $1 and dc.deployment_id = n.deployment_id
                 and (pr.head_branch ~* $4 or exists (select 1 from unnest(pr.labels) l where l ~* $4)))
          ) k
         where p.next_at - p.finished_at <= make_interval(hours => $2)
      ),
      incident_links as (
        select i.id as incident_id, i.deployment_id, i.resolved_at, 'explicit' as linked
          from incidents i join production p on p.deployment_id = i.deployment_id
         where i.tenant_id = $1
        union all
        select i.id, latest.deployment_id, i.resolved_at, 'same_repository'
          from incidents i
          cross join lateral (
            select p.deployment_id from production p
             where p.repository_id = i.repository_id and p.finished_at <= i.started_at
               and p.finished_at > i.started_at - make_interval(hours => $2)
             order by p.finished_at desc, p.deployment_id desc limit 1
          ) latest
         where i.tenant_id = $1 and i.deployment_id is null and i.repository_id is not null
      ),
      reasons as (
        select deployment_id, jsonb_build_object('kind', kind, 'deploymentId', next_id) as reason,
               next_at as fixed_at, null::timestamptz as resolved_at, false as is_incident, false as open_incident
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
      update deployment_facts f set failure_reasons = failed.reasons, recovered_at = failed.recovered_at
        from failed where f.tenant_id = $1 and f.deployment_id = failed.deployment_id`,
    [tenantId, options.failureWindowHours, options.revertPattern, options.hotfixPattern],
  );
  await tx.query(
    `with rework as (
        select (reason->>'deploymentId')::bigint as deployment_id,
               jsonb_build_object('kind', reason->>'kind', 'fixes', f.deployment_id) as reason
          from deployment_facts f cross join lateral jsonb_array_elements(f.failure_reasons) reason
         where f.tenant_id = $1 and f.is_failed and reason->>'kind' in ('rollback', 'revert', 'hotfix')
        union all
        select f.deployment_id, jsonb_build_object('kind', 'defect_fix', 'workItemId', wi.id)
          from deployment_facts f
          join deployment_commits dc on dc.tenant_id = f.tenant_id and dc.deployment_id = f.deployment_id
          join pull_requests pr on pr.tenant_id = dc.tenant_id and pr.repository_id = dc.repository_id and pr.merge_commit_sha = dc.sha
          join work_item_pull_requests l on l.tenant_id = pr.tenant_id and l.pull_request_id = pr.id
          join work_items wi on wi.tenant_id = l.tenant_id and wi.id = l.work_item_id and wi.kind in ('defect', 'incident')
         where f.tenant_id = $1 and f.is_production
      ),
      grouped as (
        select deployment_id, jsonb_agg(distinct reason) as reasons from rework group by deployment_id
      )
      update deployment_facts f set rework_reasons = grouped.reasons
        from grouped where f.tenant_id = $1 and f.deployment_id = grouped.deployment_id`,
    [tenantId],
  );
}
