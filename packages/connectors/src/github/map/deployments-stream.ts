/** Maps a GitHub Deployment (with its latest status) to a deployment record. */
import type { NormalisedRecord, RecordOf } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';
import { repositoryOf } from '../streams/shared.ts';
import { isProductionEnvironment } from './deployments.ts';

export interface DeploymentNode {
  readonly id: string;
  readonly environment: string | null;
  readonly commitOid: string;
  readonly createdAt: string;
  readonly ref: { readonly name: string } | null;
  readonly latestStatus: {
    readonly state: string;
    readonly createdAt: string;
    readonly logUrl: string | null;
  } | null;
  /** The last statuses, oldest first (absent in records stored before they were read). */
  readonly statuses?: { readonly nodes: readonly { readonly state: string; readonly createdAt: string }[] };
}

const statuses: Record<string, RecordOf<'deployment'>['status']> = {
  SUCCESS: 'success',
  FAILURE: 'failure',
  ERROR: 'error',
};

/**
 * The status that decided the deployment. GitHub marks a successful deployment INACTIVE when a newer
 * one replaces it in its environment; that status is dated at the replacement, so taking it would
 * move the deployment's finish (and its lead times) to when the next one shipped, and a sync before
 * and one after the replacement would disagree. The last SUCCESS/FAILURE/ERROR before it decides;
 * an INACTIVE with none in sight was a success (GitHub only retires successful ones), finished when
 * it was created.
 */
function decidingStatus(d: DeploymentNode): { state: string; createdAt: string } | null {
  const latest = d.latestStatus;
  if (latest?.state !== 'INACTIVE') return latest;
  const decided = (d.statuses?.nodes ?? []).filter((s) => s.state in statuses).at(-1);
  return decided ?? { state: 'SUCCESS', createdAt: d.createdAt };
}

/** One deployment record; running deployments are 'in_progress' until their final status. */
export function mapDeployment(payload: Json, ctx: MapContext<GithubConfig>): NormalisedRecord[] {
  const d = payload as unknown as DeploymentNode;
  const environment = d.environment ?? 'unknown';
  const decided = decidingStatus(d);
  const status = decided ? (statuses[decided.state] ?? 'in_progress') : 'in_progress';
  return [
    {
      type: 'deployment',
      source: 'github',
      externalId: d.id,
      repository: { fullName: repositoryOf(ctx.partition).fullName },
      environment,
      isProduction: isProductionEnvironment(environment, ctx.config),
      commitSha: d.commitOid,
      ...(d.ref ? { ref: d.ref.name } : {}),
      status,
      ...(d.latestStatus?.logUrl ? { url: d.latestStatus.logUrl } : {}),
      startedAt: d.createdAt,
      finishedAt: decided?.createdAt ?? d.createdAt,
    },
  ];
}
