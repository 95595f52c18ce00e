import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordOf } from '@pulse/core';
import { gitContext, readStream, streamOf } from './support/read-stream.ts';
import { removeAll, TestRepo } from './support/test-repo.ts';

const total = 3000;
let repo: TestRepo;

beforeAll(() => {
  repo = TestRepo.init({ bare: true });
  // A linear history written by fast-import: thousands of commits in well under a second.
  const commits = Array.from({ length: total }, (_, i) => {
    const message = `Commit ${i}\n`;
    const content = `${i}\n`;
    return (
      `commit refs/heads/main\nmark :${i + 1}\n` +
      `author Ada <ada@example.com> ${1_700_000_000 + i * 60} +0000\ncommitter Ada <ada@example.com> ${1_700_000_000 + i * 60} +0000\n` +
      `data ${message.length}\n${message}${i === 0 ? '' : `from :${i}\n`}` +
      `M 100644 inline counter.txt\ndata ${content.length}\n${content}\n`
    );
  });
  repo.git(['fast-import', '--quiet'], { input: commits.join('') });
});
afterAll(removeAll);

describe('git commits stream, long histories', () => {
  it('streams the history in pages of the configured size, the snapshot on the last', async () => {
    const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/long' }] });
    const result = await readStream(ctx, 'commits', { options: { pageSize: 1000 } });
    expect(result.pages.map((p) => p.records.length)).toEqual([1000, 1000, 1000, 0]);
    expect(result.pages.slice(0, 3).map((p) => p.cursor)).toEqual([{ refs: {} }, { refs: {} }, { refs: {} }]);
    const commits = result.records as RecordOf<'commit'>[];
    expect(new Set(commits.map((c) => c.sha)).size).toBe(total);
    // Newest first; each commit's parent is the next one in the list.
    expect(commits[0]).toMatchObject({
      message: `Commit ${total - 1}`,
      additions: 1,
      deletions: 1,
      filesChanged: 1,
    });
    expect(commits.slice(0, -1).every((c, i) => c.parents[0] === commits[i + 1]!.sha)).toBe(true);
    expect(commits.at(-1)).toMatchObject({ message: 'Commit 0', parents: [], additions: 1, deletions: 0 });
    expect(result.cursor).toEqual({ refs: { 'refs/heads/main': commits[0]!.sha } });
  });

  it('stops git when the sync is aborted mid-read', async () => {
    const controller = new AbortController();
    const ctx = {
      ...gitContext({ repositories: [{ path: repo.path, name: 'acme/long' }] }),
      signal: controller.signal,
    };
    const stream = streamOf('commits', { pageSize: 100 });
    const [partition] = await stream.partitions(ctx);
    let pages = 0;
    const reading = (async () => {
      for await (const page of stream.read(ctx, {
        partition: partition!,
        cursor: null,
        mode: 'incremental',
      })) {
        pages += 1;
        if (pages === 1) controller.abort();
        expect(page.items.length).toBeGreaterThan(0);
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(pages).toBeLessThan(total / 100);
  });
});
