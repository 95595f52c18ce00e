/**
 * The repositories an integration reads, computed once per run and shared by every stream through
 * `ctx.memo` (the `repositories` stream runs first, the others' `partitions()` reuse its answer).
 */
import type { Json, Partition } from '../kit/contract.ts';
import { graphql, restPages, type GithubContext } from './client.ts';
import { matchesAny } from './glob.ts';
import { repositoriesByNameQuery } from './queries/repositories.ts';

/** What the connector keeps of a repository (also the `repositories` stream's raw payload). */
export interface RepositoryInfo {
  readonly nodeId: string;
  readonly fullName: string;
  readonly url: string;
  readonly defaultBranch: string | null;
  readonly isArchived: boolean;
  [key: string]: Json;
}

export interface RepositoryList {
  /** Repositories GitHub showed, after include/exclude. */
  readonly found: readonly RepositoryInfo[];
  /** Explicitly listed repositories GitHub did not show: their partitions fail with SOURCE_NOT_FOUND. */
  readonly missing: readonly string[];
}

interface RestRepository {
  node_id: string;
  full_name: string;
  html_url: string;
  default_branch?: string;
  archived?: boolean;
}

const memoKey = 'github:repositories';

/** The repository list for this run (fetched on first use). */
export function listRepositories(ctx: GithubContext): Promise<RepositoryList> {
  let pending = ctx.memo.get(memoKey) as Promise<RepositoryList> | undefined;
  if (pending === undefined) {
    pending = fetchRepositories(ctx);
    ctx.memo.set(memoKey, pending);
    // A failed listing must not stick for the rest of the run's retries.
    pending.catch(() => ctx.memo.delete(memoKey));
  }
  return pending;
}

/** One partition per repository: key 'owner/name', data the default branch. */
export async function repositoryPartitions(ctx: GithubContext): Promise<Partition[]> {
  const { found, missing } = await listRepositories(ctx);
  return [
    ...found.map((r) => ({ key: r.fullName, data: { defaultBranch: r.defaultBranch } })),
    ...missing.map((fullName) => ({ key: fullName, data: { defaultBranch: null } })),
  ];
}

async function fetchRepositories(ctx: GithubContext): Promise<RepositoryList> {
  const selection = ctx.config.repositories;
  const byName = new Map<string, RepositoryInfo>();
  const owners = [
    ...(selection.org === undefined
      ? []
      : [`/orgs/${encodeURIComponent(selection.org)}/repos?type=all&per_page=100`]),
    ...(selection.user === undefined
      ? []
      : [`/users/${encodeURIComponent(selection.user)}/repos?type=owner&per_page=100`]),
  ];
  for (const url of owners) {
    for await (const page of restPages<RestRepository[]>(ctx, url)) {
      for (const repo of page.body) {
        const info = fromRest(repo);
        if (selected(info.fullName, selection.include, selection.exclude))
          byName.set(info.fullName.toLowerCase(), info);
      }
    }
  }
  const explicit = (selection.repositories ?? []).filter((name) => !byName.has(name.toLowerCase()));
  const missing: string[] = [];
  for (let i = 0; i < explicit.length; i += batchSize) {
    const batch = explicit.slice(i, i + batchSize);
    const found = await fetchByName(ctx, batch);
    batch.forEach((name, j) => {
      const info = found[j];
      if (info === undefined) missing.push(name);
      else if (!selection.exclude || !matchesAny(info.fullName, selection.exclude))
        byName.set(name.toLowerCase(), info);
    });
  }
  if (missing.length > 0) ctx.log.warn({ repositories: missing }, 'GitHub repositories not found');
  const found = [...byName.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
  return { found, missing };
}

function selected(fullName: string, include?: readonly string[], exclude?: readonly string[]): boolean {
  if (include !== undefined && include.length > 0 && !matchesAny(fullName, include)) return false;
  return exclude === undefined || !matchesAny(fullName, exclude);
}

function fromRest(repo: RestRepository): RepositoryInfo {
  return {
    nodeId: repo.node_id,
    fullName: repo.full_name,
    url: repo.html_url,
    defaultBranch: repo.default_branch ?? null,
    isArchived: repo.archived ?? false,
  };
}

/** Explicitly listed repositories are looked up by GraphQL, 50 per request, instead of one GET each. */
const batchSize = 50;

interface GraphqlRepository {
  id: string;
  nameWithOwner: string;
  url: string;
  isArchived: boolean;
  defaultBranchRef: { name: string } | null;
}

async function fetchByName(
  ctx: GithubContext,
  names: readonly string[],
): Promise<(RepositoryInfo | undefined)[]> {
  const variables: Record<string, string> = {};
  names.forEach((fullName, i) => {
    const [owner, name] = fullName.split('/');
    variables[`o${i}`] = owner ?? '';
    variables[`n${i}`] = name ?? '';
  });
  const data = await graphql<Record<string, GraphqlRepository | null>>(
    ctx,
    repositoriesByNameQuery(names.length),
    variables,
    { allowNotFound: true },
  );
  return names.map((_, i) => {
    const repo = data[`r${i}`];
    return repo == null
      ? undefined
      : {
          nodeId: repo.id,
          fullName: repo.nameWithOwner,
          url: repo.url,
          defaultBranch: repo.defaultBranchRef?.name ?? null,
          isArchived: repo.isArchived,
        };
  });
}
