import { describe, expect, it } from 'vitest';
import { CommitLogParser, countStats } from './commit-log.ts';

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);
const c = 'c'.repeat(40);

/** The tokens git prints for one commit in the connector's format (see commit-log.ts). */
function commitTokens(sha: string, parents: string, message: string, numstat: string): string[] {
  const person = ['Ada', 'ada@example.com', '2024-03-01T10:00:00+01:00'];
  return [sha, parents, ...person, ...person, message, `\n${numstat}`];
}

describe('CommitLogParser', () => {
  it('assembles commits from NUL-separated tokens, the statistics trailing each commit', () => {
    const parser = new CommitLogParser(true);
    const tokens = [
      '',
      ...commitTokens(a, `${b} ${c}`, 'Merge\n', ''),
      ...commitTokens(b, c, 'Fix\n\n1\t2\tlooks-like-numstat\n', '\n3\t1\tsrc/x.ts\n-\t-\tlogo.png\n'),
      ...commitTokens(c, '', 'Root\n', '\n1\t0\tREADME.md\n').slice(0, -1),
    ];
    const commits = tokens.map((t) => parser.push(t)).filter((x) => x !== undefined);
    const last = parser.end();
    expect(commits.map((x) => x.sha)).toEqual([a, b]);
    expect(commits[0]).toMatchObject({ parents: [b, c], message: 'Merge\n', stats: null });
    expect(commits[1]).toMatchObject({
      parents: [c],
      message: 'Fix\n\n1\t2\tlooks-like-numstat\n',
      stats: { additions: 3, deletions: 1, files: 2 },
      author: { name: 'Ada', email: 'ada@example.com', date: '2024-03-01T10:00:00+01:00' },
    });
    // The output ended without the last commit's statistics token: an empty one is assumed.
    expect(last).toMatchObject({ sha: c, parents: [], stats: { additions: 0, deletions: 0, files: 0 } });
  });

  it('leaves statistics null when they were not asked for', () => {
    const parser = new CommitLogParser(false);
    const results = ['', ...commitTokens(a, '', 'x', '')].map((t) => parser.push(t));
    expect(results.at(-1)).toMatchObject({ sha: a, stats: null });
  });

  it('fails loudly instead of misreading output it does not expect', () => {
    expect(() => new CommitLogParser(true).push('garbage')).toThrow(/unexpected git log output/);
    const parser = new CommitLogParser(true);
    parser.push('');
    expect(() => commitTokens('not-a-sha', '', 'x', '').forEach((t) => parser.push(t))).toThrow(
      /unexpected git log output/,
    );
    const cut = new CommitLogParser(true);
    ['', a, ''].forEach((t) => cut.push(t));
    expect(() => cut.end()).toThrow(/ended inside a commit/);
  });
});

describe('countStats', () => {
  it('sums numstat lines, counting binary files without lines', () => {
    expect(countStats('\n10\t2\ta.ts\n-\t-\tb.png\n0\t5\tc => d\n')).toEqual({
      additions: 10,
      deletions: 7,
      files: 3,
    });
    expect(countStats('\n')).toEqual({ additions: 0, deletions: 0, files: 0 });
  });
});
