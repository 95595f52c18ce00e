/**
 * `pulse import`, `pulse export` and `pulse people` on a real process and the embedded database:
 * summaries and exit codes (0 all valid, 1 some lines invalid, 2 unreadable file), a re-import
 * changing nothing, the export read back, and merging two people.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedEnv, expectError, expectOk, runPulse, tempDir } from '../support/run-pulse.ts';

const slow = { timeout: 150_000 };
const line = (record: object) => JSON.stringify(record);
const repo = { type: 'repository', source: 'github', externalId: 'R_api', name: 'api', fullName: 'acme/api' };
const pr = (n: number, author: string) => ({
  type: 'pull_request',
  source: 'github',
  externalId: `PR_${n}`,
  repository: { fullName: 'acme/api' },
  number: n,
  title: `PR ${n}`,
  state: 'open',
  author: { source: 'github', externalId: author, login: author },
  createdAt: '2026-03-01T09:00:00Z',
  updatedAt: '2026-03-01T09:00:00Z',
});

describe('pulse import / export / people', slow, () => {
  const dir = tempDir('pulse-import-');
  const env = embeddedEnv(dir.path);
  const run = (args: string[], input?: string) =>
    runPulse(args, { cwd: dir.path, env, timeoutMs: 60_000, ...(input === undefined ? {} : { input }) });
  const file = (name: string, lines: string[]) => {
    writeFileSync(join(dir.path, name), lines.join('\n') + '\n');
    return name;
  };

  beforeAll(async () => {
    expectOk(await run(['admin', 'tenant', 'create', 'acme']));
  });
  afterAll(() => dir.remove());

  it('imports the valid lines, lists the invalid ones and exits 1; a re-import writes nothing', async () => {
    const name = file('mixed.ndjson', [
      line({ type: 'header', format: 'pulse-ndjson', version: 1 }),
      line(pr(1, 'U_ada')),
      '{oops',
      line(repo),
      line({ ...pr(2, 'U_bob'), state: 'merged' }),
      line(pr(3, 'U_bob')),
    ]);
    const first = await run(['import', name, '--tenant', 'acme']);
    expectError(first, 'IMPORT_LINE_INVALID', 1);
    expect(first.stdout).toContain(
      'Imported into acme: 6 lines read, 3 valid records: 3 written, 0 unchanged; 2 invalid.',
    );
    expect(first.stdout).toMatch(/^line 3: \(line\): not valid JSON: /m);
    expect(first.stdout).toMatch(/^line 5: mergedAt: state "merged" and mergedAt go together/m);
    const again = await run(['import', name, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({
      tenant: 'acme',
      lines: 6,
      records: 3,
      written: 0,
      unchanged: 3,
      invalid: 2,
    });
  });

  it('reads standard input and exits 0 when every line is valid', async () => {
    const result = await run(
      ['import', '-', '--tenant', 'acme'],
      [line(repo), line(pr(4, 'U_cy'))].join('\n'),
    );
    expectOk(result);
    expect(result.stdout).toContain('2 valid records: 1 written, 1 unchanged; 0 invalid.');
  });

  it('exits 2 with IMPORT_FILE_UNREADABLE for a missing file, 1 for another format version', async () => {
    expectError(await run(['import', 'missing.ndjson']), 'IMPORT_FILE_UNREADABLE', 2);
    const name = file('v2.ndjson', [
      line({ type: 'header', format: 'pulse-ndjson', version: 2 }),
      line(repo),
    ]);
    expectError(await run(['import', name]), 'IMPORT_FORMAT_UNSUPPORTED', 1);
  });

  it('exports to a file and to standard output, optionally by type', async () => {
    const toFile = await run(['export', 'out.ndjson', '--tenant', 'acme']);
    expectOk(toFile);
    expect(toFile.stdout).toBe(
      'Exported 7 record(s) of acme (3 person, 1 repository, 3 pull_request) to out.ndjson.\n',
    );
    const lines = readFileSync(join(dir.path, 'out.ndjson'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('{"type":"header","format":"pulse-ndjson","version":1}');
    expect(
      lines
        .slice(1)
        .map((l) => (JSON.parse(l) as { type: string }).type)
        .filter((t) => t === 'pull_request'),
    ).toHaveLength(3);
    const toStdout = await run(['export', '-', '--type', 'repository']);
    expectOk(toStdout);
    expect(toStdout.stdout.trim().split('\n')).toEqual([
      lines[0],
      expect.stringContaining('"fullName":"acme/api"'),
    ]);
    expect(toStdout.stderr).toContain('Exported 1 record(s) of acme (1 repository).');
    expectError(await run(['export', '-', '--type', 'spaceship']), 'VALIDATION_FAILED', 1);
  });

  it('lists people and merges two of them', async () => {
    const listed = await run(['people', 'list', '--json']);
    expectOk(listed);
    const people = JSON.parse(listed.stdout) as { id: number; displayName: string; identities: string[] }[];
    expect(people.map((p) => p.displayName)).toEqual(['U_ada', 'U_bob', 'U_cy']);
    const [ada, bob] = people;
    const merged = await run(['people', 'merge', String(ada!.id), String(bob!.id), '--tenant', 'acme']);
    expectOk(merged);
    expect(merged.stdout).toBe(
      `Merged person ${bob!.id} into ${ada!.id}: 1 identity(ies) and 0 team membership(s) moved.\n`,
    );
    const table = await run(['people', 'list', '--search', 'u_bob']);
    expectOk(table);
    expect(table.stdout).toMatch(new RegExp(`^${ada!.id}\\s+U_ada\\s+github:U_ada, github:U_bob$`, 'm'));
    expectError(await run(['people', 'merge', String(ada!.id), String(bob!.id)]), 'PERSON_NOT_FOUND', 1);
  });
});
