import { z } from 'zod';
import { entityKey, instant, recordRef, repositoryRef, sha } from './shared.ts';

export const deploymentRecord = z.strictObject({
  type: z.literal('deployment'),
  ...entityKey,
  repository: repositoryRef,
  environment: z.string().min(1).max(500),
  isProduction: z.boolean().optional(),
  commitSha: sha,
  ref: z.string().max(1000).optional(),
  status: z.enum(['success', 'failure', 'error', 'in_progress', 'cancelled']),
  url: z.string().max(2000).optional(),
  startedAt: instant.optional(),
  finishedAt: instant,
});

export const incidentRecord = z
  .strictObject({
    type: z.literal('incident'),
    ...entityKey,
    title: z.string().max(10_000),
    url: z.string().max(2000).optional(),
    severity: z.string().max(100).optional(),
    status: z.enum(['open', 'resolved']),
    repository: repositoryRef.optional(),
    /**
     * The affected service or repository as the source names it (a component, a custom field);
     * matched to a repository by full name or name when `repository` is not given.
     */
    service: z.string().min(1).max(500).optional(),
    /** The deployment that caused it, when the source names one. */
    deployment: recordRef.optional(),
    startedAt: instant,
    resolvedAt: instant.optional(),
    updatedAt: instant.optional(),
  })
  .refine((i) => i.resolvedAt === undefined || Date.parse(i.resolvedAt) >= Date.parse(i.startedAt), {
    message: 'resolvedAt is before startedAt',
    path: ['resolvedAt'],
  });

export type DeploymentRecord = z.infer<typeof deploymentRecord>;
export type IncidentRecord = z.infer<typeof incidentRecord>;
