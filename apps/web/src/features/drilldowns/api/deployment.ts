import type { ResponseOf } from '../../../lib/api/api-types.ts';

/** An item of GET /deployments (and GET /deployments/:id with its commits). */
export interface FailureReason {
  readonly kind: 'incident' | 'rollback' | 'revert' | 'hotfix' | string;
  readonly incidentId?: number;
  readonly deploymentId?: number;
  readonly linked?: 'explicit' | 'same_repository' | string;
}

export interface Deployment {
  readonly id: number;
  readonly source: string;
  readonly repository: string;
  readonly environment: string;
  readonly isProduction: boolean;
  readonly status: string;
  readonly commitSha: string;
  readonly ref: string | null;
  readonly url: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string;
  readonly changeCount: number | null;
  readonly failed: boolean | null;
  readonly failureReasons: readonly FailureReason[] | null;
  readonly recoveredAt: string | null;
}

export interface DeploymentDetail extends Deployment {
  readonly commits: readonly { sha: string; message: string | null; authoredAt: string | null }[];
  readonly commitsTruncated: boolean;
}

/** An item of GET /incidents. */
export type Incident = ResponseOf<'/incidents'>['items'][number];
