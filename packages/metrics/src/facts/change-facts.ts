/**
 * Change lead time samples: every change that reached production, from its first commit to the
 * first successful production deployment that shipped it. A change is a merged pull request
 * (shipped with its merge or squash commit) or a commit that belongs to no merged pull request
 * (a direct push). Bots' pull requests are excluded.
 *
 * Incremental: only the changes of pull requests whose facts this refresh recomputed, and the
 * commits that production deployments computed in this refresh shipped (or that such pull requests
 * contain), are deleted and derived again. Returns the UTC days whose samples changed, for
 * change_lead_time_days.
 */
import type { Tx } from '@pulse/db';
import { commitChangesSql, pullRequestChangesSql, staleChangesSql } from './change-sql.ts';

export async function computeChangeFacts(tx: Tx, tenantId: string, full: boolean): Promise<string[]> {
  const days = new Set<string>();
  const collect = async (sql: string) => {
    const rows = await tx.query<{ day: string }>(sql, [tenantId]);
    for (const row of rows.rows) days.add(row.day);
  };
  await collect(staleChangesSql(full));
  await collect(pullRequestChangesSql(full));
  await collect(commitChangesSql(full));
  return [...days];
}
