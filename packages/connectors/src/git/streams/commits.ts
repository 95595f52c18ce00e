/**
 * The commits stream: every commit reachable from the branches and tags, with all parents.
 *
 * Incremental by ref snapshots: a read snapshots the refs first, then reads the commits reachable
 * from them and not from the previous snapshot (`git log <new> ^<old>…`). Old shas that no longer
 * exist (a force-pushed branch, then gc) are dropped from the exclusions, so rewritten history is
 * read again instead of failing. Pages before the last carry the previous snapshot: a crash
 * mid-partition re-reads from it (the writer's upserts are idempotent); the last page carries the
 * new snapshot.
 */
import type { Page, Stream } from '../../kit/contract.ts';
import type { GitRunner } from '../client.ts';
import { readCommitLog } from '../commit-log.ts';
import type { GitConfig, GitSecrets } from '../config.ts';
import { gitFailure } from '../failure.ts';
import { mapCommit } from '../map/commits.ts';
import { openRepository, type GitConnectorOptions } from '../options.ts';
import type { CommitPayload } from '../payloads.ts';
import { peelToCommits, readRefSnapshot } from '../ref-snapshot.ts';
import { gitPartitions, repositoryFor } from '../repositories.ts';
import { parseRefsCursor, type RefsCursor } from './refs-cursor.ts';

/** The commits stream of a git connector built with `options`. */
export function commitsStream(options: GitConnectorOptions): Stream<GitConfig, GitSecrets, RefsCursor> {
  const pageSize = options.pageSize ?? 1000;
  return {
    name: 'commits',
    dependsOn: ['repositories'],
    keepRaw: false,
    partitions: (ctx) => gitPartitions(options, ctx),
    async *read(ctx, { partition, cursor }): AsyncGenerator<Page<RefsCursor>> {
      const repository = await repositoryFor(options, ctx, partition);
      const previous = parseRefsCursor(cursor, ctx.log);
      try {
        const git = await openRepository(options, ctx, repository.path);
        const snapshot = await readRefSnapshot(git, repository.branches);
        const next: RefsCursor = { refs: Object.fromEntries(snapshot.map((r) => [r.refname, r.commit])) };
        const seen = new Set(Object.values(previous.refs));
        // A ref that did not move cannot reach anything new.
        const include = [...new Set(Object.values(next.refs))].filter((sha) => !seen.has(sha));
        const exclude = include.length === 0 ? [] : await existingCommits(git, [...seen]);
        let items: { externalId: string; payload: CommitPayload }[] = [];
        for await (const commit of readCommitLog(git, { include, exclude, stats: ctx.config.stats })) {
          items.push({ externalId: commit.sha, payload: commit });
          if (items.length < pageSize) continue;
          yield { items, cursor: previous };
          items = [];
        }
        yield { items, cursor: next };
      } catch (error) {
        throw gitFailure(error, repository.path);
      }
    },
    map: (payload, { partition }) => [mapCommit(payload as CommitPayload, partition.key)],
  };
}

/** The shas that are still commits in the repository (gc may have pruned rewritten history). */
async function existingCommits(git: GitRunner, shas: readonly string[]): Promise<string[]> {
  const peeled = await peelToCommits(git, shas);
  return shas.filter((_, i) => peeled[i] !== undefined);
}
