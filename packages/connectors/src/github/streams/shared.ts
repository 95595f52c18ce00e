/** Helpers every per-repository GitHub stream uses. */
import type { Partition } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';
import { latest, readFrom as windowFrom } from '../../kit/time-window.ts';

export interface RepositoryPartition {
  readonly owner: string;
  readonly name: string;
  readonly fullName: string;
  readonly defaultBranch: string | undefined;
}

/** The repository a partition stands for (key 'owner/name'). */
export function repositoryOf(partition: Partition): RepositoryPartition {
  const [owner = '', name = ''] = partition.key.split('/');
  const data = partition.data as { defaultBranch?: string | null } | undefined;
  return { owner, name, fullName: partition.key, defaultBranch: data?.defaultBranch ?? undefined };
}

/** The incremental window (kit/time-window.ts) with the GitHub settings. */
export function readFrom(config: GithubConfig, cursorTime: string | undefined): string | undefined {
  return windowFrom(config, cursorTime);
}

/** True when `time` is older than the `from` bound (compares instants, not strings). */
export function isBefore(time: string, from: string | undefined): boolean {
  return from !== undefined && Date.parse(time) < Date.parse(from);
}

export { latest };
