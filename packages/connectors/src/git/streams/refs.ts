/**
 * The refs stream: branches and tags as ref records. Its cursor remembers the object each ref
 * named, so a later read emits only refs that are new or moved (a re-created annotated tag is a
 * new tag object, hence "moved" even on the same commit).
 */
import type { Page, Stream } from '../../kit/contract.ts';
import type { GitConfig, GitSecrets } from '../config.ts';
import { gitFailure } from '../failure.ts';
import { mapRef } from '../map/refs.ts';
import { openRepository, type GitConnectorOptions } from '../options.ts';
import type { RefPayload } from '../payloads.ts';
import { readRefSnapshot } from '../ref-snapshot.ts';
import { gitPartitions, repositoryFor } from '../repositories.ts';
import { parseRefsCursor, type RefsCursor } from './refs-cursor.ts';

/** The refs stream of a git connector built with `options`. */
export function refsStream(options: GitConnectorOptions): Stream<GitConfig, GitSecrets, RefsCursor> {
  const pageSize = options.pageSize ?? 1000;
  return {
    name: 'refs',
    dependsOn: ['repositories'],
    keepRaw: false,
    partitions: (ctx) => gitPartitions(options, ctx),
    async *read(ctx, { partition, cursor }): AsyncGenerator<Page<RefsCursor>> {
      const repository = await repositoryFor(options, ctx, partition);
      const previous = parseRefsCursor(cursor, ctx.log);
      const snapshot = await openRepository(options, ctx, repository.path)
        .then((git) => readRefSnapshot(git, repository.branches))
        .catch((error: unknown) => {
          throw gitFailure(error, repository.path);
        });
      const next: RefsCursor = { refs: Object.fromEntries(snapshot.map((r) => [r.refname, r.objectName])) };
      const changed = snapshot.filter((r) => previous.refs[r.refname] !== r.objectName);
      // Only the last page carries the new snapshot: a crash before it re-reads from the old one.
      const pages = chunks(changed, pageSize);
      for (const [index, refs] of pages.entries())
        yield { items: refs.map(item), cursor: index === pages.length - 1 ? next : previous };
    },
    map: (payload, { partition }) => {
      const record = mapRef(payload as RefPayload, partition.key);
      return record === undefined ? [] : [record];
    },
  };
}

/** `list` cut into pages of `size`; one empty page for an empty list (it still carries the cursor). */
function chunks<T>(list: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let from = 0; from < list.length; from += size) pages.push(list.slice(from, from + size));
  return pages.length === 0 ? [[]] : pages;
}

function item(ref: RefPayload) {
  return { externalId: ref.refname, payload: ref };
}
