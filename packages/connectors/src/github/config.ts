/**
 * The GitHub integration's settings and secrets (docs/connectors/github.md has the reference and
 * examples). Everything has a default except which repositories to read.
 */
import { z } from 'zod';
import { apiBaseUrl } from '../kit/base-url-setting.ts';

const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

const pattern = z.string().refine(isValidRegExp, 'a valid regular expression');

function isValidRegExp(value: string): boolean {
  try {
    new RegExp(value, 'i');
    return true;
  } catch {
    return false;
  }
}

export const repositorySelection = z
  .strictObject({
    /** Every repository of this organisation… */
    org: z.string().min(1).max(100).optional(),
    /** …or of this user. */
    user: z.string().min(1).max(100).optional(),
    /** Globs on the repository name or 'owner/name' (`*` any run of characters, `?` one). */
    include: z.array(z.string().min(1)).max(1000).optional(),
    exclude: z.array(z.string().min(1)).max(1000).optional(),
    /** An explicit list of 'owner/name'; may be combined with org or user. */
    repositories: z
      .array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, "'owner/name'"))
      .max(10_000)
      .optional(),
  })
  .refine((r) => r.org !== undefined || r.user !== undefined || (r.repositories?.length ?? 0) > 0, {
    message: 'name an org, a user or a list of repositories',
  });

export const deploymentSource = z.enum(['deployments', 'workflow_runs', 'releases', 'tags', 'pull_requests']);
export type DeploymentSource = z.infer<typeof deploymentSource>;

export const deploymentSettings = z.strictObject({
  /** Where deployments come from; see docs/connectors/github.md "Deployment detection". */
  source: deploymentSource.default('deployments'),
  /** Environments (source deployments/workflow_runs) whose name matches are production; case-insensitive. */
  environmentPattern: pattern.default('^(prod|production)$'),
  /** source workflow_runs: workflow names that deploy (case-insensitive); required for that source. */
  workflowPattern: pattern.optional(),
  /** source tags (and releases): only tags whose name matches count; default: every tag. */
  tagPattern: pattern.optional(),
  /** source pull_requests (and workflow_runs): the branch that deploys; default: the repository's default branch. */
  productionBranch: z.string().min(1).max(500).optional(),
});
export type DeploymentSettings = z.infer<typeof deploymentSettings>;

export const githubConfig = z
  .strictObject({
    /** REST base URL: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
    baseUrl: apiBaseUrl.default('https://api.github.com'),
    repositories: repositorySelection,
    /** Issues carrying this label also become incidents. */
    incidentLabel: z.string().min(1).max(200).default('incident'),
    deployments: deploymentSettings.default({
      source: 'deployments',
      environmentPattern: '^(prod|production)$',
    }),
    /** Incremental reads re-read this many minutes before the cursor (clock skew, late writes). */
    overlapMinutes: z.number().int().min(0).max(10_080).default(10),
    /** Don't read history older than this date. */
    since: isoDate.optional(),
  })
  .refine((c) => c.deployments.source !== 'workflow_runs' || c.deployments.workflowPattern !== undefined, {
    message: 'deployments.workflowPattern is required when deployments.source is workflow_runs',
    path: ['deployments', 'workflowPattern'],
  });
export type GithubConfig = z.infer<typeof githubConfig>;
export type GithubConfigInput = z.input<typeof githubConfig>;

export const githubSecrets = z.strictObject({ token: z.string().min(1) });
export type GithubSecrets = z.infer<typeof githubSecrets>;

/** REST and GraphQL endpoints for a base URL (GitHub.com, or GHES's /api/v3 and /api/graphql). */
export function githubEndpoints(baseUrl: string): { rest: string; graphql: string } {
  const rest = baseUrl.replace(/\/+$/, '');
  const ghes = /\/api\/v3$/i.exec(rest);
  const graphql = ghes ? `${rest.slice(0, ghes.index)}/api/graphql` : `${rest}/graphql`;
  return { rest, graphql };
}
