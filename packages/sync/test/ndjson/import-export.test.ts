/**
 * NDJSON import and export on both databases: invalid lines are reported by number while valid
 * ones are kept, a re-import changes nothing, references may come in any order, a foreign header
 * is refused, and export → import into an empty tenant reproduces the same rows.
 */
import { Readable, PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { isPulseError, type NormalisedRecord } from '@pulse/core';
import { exportNdjson } from '../../src/ndjson/export-ndjson.ts';
import { importNdjson } from '../../src/ndjson/import-ndjson.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import {
  ada,
  adaGit,
  commit,
  everyType,
  pullRequest,
  repository,
  review,
  sha,
} from '../store/support/records.ts';
import { snapshot } from '../store/support/snapshot.ts';
import { newTenant, rows, write } from '../store/support/tenant.ts';

const ndjson = (...lines: (NormalisedRecord | object | string)[]) =>
  Readable.from(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l)) + '\n').join(''));

async function exported(
  db: Parameters<typeof exportNdjson>[0],
  tenantId: string,
  types?: NormalisedRecord['type'][],
) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await exportNdjson(db, tenantId, out, types === undefined ? {} : { types });
  out.end();
  return { text: Buffer.concat(chunks).toString('utf8'), result };
}

describeEachDb('NDJSON import and export', (handle) => {
  it('reports invalid lines by number and reason, keeps the valid ones, and re-imports as unchanged', async () => {
    const t = await newTenant(handle.db);
    const file = () =>
      ndjson(
        { type: 'header', format: 'pulse-ndjson', version: 1 },
        repository(),
        '{"type":"commit", not json',
        { ...commit(1), sha: 'XYZ' },
        '',
        pullRequest(1),
        { type: 'spaceship', source: 'x', externalId: '1' },
        review(1, 1),
        review(2, 404),
        'x'.repeat(3000),
      );
    const first = await importNdjson(handle.db, t, file(), { maxLineBytes: 2000 });
    expect(first).toMatchObject({ lines: 10, records: 4, written: 3, unchanged: 0, invalid: 5 });
    expect(first.errors.map((e) => `line ${e.line}: ${e.path}: ${e.message}`)).toEqual([
      expect.stringMatching(/^line 3: \(line\): not valid JSON: /),
      expect.stringMatching(/^line 4: sha: a full 40- or 64-character lower-case hex commit hash/),
      expect.stringMatching(/^line 7: type: /),
      'line 9: pullRequest: refers to pull request github/PR_404, which is neither stored nor in the file',
      'line 10: (line): longer than the limit of 2000 bytes (3000 bytes)',
    ]);
    expect(await rows(handle.db, t, 'select count(*)::int as n from pull_request_reviews')).toEqual([
      { n: 1 },
    ]);
    const again = await importNdjson(handle.db, t, file(), { maxLineBytes: 2000 });
    expect(again).toMatchObject({ records: 4, written: 0, unchanged: 3, invalid: 5 });
  });

  it('accepts references in any order, across batches', async () => {
    const t = await newTenant(handle.db);
    const comment = {
      type: 'review_comment',
      source: 'github',
      externalId: 'C_1',
      pullRequest: { externalId: 'PR_1' },
      review: { externalId: 'RV_1' },
      createdAt: '2026-03-01T12:00:00Z',
    };
    const progress: number[] = [];
    const result = await importNdjson(
      handle.db,
      t,
      ndjson(comment, review(1, 1), commit(2), commit(1), pullRequest(1), repository()),
      { batchSize: 2, onProgress: (p) => progress.push(p.deferred) },
    );
    expect(result).toMatchObject({ records: 6, written: 6, unchanged: 0, invalid: 0, errors: [] });
    expect(Math.max(...progress)).toBeGreaterThan(0);
    expect(
      await rows(
        handle.db,
        t,
        'select count(*)::int as n from pull_request_comments where review_id is not null',
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('refuses a file whose header names another version, before writing anything', async () => {
    const t = await newTenant(handle.db);
    const error = await importNdjson(
      handle.db,
      t,
      ndjson({ type: 'header', format: 'pulse-ndjson', version: 2 }, repository()),
    ).catch((e: unknown) => e);
    expect(isPulseError(error) && error.code).toBe('IMPORT_FORMAT_UNSUPPORTED');
    expect(await rows(handle.db, t, 'select count(*)::int as n from repositories')).toEqual([{ n: 0 }]);
    const late = await importNdjson(
      handle.db,
      t,
      ndjson(repository(), { type: 'header', format: 'pulse-ndjson', version: 1 }),
    );
    expect(late.errors).toEqual([
      { line: 2, path: 'type', message: 'a header is only allowed as the first line' },
    ]);
  });

  it('round-trips: export, import into an empty tenant, same rows; importing again changes nothing', async () => {
    const source = await newTenant(handle.db);
    await write(handle.db, source, everyType());
    await write(handle.db, source, [
      repository({
        source: 'git',
        externalId: 'acme/web',
        name: 'web',
        fullName: 'acme/web',
        url: '/srv/web',
      }),
      commit(2, {
        repository: { fullName: 'acme/api' },
        author: ada,
        committer: adaGit,
        message: 'ünïcødé ✓\r\nsecond line',
        authoredAt: '2026-03-02T10:00:00.123456+02:00',
      }),
      commit(3, {
        parents: [sha(1), sha(2)],
        author: undefined,
        committer: undefined,
        message: undefined,
      } as never),
      pullRequest(2, {
        state: 'open',
        mergedAt: undefined,
        mergedBy: undefined,
        isDraft: true,
        body: 'tab\there',
        commits: [{ sha: sha(2) }, { sha: sha(3), committedAt: '2026-03-01T09:00:00Z' }],
      } as never),
      {
        type: 'team',
        source: 'hr',
        externalId: 'api-squad',
        name: 'API squad',
        parent: { externalId: 'core' },
        members: [],
        repositories: [],
      },
      { type: 'person', source: 'hr', externalId: 'nobody', displayName: 'No accounts', isBot: true },
      {
        type: 'incident',
        source: 'pagerduty',
        externalId: 'INC_2',
        title: 'Slow',
        status: 'open',
        startedAt: '2026-03-03T00:00:00Z',
        updatedAt: '2026-03-03T01:00:00Z',
      },
    ]);
    const { text, result } = await exported(handle.db, source);
    expect(text.split('\n')[0]).toBe('{"type":"header","format":"pulse-ndjson","version":1}');
    expect(result.byType).toMatchObject({ commit: 3, pull_request: 2, repository: 2, team: 2, person: 4 });

    const target = await newTenant(handle.db);
    const imported = await importNdjson(handle.db, target, Readable.from(text));
    expect(imported).toMatchObject({ invalid: 0, records: result.records, written: result.records });
    expect(await snapshot(handle.db, target)).toEqual(await snapshot(handle.db, source));
    const again = await importNdjson(handle.db, target, Readable.from(text));
    expect(again).toMatchObject({ written: 0, unchanged: result.records });
    // The export of the copy is the export of the original.
    expect((await exported(handle.db, target)).text).toBe(text);
  });

  it('exports only the requested types', async () => {
    const t = await newTenant(handle.db);
    await write(handle.db, t, everyType());
    const { text } = await exported(handle.db, t, ['repository', 'deployment']);
    expect(
      text
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => (JSON.parse(l) as { type: string }).type),
    ).toEqual(['repository', 'deployment']);
  });
});
