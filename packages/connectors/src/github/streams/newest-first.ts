/**
 * The read loop shared by streams whose list GitHub returns newest first (deployments, tags,
 * merged pull requests' checks): skip the repository when the probe says nothing changed and no
 * item is unfinished, re-read the unfinished items of the last read, then read pages until an item
 * is older than the cursor minus the overlap window.
 *
 * Cursor: `time` (newest item time seen), `etag` (the probe's) and `pending` (ids of items that
 * were unfinished, e.g. a running deployment: GitHub's events feed would not tell us they ended).
 * Only the last page carries the new cursor, so an interrupted read starts over from the old one.
 */
import type { Json, Page, Partition, RawItem, SyncMode } from '../../kit/contract.ts';
import type { GithubContext } from '../client.ts';
import { hasChanged, probeRepository } from '../probe.ts';
import { isBefore, latest, readFrom, repositoryOf } from './shared.ts';

export type NewestFirstCursor = { time?: string; etag?: string; pending?: string[] };

export interface NewestFirstSource<T> {
  /** One page, newest first; `after` null for the first. */
  page(
    after: string | null,
  ): Promise<{ nodes: readonly T[]; endCursor: string | null; hasNextPage: boolean }>;
  /** Fetches items by id (the unfinished ones of the last read); missing ones are dropped. */
  refetch?(ids: readonly string[]): Promise<readonly T[]>;
  id(node: T): string;
  time(node: T): string;
  /** Unfinished items are re-read next time even when the probe says nothing changed. */
  isPending?(node: T): boolean;
}

/** Runs the loop for one repository partition. */
export async function* readNewestFirst<T>(
  ctx: GithubContext,
  input: { partition: Partition; cursor: NewestFirstCursor | null; mode: SyncMode },
  source: NewestFirstSource<T>,
): AsyncGenerator<Page<NewestFirstCursor>> {
  const repo = repositoryOf(input.partition);
  const previous = input.mode === 'incremental' ? (input.cursor ?? {}) : {};
  const probe = await probeRepository(ctx, repo.fullName, input.cursor?.etag);
  const pendingBefore = previous.pending ?? [];
  if (input.mode === 'incremental' && pendingBefore.length === 0 && !hasChanged(probe, previous.etag)) return;

  const seen = new Set<string>();
  const pending: string[] = [];
  const item = (node: T): RawItem => {
    seen.add(source.id(node));
    if (source.isPending?.(node)) pending.push(source.id(node));
    return { externalId: source.id(node), payload: node as Json };
  };
  const refetched = pendingBefore.length > 0 && source.refetch ? await source.refetch(pendingBefore) : [];
  const firstItems = refetched.map(item);

  const from = readFrom(ctx.config, previous.time);
  let newest = previous.time;
  let after: string | null = null;
  for (;;) {
    const page = await source.page(after);
    const items = after === null ? firstItems : [];
    let reached = false;
    for (const node of page.nodes) {
      if (isBefore(source.time(node), from)) {
        reached = true;
        break;
      }
      newest = latest(newest, source.time(node));
      if (!seen.has(source.id(node))) items.push(item(node));
    }
    const last = reached || !page.hasNextPage || page.endCursor === null;
    const done: NewestFirstCursor = {
      ...(newest === undefined ? {} : { time: newest }),
      ...(probe.etag === undefined ? {} : { etag: probe.etag }),
      ...(pending.length ? { pending } : {}),
    };
    yield { items, cursor: last ? done : (input.cursor ?? {}) };
    if (last) return;
    after = page.endCursor;
  }
}
