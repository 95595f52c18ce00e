/**
 * The SQL behind change_facts (change-facts.ts). Parameter: $1 tenant. `full` builds the version
 * that derives every change of the tenant; otherwise only what this refresh touched, i.e. rows with
 * `computed_at = now()`: now() is the transaction's start, the same for every row it writes.
 * Each statement returns the distinct UTC days of the rows it deleted or inserted.
 */

const days = (cte: string) =>
  `select distinct to_char(deployed_at at time zone 'UTC', 'YYYY-MM-DD') as day from ${cte}`;

/** Commits whose change row may have changed: shipped now, or part of a pull request recomputed now. */
const touchedCommits = `
touched as (
  select dc.repository_id, dc.sha
    from deployment_facts f
    join deployment_commits dc on dc.tenant_id = f.tenant_id and dc.deployment_id = f.deployment_id
   where f.tenant_id = $1 and f.is_production and f.computed_at = now()
  union
  select pr.repository_id, pc.sha
    from pull_request_facts f
    join pull_requests pr on pr.tenant_id = f.tenant_id and pr.id = f.pull_request_id
    join pull_request_commits pc on pc.tenant_id = pr.tenant_id and pc.pull_request_id = pr.id
   where f.tenant_id = $1 and f.computed_at = now()
  union
  select pr.repository_id, pr.merge_commit_sha
    from pull_request_facts f
    join pull_requests pr on pr.tenant_id = f.tenant_id and pr.id = f.pull_request_id
   where f.tenant_id = $1 and f.computed_at = now() and pr.merge_commit_sha is not null
)`;

/** Deletes the change rows to derive again (all of them on a full refresh). */
export function staleChangesSql(full: boolean): string {
  if (full)
    return `with gone as (delete from change_facts where tenant_id = $1 returning deployed_at) ${days('gone')}`;
  return `
with ${touchedCommits},
targets as (
  select c.repository_id, c.change_kind, c.change_ref
    from pull_request_facts f
    join change_facts c on c.tenant_id = f.tenant_id and c.repository_id = f.repository_id
                       and c.change_kind = 'pull_request' and c.change_ref = f.pull_request_id::text
   where f.tenant_id = $1 and f.computed_at = now()
  union
  select t.repository_id, 'commit', t.sha from touched t
  union
  select c.repository_id, c.change_kind, c.change_ref
    from change_facts c
    join deployment_facts f on f.tenant_id = c.tenant_id and f.deployment_id = c.deployment_id
   where c.tenant_id = $1 and c.change_kind = 'commit' and f.computed_at = now()
),
gone as (
  delete from change_facts c using targets t
   where c.tenant_id = $1 and c.repository_id = t.repository_id and c.change_kind = t.change_kind
     and c.change_ref = t.change_ref
  returning c.deployed_at
)
${days('gone')}`;
}

export function pullRequestChangesSql(full: boolean): string {
  return `
with added as (
  insert into change_facts (tenant_id, deployment_id, repository_id, change_kind, change_ref, author_identity_id,
                            first_commit_at, deployed_at, lead_time_seconds)
  select f.tenant_id, f.deployment_id, f.repository_id, 'pull_request', f.pull_request_id::text, f.author_identity_id,
         f.first_commit_at, f.deployed_at, greatest(0, extract(epoch from f.deployed_at - f.first_commit_at))
    from pull_request_facts f
   where f.tenant_id = $1 and f.deployed_at is not null and not f.is_bot ${full ? '' : 'and f.computed_at = now()'}
  returning deployed_at
)
${days('added')}`;
}

export function commitChangesSql(full: boolean): string {
  return `
with ${full ? 'unused as (select 1)' : touchedCommits},
added as (
  insert into change_facts (tenant_id, deployment_id, repository_id, change_kind, change_ref, author_identity_id,
                            first_commit_at, deployed_at, lead_time_seconds)
  select distinct on (c.repository_id, c.sha)
         c.tenant_id, f.deployment_id, c.repository_id, 'commit', c.sha, c.author_identity_id,
         c.authored_at, f.finished_at, greatest(0, extract(epoch from f.finished_at - c.authored_at))
    from deployment_facts f
    join deployment_commits dc on dc.tenant_id = f.tenant_id and dc.deployment_id = f.deployment_id
    join commits c on c.tenant_id = dc.tenant_id and c.repository_id = dc.repository_id and c.sha = dc.sha
   where f.tenant_id = $1 and f.is_production
     ${full ? '' : 'and exists (select 1 from touched t where t.repository_id = dc.repository_id and t.sha = dc.sha)'}
     and not exists (select 1 from pull_requests pr where pr.tenant_id = c.tenant_id and pr.repository_id = c.repository_id
                      and pr.merged_at is not null and pr.merge_commit_sha = c.sha)
     and not exists (select 1 from pull_request_commits pc
                       join pull_requests pr on pr.tenant_id = pc.tenant_id and pr.id = pc.pull_request_id
                      where pc.tenant_id = c.tenant_id and pc.sha = c.sha and pr.repository_id = c.repository_id
                        and pr.merged_at is not null)
   order by c.repository_id, c.sha, f.finished_at, f.deployment_id
  returning deployed_at
)
${days('added')}`;
}
