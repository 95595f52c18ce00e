/**
 * `pulse integrations` / `pulse sync` / `pulse runs` / `pulse reprocess` on a real process and the
 * embedded database, syncing a real git repository built with `git`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, withTenant } from '@pulse/db';
import { TestRepo, ada, bob, removeAll } from '../../../packages/connectors/test/git/support/test-repo.ts';
import { embeddedEnv, expectError, expectOk, runPulse, tempDir } from './support/run-pulse.ts';

const slow = { timeout: 240_000 };

describe('pulse integrations and sync (git)', slow, () => {
  const dir = tempDir('pulse-sync-cli-');
  const env = embeddedEnv(dir.path);
  const run = (args: string[], input?: string) =>
    runPulse(args, { cwd: dir.path, env, timeoutMs: 90_000, ...(input === undefined ? {} : { input }) });
  let repo: TestRepo;

  beforeAll(async () => {
    // The default git root: `repositories` beside the data folder; tenant acme reads its acme/ folder.
    repo = TestRepo.init({ path: join(dir.path, 'repositories', 'acme', 'api') });
    repo.commit('first', { author: ada, files: { 'a.txt': 'a\n' } });
    repo.commit('second', { author: bob, files: { 'b.txt': 'b\n' } });
    repo.git(['tag', 'v1.0.0']);
    expectOk(await run(['admin', 'tenant', 'create', 'acme']));
  });
  afterAll(() => {
    dir.remove();
    removeAll();
  });

  it('adds a git integration, syncs it with progress, and syncs again incrementally', async () => {
    const config = JSON.stringify({ repositories: [{ path: repo.path, name: 'acme/api' }] });
    expectOk(await run(['integrations', 'add', 'git', '--name', 'local', '--config', config]));
    const check = await run(['integrations', 'check', 'local']);
    expectOk(check);
    expect(check.stdout).toMatch(/^local: OK/);

    const first = await run(['sync', 'local']);
    expectOk(first);
    expect(first.stdout).toMatch(/^Run \d+ succeeded: .*records/m);

    repo.commit('third', { author: ada, files: { 'c.txt': 'c\n' } });
    const second = await run(['sync', 'local', '--json']);
    expectOk(second);
    const runJson = JSON.parse(second.stdout) as { state: string; progress: { records: number } };
    expect(runJson.state).toBe('succeeded');

    const db = await openPglite(env.PULSE_DATA_DIR);
    try {
      const tenant = await db.query<{ id: string }>("select id from tenants where slug = 'acme'");
      const rows = await withTenant(db, tenant.rows[0]!.id, async (tx) => ({
        commits: (await tx.query<{ message: string }>('select message from commits order by committed_at'))
          .rows,
        refs: (await tx.query<{ name: string }>("select name from git_refs where kind = 'tag'")).rows,
        repos: (await tx.query<{ full_name: string }>('select full_name from repositories')).rows,
      }));
      expect(rows.commits.map((c) => c.message.trim())).toEqual(['first', 'second', 'third']);
      expect(rows.refs).toEqual([{ name: 'v1.0.0' }]);
      expect(rows.repos).toEqual([{ full_name: 'acme/api' }]);
    } finally {
      await db.close();
    }

    const runs = await run(['runs', 'list', '--json']);
    expectOk(runs);
    expect((JSON.parse(runs.stdout) as { state: string }[]).map((r) => r.state)).toEqual([
      'succeeded',
      'succeeded',
    ]);
    const list = await run(['integrations', 'list']);
    expect(list.stdout).toMatch(/local\s+git\s+3600s\s+yes/);
    const reprocess = await run(['reprocess', 'local']);
    expectOk(reprocess);
    expect(reprocess.stdout).toContain('Skipped (no raw payloads kept');
  });

  it('bad input gets a stable code and a hint', async () => {
    expectError(await run(['integrations', 'add', 'svn', '--name', 'x']), 'INTEGRATION_KIND_UNKNOWN', 1);
    expectError(
      await run([
        'integrations',
        'add',
        'git',
        '--name',
        'bad',
        '--config',
        '{"repositories":[{"paht":"/x"}]}',
      ]),
      'INTEGRATION_CONFIG_INVALID',
      1,
    );
    expectError(
      await run(['integrations', 'add', 'git', '--name', 'bad', '--config', '{oops']),
      'VALIDATION_FAILED',
      1,
    );
    const valid = JSON.stringify({ repositories: [{ path: repo.path }] });
    expectOk(await run(['integrations', 'add', 'git', '--name', 'dup', '--config', valid]));
    expectError(
      await run(['integrations', 'add', 'git', '--name', 'dup', '--config', valid]),
      'INTEGRATION_NAME_TAKEN',
      1,
    );
    expectError(await run(['sync', 'nope']), 'INTEGRATION_NOT_FOUND', 1);
    expectError(await run(['runs', 'resume', '999999']), 'SYNC_RUN_NOT_FOUND', 1);
    expectError(
      await run(['integrations', 'add', 'git', '--name', 'later', '--interval', '5x', '--config', valid]),
      'VALIDATION_FAILED',
      1,
    );
  });

  it('a repository that disappeared fails its partitions and the check, with a hint', async () => {
    const gone = TestRepo.init({ path: join(dir.path, 'repositories', 'acme', 'gone') });
    const config = JSON.stringify({ repositories: [{ path: 'gone', name: 'acme/gone' }] });
    expectOk(
      await run([
        'integrations',
        'add',
        'git',
        '--name',
        'gone',
        '--config',
        config,
        '--max-failed-share',
        '0',
      ]),
    );
    rmSync(gone.path, { recursive: true });
    // Gone is refused like a path outside the folder: a refusal never tells what exists.
    const check = await run(['integrations', 'check', 'gone']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^gone: FAILED GIT_PATH_NOT_ALLOWED/);
    const sync = await run(['sync', 'gone']);
    expect(sync.code).toBe(1);
    expect(sync.stdout).toMatch(/^Run \d+ failed/m);
    expect(sync.stdout).toContain('GIT_PATH_NOT_ALLOWED');
  });

  it('a run whose failed partitions are tolerated ends partial, never succeeded', async () => {
    // A folder that is not a git repository: allowed where it lies, failing when it is read.
    mkdirSync(join(dir.path, 'repositories', 'acme', 'plain'), { recursive: true });
    const config = JSON.stringify({
      repositories: [
        { path: repo.path, name: 'acme/kept' },
        { path: 'plain', name: 'acme/lost' },
      ],
    });
    const add = ['integrations', 'add', 'git', '--name', 'half', '--config', config];
    expectOk(await run([...add, '--max-failed-share', '1']));
    const sync = await run(['sync', 'half']);
    expect(sync.code).toBe(1);
    expect(sync.stdout).toMatch(/^Run \d+ partial \(succeeded with errors\)/m);
    expect(sync.stdout).toContain('GIT_REPOSITORY_NOT_FOUND');
    const list = await run(['runs', 'list']);
    expectOk(list);
    expect(list.stdout).toContain('partial (succeeded with errors)');
    const json = await run(['runs', 'list', '--json']);
    const runs = JSON.parse(json.stdout) as { state: string }[];
    expect(runs[0]!.state).toBe('partial');
  });
});
