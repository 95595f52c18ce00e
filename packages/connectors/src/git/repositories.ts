/**
 * The configured repositories with their full names resolved: the partitions of every stream.
 * Resolved once per run (ctx.memo) because all three streams need them.
 */
import { PulseError } from '@pulse/core';
import type { Partition } from '../kit/contract.ts';
import { runGit } from './client.ts';
import { fullNameFromFolder, fullNameFromRemote } from './full-name.ts';
import { openRepository, type GitConnectorOptions, type GitContext } from './options.ts';

export interface ResolvedRepository {
  readonly path: string;
  /** The partition key: the configured name, else from the origin URL, else the folder name. */
  readonly fullName: string;
  readonly branches: readonly string[] | undefined;
}

const memoKey = 'git:repositories';

/** Every configured repository with its full name; throws if two end up with the same name. */
export async function resolveRepositories(
  options: GitConnectorOptions,
  ctx: GitContext,
): Promise<readonly ResolvedRepository[]> {
  const memo = ctx.memo.get(memoKey) as Promise<readonly ResolvedRepository[]> | undefined;
  if (memo !== undefined) return memo;
  const resolved = Promise.all(
    ctx.config.repositories.map(async (repository) => ({
      path: repository.path,
      fullName:
        repository.name ??
        (await originName(options, ctx, repository.path)) ??
        fullNameFromFolder(repository.path),
      branches: repository.branches,
    })),
  ).then(assertUniqueNames);
  ctx.memo.set(memoKey, resolved);
  return resolved;
}

/** The partitions of a git stream: one per repository, keyed by full name. */
export async function gitPartitions(options: GitConnectorOptions, ctx: GitContext): Promise<Partition[]> {
  const repositories = await resolveRepositories(options, ctx);
  return repositories.map((r) => ({ key: r.fullName, data: { path: r.path, name: r.fullName } }));
}

/** The repository a partition stands for; its data is authoritative, the key a fallback. */
export async function repositoryFor(
  options: GitConnectorOptions,
  ctx: GitContext,
  partition: Partition,
): Promise<ResolvedRepository> {
  const repositories = await resolveRepositories(options, ctx);
  const data = partition.data;
  const path = data !== null && typeof data === 'object' && !Array.isArray(data) ? data.path : undefined;
  const found =
    repositories.find((r) => r.path === path && r.fullName === partition.key) ??
    repositories.find((r) => r.fullName === partition.key);
  if (found === undefined)
    throw new PulseError('GIT_REPOSITORY_NOT_FOUND', {
      message: `No configured git repository is named "${partition.key}" any more.`,
      hint: 'The integration configuration changed during the sync; run the sync again.',
    });
  return found;
}

/** A hosted repository's name from remote.origin.url; undefined when absent or unreadable. */
async function originName(
  options: GitConnectorOptions,
  ctx: GitContext,
  path: string,
): Promise<string | undefined> {
  try {
    const git = await openRepository(options, ctx, path);
    const { stdout } = await runGit(git, ['config', '--get', 'remote.origin.url'], {
      okExitCodes: [0, 1],
    });
    return stdout.trim() === '' ? undefined : fullNameFromRemote(stdout);
  } catch {
    // A missing or refused path, or no git: the partition is still listed, and reading it reports
    // the failure.
    return undefined;
  }
}

function assertUniqueNames(repositories: ResolvedRepository[]): ResolvedRepository[] {
  const byName = new Map<string, string>();
  for (const repository of repositories) {
    const other = byName.get(repository.fullName.toLowerCase());
    if (other !== undefined)
      throw new PulseError('GIT_REPOSITORY_NAME_CONFLICT', {
        message: `${other} and ${repository.path} are both named "${repository.fullName}".`,
      });
    byName.set(repository.fullName.toLowerCase(), repository.path);
  }
  return repositories;
}
