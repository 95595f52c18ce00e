/** Helpers every per-repository GitHub stream uses. */
import type { Partition } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';

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

/**
 * The oldest time an incremental read must still look at: the cursor minus the overlap window,
 * but never before the configured `since`. undefined = read everything.
 */
export function readFrom(config: GithubConfig, cursorTime: string | undefined): string | undefined {
  const fromCursor =
    cursorTime === undefined
      ? undefined
      : new Date(Date.parse(cursorTime) - config.overlapMinutes * 60_000).toISOString();
  const since = config.since === undefined ? undefined : new Date(config.since).toISOString();
  if (fromCursor === undefined) return since;
  if (since === undefined) return fromCursor;
  return fromCursor > since ? fromCursor : since;
}

/** True when `time` is older than the `from` bound (compares instants, not strings). */
export function isBefore(time: string, from: string | undefined): boolean {
  return from !== undefined && Date.parse(time) < Date.parse(from);
}

/** The later of two ISO instants (either may be missing). */
export function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
