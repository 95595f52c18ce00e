import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordOf } from '@pulse/core';
import { buildScenario, trickyMessage, type Scenario } from './support/scenario.ts';
import { gitContext, readStream } from './support/read-stream.ts';
import { removeAll, tempDir, TestRepo } from './support/test-repo.ts';

let scenario: Scenario;
let commits: RecordOf<'commit'>[];
let cursor: unknown;

beforeAll(async () => {
  scenario = buildScenario();
  const result = await readStream(
    gitContext({ repositories: [{ path: scenario.repo.path, name: 'acme/api' }] }),
    'commits',
  );
  commits = result.records as RecordOf<'commit'>[];
  cursor = result.cursor;
});
afterAll(removeAll);

const bySha = (sha: string | undefined) => commits.find((c) => c.sha === sha);

describe('git commits stream', () => {
  it('reads every commit reachable from the branches and tags, once, on the repository by full name', () => {
    expect(commits.map((c) => c.sha).sort()).toEqual(Object.values(scenario.shas).sort());
    expect(new Set(commits.map((c) => JSON.stringify(c.repository)))).toEqual(
      new Set(['{"fullName":"acme/api"}']),
    );
  });

  it('keeps every parent of merge and octopus commits, in order', () => {
    const { shas } = scenario;
    expect(bySha(shas.initial)?.parents).toEqual([]);
    expect(bySha(shas.merge)?.parents).toEqual([shas.tricky, shas.feature]);
    expect(bySha(shas.octopus)?.parents).toEqual([shas.merge, shas['leg-a'], shas['leg-b'], shas['leg-c']]);
  });

  it('keeps author and committer apart, each with its own date and offset', () => {
    expect(bySha(scenario.shas.rewritten)).toEqual({
      type: 'commit',
      repository: { fullName: 'acme/api' },
      sha: scenario.shas.rewritten,
      parents: [scenario.shas.initial],
      author: {
        source: 'git',
        externalId: 'ada@example.com',
        name: 'Ada Lovelace',
        email: 'Ada@Example.com',
        emailVerified: false,
        isBot: false,
      },
      committer: {
        source: 'git',
        externalId: 'bob@example.com',
        name: 'Bob Ross',
        email: 'bob@example.com',
        emailVerified: false,
        isBot: false,
      },
      authoredAt: '2024-03-01T10:00:00+05:30',
      committedAt: '2024-03-03T18:00:00-08:00',
      message: 'Add parser\n\nRebased onto main later.',
      additions: 2,
      deletions: 0,
      filesChanged: 1,
    });
  });

  it('parses any message: unicode, tabs, separators, numstat look-alikes and blank lines', () => {
    // Only the trailing newline goes (GitHub reports messages without it).
    expect(bySha(scenario.shas.tricky)?.message).toBe(trickyMessage.replace(/\n$/, ''));
    // The "1\t2\tnot-a-numstat-line" in the message is not counted as a changed file.
    expect(bySha(scenario.shas.tricky)).toMatchObject({ additions: 4, deletions: 1, filesChanged: 2 });
  });

  it('counts lines and files: a binary file is a file without lines, a rename one file', () => {
    expect(bySha(scenario.shas.initial)).toMatchObject({ additions: 1, deletions: 0, filesChanged: 1 });
    expect(bySha(scenario.shas.binary)).toMatchObject({ additions: 0, deletions: 0, filesChanged: 1 });
    expect(bySha(scenario.shas.rename)).toMatchObject({ additions: 0, deletions: 0, filesChanged: 1 });
    // README.md (3 lines) deleted, package.json (1 line) added.
    expect(bySha(scenario.shas.bot)).toMatchObject({ additions: 1, deletions: 3, filesChanged: 2 });
  });

  it('leaves statistics out for merges (git shows them no diff) rather than claiming zero', () => {
    for (const merge of [bySha(scenario.shas.merge), bySha(scenario.shas.octopus)]) {
      expect(merge).toBeDefined();
      expect(merge).not.toHaveProperty('additions');
      expect(merge).not.toHaveProperty('filesChanged');
    }
  });

  it('marks bots by "[bot]" and no-reply service addresses', () => {
    const bot = bySha(scenario.shas.bot);
    expect(bot?.author).toMatchObject({ name: 'dependabot[bot]', isBot: true });
    expect(bot?.committer).toMatchObject({ externalId: 'noreply@github.com', isBot: true });
    expect(bySha(scenario.shas.feature)?.author).toMatchObject({
      externalId: 'bob@example.com',
      isBot: false,
    });
  });

  it('leaves statistics out when they are turned off', async () => {
    const ctx = gitContext({ repositories: [{ path: scenario.repo.path, name: 'acme/api' }], stats: false });
    const { records } = await readStream(ctx, 'commits');
    expect(records).toHaveLength(commits.length);
    for (const record of records) expect(record).not.toHaveProperty('additions');
  });

  it('reads a bare clone exactly like the working tree', async () => {
    const bare = new TestRepo(`${tempDir()}/api.git`);
    scenario.repo.git(['clone', '-q', '--bare', scenario.repo.path, bare.path]);
    const ctx = gitContext({ repositories: [{ path: bare.path, name: 'acme/api' }] });
    const result = await readStream(ctx, 'commits');
    expect(sorted(result.records as RecordOf<'commit'>[])).toEqual(sorted(commits));
    expect(result.cursor).toEqual(cursor);
  });

  it('emits these records and this final cursor (snapshot)', () => {
    expect({ records: sorted(commits), cursor }).toMatchSnapshot();
  });
});

function sorted(records: RecordOf<'commit'>[]): RecordOf<'commit'>[] {
  return [...records].sort((a, b) => a.sha.localeCompare(b.sha));
}
