import { afterAll, describe, expect, it } from 'vitest';
import type { RecordOf } from '@pulse/core';
import type { Json, Logger } from '@pulse/connectors';
import { buildScenario } from './support/scenario.ts';
import { gitContext, readStream } from './support/read-stream.ts';
import { bob, removeAll, TestRepo } from './support/test-repo.ts';

afterAll(removeAll);

const shasOf = (records: readonly unknown[]) => (records as RecordOf<'commit'>[]).map((c) => c.sha).sort();
const refsOf = (cursor: Json) => (cursor as { refs: Record<string, string> }).refs;
const contextFor = (repo: TestRepo, log?: Logger) =>
  gitContext({ repositories: [{ path: repo.path, name: 'acme/api' }] }, log);

describe('git commits stream, incremental', () => {
  it('reads only the commits added since the last snapshot, and ends with the new snapshot', async () => {
    const { repo } = buildScenario();
    const ctx = contextFor(repo);
    const first = await readStream(ctx, 'commits');
    const added = [repo.commit('After the first sync\n'), repo.commit('And another\n')];
    repo.git(['checkout', '-q', '-b', 'topic']);
    added.push(repo.commit('On a new branch\n'));
    repo.git(['tag', 'v2.0']);

    const second = await readStream(ctx, 'commits', { cursor: first.cursor });
    expect(shasOf(second.records)).toEqual([...added].sort());
    expect(second.cursor).toEqual({
      refs: {
        ...refsOf(first.cursor),
        'refs/heads/main': added[1],
        'refs/heads/topic': added[2],
        'refs/tags/v2.0': added[2],
      },
    });
  });

  it('gives pages before the last the previous cursor, so a crash re-reads from the old snapshot', async () => {
    const { repo } = buildScenario();
    const ctx = contextFor(repo);
    const options = { pageSize: 2 };
    const first = await readStream(ctx, 'commits', { options });
    // 12 commits: six full pages carrying "nothing read yet", then the snapshot on an empty last page.
    expect(first.pages.map((p) => p.records.length)).toEqual([2, 2, 2, 2, 2, 2, 0]);
    expect(first.pages.slice(0, -1).map((p) => p.cursor)).toEqual(Array(6).fill({ refs: {} }));

    const added = [1, 2, 3].map((n) => repo.commit(`New ${n}\n`));
    const second = await readStream(ctx, 'commits', { cursor: first.cursor, options });
    expect(second.pages.map((p) => p.records.length)).toEqual([2, 1]);
    expect(second.pages[0]?.cursor).toEqual(first.cursor);
    expect(second.pages[1]?.cursor).toEqual({
      refs: { ...refsOf(first.cursor), 'refs/heads/main': added[2] },
    });

    // A crash after the first page: the stored cursor is the old snapshot, and the re-read
    // returns all three again (the writer's upserts make the repeat harmless).
    const resumed = await readStream(ctx, 'commits', { cursor: second.pages[0]!.cursor, options });
    expect(shasOf(resumed.records)).toEqual([...added].sort());
  });

  it('reads nothing when nothing moved, and keeps the cursor', async () => {
    const { repo } = buildScenario();
    const ctx = contextFor(repo);
    const first = await readStream(ctx, 'commits');
    repo.git(['branch', 'another-name-for-main']);
    const second = await readStream(ctx, 'commits', { cursor: first.cursor });
    expect(second.pages).toHaveLength(1);
    expect(second.records).toEqual([]);
    expect(second.cursor).toEqual({
      refs: { ...refsOf(first.cursor), 'refs/heads/another-name-for-main': repo.git(['rev-parse', 'main']) },
    });
  });

  it('survives a force-pushed branch whose old commits were pruned', async () => {
    const repo = TestRepo.init();
    const base = repo.commit('Base\n');
    repo.git(['checkout', '-q', '-b', 'feature']);
    const old = [repo.commit('Old 1\n'), repo.commit('Old 2\n')];
    const ctx = contextFor(repo);
    const first = await readStream(ctx, 'commits');
    expect(shasOf(first.records)).toEqual([base, ...old].sort());

    // Rewrite the branch (what a force push leaves in a mirror), then drop every trace of the old commits.
    repo.git(['reset', '-q', '--hard', base]);
    const rewritten = [repo.commit('New 1\n', { author: bob }), repo.commit('New 2\n', { author: bob })];
    repo.git(['reflog', 'expire', '--expire=now', '--all']);
    repo.git(['gc', '-q', '--prune=now']);
    expect(() => repo.git(['cat-file', '-e', old[1]!])).toThrow();

    const second = await readStream(ctx, 'commits', { cursor: first.cursor });
    expect(shasOf(second.records)).toEqual([...rewritten].sort());
    expect(second.cursor).toEqual({ refs: { 'refs/heads/feature': rewritten[1], 'refs/heads/main': base } });
  });

  it('reads the whole history again from an empty snapshot (a --full run)', async () => {
    const { repo, shas } = buildScenario();
    const ctx = contextFor(repo);
    const first = await readStream(ctx, 'commits');
    const full = await readStream(ctx, 'commits', { cursor: null, mode: 'full' });
    expect(shasOf(full.records)).toEqual(Object.values(shas).sort());
    expect(full.cursor).toEqual(first.cursor);
  });

  it('reads everything again, with a warning, when the stored cursor is unusable', async () => {
    const { repo, shas } = buildScenario();
    const warnings: string[] = [];
    const log: Logger = { debug: () => {}, info: () => {}, warn: (_obj, msg) => warnings.push(msg ?? '') };
    const broken: Json = { refs: { 'refs/heads/main': 'not-a-sha' } };
    const result = await readStream(contextFor(repo, log), 'commits', { cursor: broken });
    expect(shasOf(result.records)).toEqual(Object.values(shas).sort());
    expect(warnings).toEqual(['unusable git cursor: reading the whole history again']);
  });
});
