import { z } from 'zod';
import { actor, entityKey, instant, repositoryRef, sha } from './shared.ts';

export const repositoryRecord = z.strictObject({
  type: z.literal('repository'),
  ...entityKey,
  name: z.string().min(1).max(500),
  /** 'owner/name'; unique enough to match the same repository across sources. */
  fullName: z.string().min(1).max(500),
  kind: z.enum(['repository', 'service']).optional(),
  url: z.string().max(2000).optional(),
  defaultBranch: z.string().max(500).optional(),
  isArchived: z.boolean().optional(),
});

/** A commit is keyed by (repository, sha): git and GitHub describing it meet in one row. */
export const commitRecord = z.strictObject({
  type: z.literal('commit'),
  repository: repositoryRef,
  sha,
  parents: z.array(sha).max(64),
  author: actor.optional(),
  committer: actor.optional(),
  authoredAt: instant,
  committedAt: instant,
  message: z.string().max(100_000).optional(),
  additions: z.number().int().nonnegative().optional(),
  deletions: z.number().int().nonnegative().optional(),
  filesChanged: z.number().int().nonnegative().optional(),
});

/** A tag or branch of a repository, replacing what was stored under that name. */
export const refRecord = z.strictObject({
  type: z.literal('ref'),
  repository: repositoryRef,
  kind: z.enum(['tag', 'branch']),
  name: z.string().min(1).max(1000),
  sha,
  taggedAt: instant.optional(),
});

export const pipelineRunRecord = z.strictObject({
  type: z.literal('pipeline_run'),
  ...entityKey,
  repository: repositoryRef,
  name: z.string().min(1).max(1000),
  headSha: sha.optional(),
  headBranch: z.string().max(1000).optional(),
  event: z.string().max(100).optional(),
  status: z.enum(['queued', 'in_progress', 'completed']),
  conclusion: z.string().max(100).optional(),
  url: z.string().max(2000).optional(),
  startedAt: instant.optional(),
  finishedAt: instant.optional(),
  createdAt: instant,
  updatedAt: instant,
});

export const commitCheckRecord = z.strictObject({
  type: z.literal('commit_check'),
  ...entityKey,
  repository: repositoryRef,
  sha,
  name: z.string().min(1).max(1000),
  state: z.enum(['pending', 'success', 'failure', 'error', 'neutral', 'skipped', 'cancelled']),
  url: z.string().max(2000).optional(),
  startedAt: instant.optional(),
  completedAt: instant.optional(),
});

export type RepositoryRecord = z.infer<typeof repositoryRecord>;
export type CommitRecord = z.infer<typeof commitRecord>;
export type RefRecord = z.infer<typeof refRecord>;
export type PipelineRunRecord = z.infer<typeof pipelineRunRecord>;
export type CommitCheckRecord = z.infer<typeof commitCheckRecord>;
