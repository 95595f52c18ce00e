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
 * - `revert` / `hotfix`: a later production deployment of the series ships a revert commit or a
 *   hotfix pull request, and D is the latest deployment before it that is not a rollback (a
 *   rollback that restored service is not what the hotfix repairs).
 * D recovered at the first of: the fix deployment (rollback, revert, hotfix) finishing, or all of
 * its incidents being resolved. Fix deployments are rework, and so are deployments whose every
 * shipped pull request is linked to a defect or incident work item.
 *
 * The rules read per-deployment flags (ships_revert, ships_hotfix) stored with the change sets, so
 * recomputing them for the whole tenant is one pass over deployment_facts and an index probe per
 * incident; only rows whose reasons changed are written.
 */
import type { Tx } from '@pulse/db';
import type { FactOptions } from '../options.ts';
import { failuresSql, hotfixFlagsSql, reworkSql } from './failure-sql.ts';

export async function computeDeploymentFailures(
  tx: Tx,
  tenantId: string,
  options: FactOptions,
): Promise<void> {
  await tx.query(hotfixFlagsSql, [tenantId, options.hotfixPattern]);
  await tx.query(failuresSql, [tenantId, options.failureWindowHours]);
  await tx.query(reworkSql, [tenantId]);
}
