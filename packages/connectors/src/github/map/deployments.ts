/**
 * Deployment detection. Which GitHub objects are deployments is configuration
 * (`deployments.source`); each mapper asks here, so exactly one source yields deployment records:
 * - deployments: GitHub Deployments; production when the environment matches environmentPattern.
 * - workflow_runs: completed runs of workflows matching workflowPattern on the production branch.
 * - releases: published releases (not drafts or pre-releases), optionally filtered by tagPattern.
 * - tags: tags matching tagPattern (every tag when unset).
 * - pull_requests: pull requests merged into the production branch, deployed at merge time.
 */
import type { RecordOf } from '@pulse/core';
import type { MapContext } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';
import { repositoryOf } from '../streams/shared.ts';

type Deployment = RecordOf<'deployment'>;
type Context = MapContext<GithubConfig>;

/** The branch merges and workflow runs must be on to count as production deployments. */
function productionBranch(ctx: Context): string | undefined {
  return ctx.config.deployments.productionBranch ?? repositoryOf(ctx.partition).defaultBranch;
}

/** Whether an environment name counts as production (case-insensitive pattern). */
export function isProductionEnvironment(environment: string, config: GithubConfig): boolean {
  return new RegExp(config.deployments.environmentPattern, 'i').test(environment);
}

function tagMatches(tag: string, config: GithubConfig): boolean {
  const pattern = config.deployments.tagPattern;
  return pattern === undefined || new RegExp(pattern, 'i').test(tag);
}

function base(ctx: Context): Pick<Deployment, 'type' | 'source' | 'repository'> {
  return {
    type: 'deployment',
    source: 'github',
    repository: { fullName: repositoryOf(ctx.partition).fullName },
  };
}

/** Source pull_requests: a pull request merged into the production branch. */
export function pullRequestDeployment(
  pr: {
    id: string;
    state: string;
    baseRefName: string;
    mergedAt: string | null;
    mergeCommit: { oid: string } | null;
  },
  ctx: Context,
): Deployment | undefined {
  if (ctx.config.deployments.source !== 'pull_requests') return undefined;
  if (pr.state !== 'MERGED' || pr.mergedAt === null || pr.mergeCommit === null) return undefined;
  if (pr.baseRefName !== productionBranch(ctx)) return undefined;
  return {
    ...base(ctx),
    externalId: `merge:${pr.id}`,
    environment: 'production',
    isProduction: true,
    commitSha: pr.mergeCommit.oid,
    ref: pr.baseRefName,
    status: 'success',
    startedAt: pr.mergedAt,
    finishedAt: pr.mergedAt,
  };
}

/** Source releases: a published, non-pre-release release whose tag matches. */
export function releaseDeployment(
  release: {
    id: string;
    url: string;
    tagName: string;
    isDraft: boolean;
    isPrerelease: boolean;
    createdAt: string;
    publishedAt: string | null;
    tagCommit: { oid: string } | null;
  },
  ctx: Context,
): Deployment | undefined {
  if (ctx.config.deployments.source !== 'releases') return undefined;
  if (release.isDraft || release.isPrerelease || release.publishedAt === null || release.tagCommit === null)
    return undefined;
  if (!tagMatches(release.tagName, ctx.config)) return undefined;
  return {
    ...base(ctx),
    externalId: release.id,
    environment: 'production',
    isProduction: true,
    commitSha: release.tagCommit.oid,
    ref: release.tagName,
    status: 'success',
    url: release.url,
    finishedAt: release.publishedAt,
  };
}

/** Source tags: a tag whose name matches tagPattern, deployed when it was tagged. */
export function tagDeployment(
  tag: { id: string; name: string; sha: string; taggedAt: string | undefined },
  ctx: Context,
): Deployment | undefined {
  if (ctx.config.deployments.source !== 'tags' || tag.taggedAt === undefined) return undefined;
  if (!tagMatches(tag.name, ctx.config)) return undefined;
  return {
    ...base(ctx),
    externalId: tag.id,
    environment: 'production',
    isProduction: true,
    commitSha: tag.sha,
    ref: tag.name,
    status: 'success',
    finishedAt: tag.taggedAt,
  };
}

/** Source workflow_runs: a completed run of a deploying workflow on the production branch. */
export function workflowRunDeployment(
  run: {
    node_id: string;
    name?: string | null;
    head_sha: string;
    head_branch: string | null;
    status: string | null;
    conclusion: string | null;
    html_url: string;
    run_started_at?: string;
    updated_at: string;
  },
  ctx: Context,
): Deployment | undefined {
  const { source, workflowPattern } = ctx.config.deployments;
  if (source !== 'workflow_runs' || workflowPattern === undefined || run.status !== 'completed')
    return undefined;
  if (!new RegExp(workflowPattern, 'i').test(run.name ?? '') || run.head_branch !== productionBranch(ctx))
    return undefined;
  const status =
    run.conclusion === 'success'
      ? 'success'
      : run.conclusion === 'cancelled'
        ? 'cancelled'
        : run.conclusion === 'failure'
          ? 'failure'
          : 'error';
  if (run.conclusion === 'skipped') return undefined;
  return {
    ...base(ctx),
    externalId: run.node_id,
    environment: 'production',
    isProduction: true,
    commitSha: run.head_sha,
    ref: run.head_branch,
    status,
    url: run.html_url,
    ...(run.run_started_at ? { startedAt: run.run_started_at } : {}),
    finishedAt: run.updated_at,
  };
}
