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
}

const statuses: Record<string, RecordOf<'deployment'>['status']> = {
  SUCCESS: 'success',
  // Inactive: an earlier successful deployment that a newer one replaced.
  INACTIVE: 'success',
  FAILURE: 'failure',
  ERROR: 'error',
};

/** One deployment record; running deployments are 'in_progress' until their final status. */
export function mapDeployment(payload: Json, ctx: MapContext<GithubConfig>): NormalisedRecord[] {
  const d = payload as unknown as DeploymentNode;
  const environment = d.environment ?? 'unknown';
  const status = d.latestStatus ? (statuses[d.latestStatus.state] ?? 'in_progress') : 'in_progress';
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
      finishedAt: d.latestStatus?.createdAt ?? d.createdAt,
    },
  ];
}
