import { apiFetch } from '../../../lib/api/api-fetch.ts';
import { fetchPages } from '../../../lib/api/fetch-pages.ts';
import type { ListPage } from '../../../lib/api/list-page.ts';

export interface FilterOptions {
  readonly teams: readonly { readonly id: number; readonly name: string; readonly externalId: string }[];
  /** False when this server has no GET /teams. */
  readonly teamsAvailable: boolean;
  readonly repositories: readonly string[];
  readonly environments: readonly string[];
}

/**
 * What the filter menus offer: the tenant's teams, repositories and the environments seen in
 * recent deployments (there is no list of environments of its own).
 */
export async function fetchFilterOptions(signal?: AbortSignal): Promise<FilterOptions> {
  const [teams, repositories, deployments] = await Promise.all([
    fetchPages<{ id: number; name: string; externalId: string }>('/teams', {}, 1000, signal).catch(
      () => null,
    ),
    fetchPages<{ fullName: string }>('/repositories', {}, 1000, signal),
    apiFetch<ListPage<{ environment: string }>>('/deployments?limit=200', { signal }),
  ]);
  return {
    teams: teams?.items ?? [],
    teamsAvailable: teams !== null,
    repositories: repositories.items.map((r) => r.fullName),
    environments: [...new Set(deployments.items.map((d) => d.environment))].sort(),
  };
}
