/**
 * Change lead time samples: every change that reached production, from its first commit to the
 * first successful production deployment that shipped it. A change is a merged pull request
 * (shipped with its merge or squash commit) or a commit that belongs to no merged pull request
 * (a direct push). Bots' pull requests are excluded.
 */
import type { Tx } from '@pulse/db';

export async function computeChangeFacts(tx: Tx, tenantId: string): Promise<void> {
  await tx.query('delete from change_facts where tenant_id = $1', [tenantId]);
  await tx.query(
    `insert into change_facts (tenant_id, deployment_id, repository_id, change_kind, change_ref, author_identity_id,
                               first_commit_at, deployed_at, lead_time_seconds)
     select f.tenant_id, f.deployment_id, f.repository_id, 'pull_request', f.pull_request_id::text, f.author_identity_id,
            f.first_commit_at, f.deployed_at, greatest(0, extract(epoch from f.deployed_at - f.first_commit_at))
       from pull_request_facts f
      where f.tenant_id = $1 and f.deployed_at is not null and not f.is_bot`,
    [tenantId],
  );
  await tx.query(
    `insert into change_facts (tenant_id, deployment_id, repository_id, change_kind, change_ref, author_identity_id,
                               first_commit_at, deployed_at, lead_time_seconds)
     select distinct on (c.repository_id, c.sha)
            c.tenant_id, f.deployment_id, c.repository_id, 'commit', c.sha, c.author_identity_id,
            c.authored_at, f.finished_at, greatest(0, extract(epoch from f.finished_at - c.authored_at))
       from deployment_facts f
       join deployment_commits dc on dc.tenant_id = f.tenant_id and dc.deployment_id = f.deployment_id
       join commits c on c.tenant_id = dc.tenant_id and c.repository_id = dc.repository_id and c.sha = dc.sha
      where f.tenant_id = $1 and f.is_production
        and not exists (select 1 from pull_requests pr where pr.tenant_id = c.tenant_id and pr.repository_id = c.repository_id
                         and pr.merged_at is not null and pr.merge_commit_sha = c.sha)
        and not exists (select 1 from pull_request_commits pc
                          join pull_requests pr on pr.tenant_id = pc.tenant_id and pr.id = pc.pull_request_id
                         where pc.tenant_id = c.tenant_id and pc.sha = c.sha and pr.repository_id = c.repository_id
                           and pr.merged_at is not null)
      order by c.repository_id, c.sha, f.finished_at, f.deployment_id`,
    [tenantId],
  );
}
