/**
 * A 5,000-line import with bad lines of every kind among the valid ones: raw NUL bytes (a line of
 * them, and one inside a JSON string), bytes that are not UTF-8, broken JSON, a wrong shape, and
 * a record PostgreSQL refuses (an integer beyond its column). Every valid line is stored, every bad
 * one is reported by line number, and records with `\u0000` or a lone surrogate in a JSON string
 * are cleaned and kept. Before, one such record failed its batch of 1,000 and ended the import.
 */
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { importNdjson } from '../../src/ndjson/import-ndjson.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { commit, repository } from '../store/support/records.ts';
import { newTenant, rows } from '../store/support/tenant.ts';

const total = 5000;
const json = (value: object) => Buffer.from(JSON.stringify(value));
const plain = (n: number) => json(commit(n, { parents: [] }));

/** Line number → its bytes, for the lines that are not plain valid commits. */
const special = new Map<number, { bytes: Buffer; reason: RegExp | null }>([
  [1, { bytes: json(repository()), reason: null }],
  [1000, { bytes: Buffer.from([0, 0, 0, 0]), reason: /^\(line\): not valid JSON/ }],
  [
    1500,
    {
      bytes: Buffer.concat([
        Buffer.from('{"type":"commit","message":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]),
      reason: /^\(line\): not valid UTF-8 text$/,
    },
  ],
  [2000, { bytes: Buffer.from('{"type":"commit", "sha": '), reason: /^\(line\): not valid JSON/ }],
  [2500, { bytes: Buffer.from('\0'), reason: /^\(line\): not valid JSON/ }],
  [3000, { bytes: json(commit(3000, { parents: [], sha: 'XYZ' })), reason: /^sha: / }],
  [
    3500,
    {
      bytes: json(commit(3500, { parents: [], additions: 3_000_000_000 })),
      reason: /^\(record\): the database refused it: /,
    },
  ],
  [4000, { bytes: json(commit(4000, { parents: [], message: 'fix\u0000 the\u0000 build' })), reason: null }],
  [4200, { bytes: json(commit(4200, { parents: [], message: 'half \ud83d a smile' })), reason: null }],
  [
    4500,
    {
      bytes: Buffer.from(JSON.stringify(commit(4500, { parents: [] })).replace('change', 'chan\0ge')),
      reason: /^\(line\): not valid JSON/,
    },
  ],
]);

function file(): Readable {
  const lines: Buffer[] = [];
  for (let n = 1; n <= total; n++) lines.push(special.get(n)?.bytes ?? plain(n), Buffer.from('\n'));
  const bytes = Buffer.concat(lines);
  // Chunks of 64 KiB: lines (and UTF-8 sequences) straddle chunk boundaries.
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
  return Readable.from(chunks);
}

describeEachDb('NDJSON import of a file with bad lines among 5,000', (handle) => {
  it('stores every valid line, reports each bad one by number, cleans NUL and lone surrogates', async () => {
    const t = await newTenant(handle.db);
    const bad = [...special].filter(([, s]) => s.reason !== null);
    const result = await importNdjson(handle.db, t, file());
    expect(result.lines).toBe(total);
    expect(result.invalid).toBe(bad.length);
    expect(result.cleaned).toBe(2);
    expect(result.errors.map((e) => e.line)).toEqual(bad.map(([line]) => line));
    for (const [line, s] of bad) {
      const error = result.errors.find((e) => e.line === line)!;
      expect(`${error.path}: ${error.message}`, `line ${line}`).toMatch(s.reason!);
    }
    // Every line but the bad ones and the repository is a commit; all of them are stored.
    const commits = total - 1 - bad.length;
    expect(await rows(handle.db, t, 'select count(*)::int as n from commits')).toEqual([{ n: commits }]);
    expect(result.written).toBe(commits + 1);
    const cleaned = await rows<{ message: string }>(
      handle.db,
      t,
      'select message from commits where sha = any($1) order by message',
      [[commit(4000).sha, commit(4200).sha]],
    );
    expect(cleaned.map((r) => r.message)).toEqual(['fix the build', 'half \ufffd a smile']);
    // Line 3500 is refused alone: its neighbours in the same batch are stored.
    const near = await rows(handle.db, t, 'select count(*)::int as n from commits where sha = any($1)', [
      [commit(3499).sha, commit(3501).sha],
    ]);
    expect(near).toEqual([{ n: 2 }]);
  });
});
