/**
 * Per-pull-request stage times (PRODUCT.md "PR stages"):
 * - coding: first commit → ready for review (created, or when a draft was marked ready);
 * - pickup: ready → first review by a human who is not the author (another identity of the same
 *   person does not count; bots never do), submitted before the merge;
 * - review: that first review → merge;
 * - deploy: merge → the first successful production deployment that shipped the merge commit
 *   (for squash and rebase merges, the resulting commit).
 * A stage that has not happened is null. Reviews on a draft count as at the ready time.
 *
 * Incremental: a pull request's facts are recomputed when it has none, when its updated_at moved
 * (GitHub bumps it for commits, reviews, labels and merges), or when a deployment computed in this
 * refresh may have shipped it (a series recomputed from a late deployment, or its first production
 * deployment). Identity changes (a login marked as bot, two identities merged into one person) need
 * a full refresh.
 */
import type { Tx } from '@pulse/db';
import type { FactOptions } from '../options.ts';

/** The earliest UTC merge day (YYYY-MM-DD) of the non-bot rows of a data-modifying CTE `changed`. */
const firstMergeDay = `select to_char(min(merged_at) filter (where not is_bot) at time zone 'UTC', 'YYYY-MM-DD') as day from changed`;

/**
 * Deletes the facts that are out of date (see above); computePullRequestFacts then recomputes them.
 * Returns the earliest merge day among them (null: none), where the stage histogram changes.
 */
export async function expirePullRequestFacts(tx: Tx, tenantId: string): Promise<string | null> {
  // deployment_facts.computed_at = now(): computed in this transaction (now() is its start time).
  const result = await tx.query<{ day: string | null }>(
    `with changed as (
     delete from pull_request_facts f using pull_requests pr
      where f.tenant_id = $1 and pr.tenant_id = $1 and pr.id = f.pull_request_id
        and (pr.updated_at is distinct from f.source_updated_at
             or f.deployment_id in (select deployment_id from deployment_facts where tenant_id = $1 and computed_at = now())
             or (f.merged_at is not null and f.deployment_id is null and exists (
                   select 1 from deployment_commits dc
                     join deployment_facts df on df.tenant_id = dc.tenant_id and df.deployment_id = dc.deployment_id
                    where dc.tenant_id = $1 and dc.repository_id = pr.repository_id and dc.sha = pr.merge_commit_sha
                      and df.is_production and df.computed_at = now())))
      returning f.merged_at, f.is_bot
     ) ${firstMergeDay}`,
    [tenantId],
  );
  return result.rows[0]?.day ?? null;
}

/** Computes the facts of every pull request that has none; returns their earliest merge day, as above. */
export async function computePullRequestFacts(
  tx: Tx,
  tenantId: string,
  options: FactOptions,
): Promise<string | null> {
  const result = await tx.query<{ day: string | null }>(
    `with changed as (
     insert into pull_request_facts (tenant_id, pull_request_id, repository_id, author_identity_id, is_bot, size,
                                     first_commit_at, ready_at, first_review_at, merged_at, deployed_at, deployment_id,
                                     coding_seconds, pickup_seconds, review_seconds, deploy_seconds, source_updated_at)
     select pr.tenant_id, pr.id, pr.repository_id, pr.author_identity_id,
            coalesce(ai.is_bot, false) or coalesce(person.is_bot, false) or coalesce(ai.login ~* $2, false),
            case when pr.additions is null and pr.deletions is null then null
                 else coalesce(pr.additions, 0) + coalesce(pr.deletions, 0) end,
            t.first_commit_at, t.ready_at, rv.first_review_at, pr.merged_at, dep.deployed_at, dep.deployment_id,
            greatest(0, extract(epoch from t.ready_at - t.first_commit_at)),
            -- greatest() skips NULLs: without a review both stages must stay NULL, not 0.
            case when rv.first_review_at is not null
                 then extract(epoch from greatest(rv.first_review_at, t.ready_at) - t.ready_at) end,
            case when rv.first_review_at is not null
                 then extract(epoch from pr.merged_at - greatest(rv.first_review_at, t.ready_at)) end,
            -- A deployment recorded before the merge it shipped (clock skew) counts as immediate.
            case when dep.deployed_at is not null then greatest(0, extract(epoch from dep.deployed_at - pr.merged_at)) end,
            pr.updated_at
       from pull_requests pr
       left join identities ai on ai.tenant_id = pr.tenant_id and ai.id = pr.author_identity_id
       left join people person on person.tenant_id = ai.tenant_id and person.id = ai.person_id
       cross join lateral (
         select coalesce(pr.ready_for_review_at, pr.created_at) as ready_at,
                coalesce((select min(coalesce(c.authored_at, c.committed_at)) from pull_request_commits c
                           where c.tenant_id = pr.tenant_id and c.pull_request_id = pr.id), pr.created_at) as first_commit_at
       ) t
       left join lateral (
         select min(r.submitted_at) as first_review_at
           from pull_request_reviews r
           left join identities ri on ri.tenant_id = r.tenant_id and ri.id = r.reviewer_identity_id
           left join people rp on rp.tenant_id = ri.tenant_id and rp.id = ri.person_id
          where r.tenant_id = pr.tenant_id and r.pull_request_id = pr.id
            and r.state in ('approved', 'changes_requested', 'commented') and r.submitted_at is not null
            and r.submitted_at <= coalesce(pr.merged_at, 'infinity')
            and r.reviewer_identity_id is distinct from pr.author_identity_id
            and (ri.person_id is null or ri.person_id is distinct from ai.person_id)
            and not coalesce(ri.is_bot, false) and not coalesce(rp.is_bot, false) and not coalesce(ri.login ~* $2, false)
       ) rv on true
       left join lateral (
         select f.finished_at as deployed_at, f.deployment_id
           from deployment_commits dc
           join deployment_facts f on f.tenant_id = dc.tenant_id and f.deployment_id = dc.deployment_id and f.is_production
          where dc.tenant_id = pr.tenant_id and dc.repository_id = pr.repository_id and dc.sha = pr.merge_commit_sha
          order by f.finished_at, f.deployment_id limit 1
       ) dep on pr.merged_at is not null
      where pr.tenant_id = $1
        and not exists (select 1 from pull_request_facts f where f.tenant_id = pr.tenant_id and f.pull_request_id = pr.id)
     returning merged_at, is_bot
     ) ${firstMergeDay}`,
    [tenantId, options.botPattern],
  );
  return result.rows[0]?.day ?? null;
}
