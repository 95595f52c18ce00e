import type { FailureReason } from '../api/deployment.ts';

/** Why a deployment counts as failed, in words (docs/metrics.md, change fail rate). */
export function describeFailureReason(reason: FailureReason): string {
  switch (reason.kind) {
    case 'incident':
      return reason.linked === 'explicit'
        ? `Incident ${reason.incidentId} names this deployment`
        : `Incident ${reason.incidentId} started after it in the same repository`;
    case 'rollback':
      return `Rolled back by deployment ${reason.deploymentId}`;
    case 'revert':
      return `Reverted by deployment ${reason.deploymentId}`;
    case 'hotfix':
      return `Hotfix shipped by deployment ${reason.deploymentId}`;
    default:
      return reason.kind;
  }
}
