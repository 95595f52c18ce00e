/**
 * The holes the git connector closes, one test each: a tenant reads only its own folder under the
 * git roots (or what was granted to it), whatever the path says (another tenant's folder, the
 * install's own .git, /proc, a symlink or a .git file pointing out, '..'); a refusal never tells
 * what exists; and git runs with nothing of Pulse's environment and none of the programs a
 * repository's config can name.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isPulseError } from '@pulse/core';
import type { GitConfig } from '@pulse/connectors';
import { runGit } from '../../src/git/client.ts';
import { openRepository } from '../../src/git/options.ts';
import { gitContext, readStream, testConnector, type GitStreamName } from './support/read-stream.ts';
import { outsideDir, removeAll, tempDir, testRoot, testTenant, TestRepo } from './support/test-repo.ts';

afterAll(removeAll);

const globex = { id: '00000000-0000-4000-8000-0000000b1eb0', slug: 'globex' };
const streams: GitStreamName[] = ['repositories', 'refs', 'commits'];

/** Every way the connector can be asked to read `path` as `tenant`, with what each answered. */
async function attempts(path: string, tenant: { id: string; slug: string } | null = testTenant) {
  const config = { repositories: [{ path, name: 'acme/api' }] };
  const ctx = gitContext(config, undefined, tenant);
  const connector = testConnector();
  const refused = (error: unknown) =>
    isPulseError(error) ? { code: error.code, message: error.message, hint: error.hint } : error;
  const results: Record<string, unknown> = {};
  results.checkConfig = await connector.checkConfig!(
    ctx.config as GitConfig,
    tenant ?? { id: '', slug: '' },
  ).then(() => 'allowed', refused);
  const check = await connector.check(ctx);
  results.check = check.ok ? 'allowed' : { code: check.code, message: check.message, hint: check.hint };
  for (const stream of streams)
    results[stream] = await readStream(ctx, stream).then(() => 'allowed', refused);
  return results;
}

/** What every attempt must answer for a refused `path`: one code, one message, one hint. */
function refusedEverywhere(path: string) {
  const refusal = {
    code: 'GIT_PATH_NOT_ALLOWED',
    message: `The git repository path ${JSON.stringify(path)} is not allowed.`,
    hint: expect.stringContaining('PULSE_GIT_ROOTS'),
  };
  return Object.fromEntries(['checkConfig', 'check', ...streams].map((k) => [k, refusal]));
}

const allowedEverywhere = Object.fromEntries(['checkConfig', 'check', ...streams].map((k) => [k, 'allowed']));

function repoIn(folder: string): TestRepo {
  const repo = TestRepo.init({ path: folder });
  repo.commit('One\n');
  return repo;
}

describe('git paths are confined to the tenant’s folders', () => {
  it("reads a repository in the tenant's own folder, by absolute or relative path", async () => {
    const repo = repoIn(join(tempDir(), 'api'));
    expect(await attempts(repo.path)).toEqual(allowedEverywhere);
    const relative = repo.path.slice(join(testRoot(), testTenant.slug).length + 1);
    expect(await attempts(relative)).toEqual(allowedEverywhere);
  });

  it("refuses another tenant's repository, though it lies under the same root", async () => {
    const theirs = repoIn(join(testRoot(), globex.slug, 'secret-api'));
    expect(await attempts(theirs.path)).toEqual(refusedEverywhere(theirs.path));
    // The owner reads it; with no tenant at all nothing is read.
    expect(await attempts(theirs.path, globex)).toEqual(allowedEverywhere);
    expect(await attempts(theirs.path, null)).toEqual(refusedEverywhere(theirs.path));
  });

  it("refuses the Pulse install's own repository and anything outside the roots", async () => {
    const own = join(process.cwd(), '.git');
    expect(existsSync(own)).toBe(true);
    expect(await attempts(own)).toEqual(refusedEverywhere(own));
    expect(await attempts(process.cwd())).toEqual(refusedEverywhere(process.cwd()));
    const elsewhere = repoIn(join(outsideDir(), 'repo'));
    expect(await attempts(elsewhere.path)).toEqual(refusedEverywhere(elsewhere.path));
  });

  it('refuses /proc paths, even one that leads back into the tenant’s folder', async () => {
    expect(await attempts('/proc/self/cwd')).toEqual(refusedEverywhere('/proc/self/cwd'));
    const repo = repoIn(join(tempDir(), 'api'));
    // /proc/self/root/<path> is the same folder by its real path: refused by its spelling.
    const viaProc = `/proc/self/root${repo.path}`;
    expect(existsSync(join(viaProc, '.git'))).toBe(true);
    expect(await attempts(viaProc)).toEqual(refusedEverywhere(viaProc));
  });

  it('refuses a symlink inside the folder that points outside it, and follows one that stays inside', async () => {
    const elsewhere = repoIn(join(outsideDir(), 'repo'));
    const folder = tempDir();
    symlinkSync(elsewhere.path, join(folder, 'escape'));
    symlinkSync(join(testRoot(), globex.slug), join(folder, 'neighbour'));
    mkdirSync(join(testRoot(), globex.slug), { recursive: true });
    repoIn(join(testRoot(), globex.slug, 'shared'));
    expect(await attempts(join(folder, 'escape'))).toEqual(refusedEverywhere(join(folder, 'escape')));
    // A link to a folder outside that is no repository: refused, not "not a git repository".
    symlinkSync('/etc', join(folder, 'etc'));
    expect(await attempts(join(folder, 'etc'))).toEqual(refusedEverywhere(join(folder, 'etc')));
    const through = join(folder, 'neighbour', 'shared');
    expect(await attempts(through)).toEqual(refusedEverywhere(through));
    const mine = repoIn(join(folder, 'real'));
    symlinkSync(mine.path, join(folder, 'alias'));
    expect(await attempts(join(folder, 'alias'))).toEqual(allowedEverywhere);
  });

  it('refuses a repository whose .git file points outside the folder', async () => {
    const elsewhere = repoIn(join(outsideDir(), 'repo'));
    const folder = join(tempDir(), 'worktree');
    mkdirSync(folder);
    writeFileSync(join(folder, '.git'), `gitdir: ${join(elsewhere.path, '.git')}\n`);
    expect(await attempts(folder)).toEqual(refusedEverywhere(folder));
  });

  it("refuses '..' in a path, even one that stays inside", async () => {
    const repo = repoIn(join(tempDir(), 'api'));
    // `<folder>/api/../api` is the same repository: '..' is refused however it is used.
    const spelled = `${repo.path}/../api`;
    expect(await attempts(spelled)).toEqual(refusedEverywhere(spelled));
    const out = `../${globex.slug}/shared`;
    expect(await attempts(out)).toEqual(refusedEverywhere(out));
  });

  it('answers the same for a missing path, an existing file and a forbidden existing folder', async () => {
    const answers = await Promise.all(
      ['/etc/shadow', '/nonexistent', '/root', '/etc/passwd', '/'].map(async (path) =>
        JSON.stringify(await attempts(path)).replaceAll(
          JSON.stringify(JSON.stringify(path)).slice(1, -1),
          'P',
        ),
      ),
    );
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!).check).toMatchObject({ code: 'GIT_PATH_NOT_ALLOWED' });
  });

  it('reads a folder granted to a tenant, and only for that tenant', async () => {
    const granted = repoIn(join(outsideDir(), 'shared'));
    const connector = testConnector({ grants: [{ tenant: globex.slug, path: granted.path }] });
    const config = { repositories: [{ path: granted.path, name: 'acme/shared' }] };
    expect(await connector.check(gitContext(config, undefined, globex))).toMatchObject({ ok: true });
    expect(await connector.check(gitContext(config))).toMatchObject({
      ok: false,
      code: 'GIT_PATH_NOT_ALLOWED',
    });
  });
});

describe('git runs in a minimal environment and runs no program a repository names', () => {
  it("passes none of Pulse's environment to git", async () => {
    const repo = repoIn(join(tempDir(), 'api'));
    vi.stubEnv('PULSE_SECRET_KEY', 'sentinel-secret-key');
    vi.stubEnv('DATABASE_URL', 'postgres://u:sentinel-password@127.0.0.1/x');
    vi.stubEnv('GIT_DIR', '/elsewhere/.git');
    try {
      const git = await openRepository(
        { roots: [testRoot()] },
        gitContext({ repositories: [{ path: repo.path }] }),
        repo.path,
      );
      // An alias in the repository's config runs a shell with git's environment: print it.
      repo.git(['config', 'alias.dump-env', '!env']);
      const { stdout } = await runGit(git, ['dump-env']);
      const names = stdout.split('\n').map((line) => line.split('=')[0]);
      expect(stdout).not.toContain('sentinel');
      expect(names.filter((n) => n?.startsWith('PULSE_') || n === 'DATABASE_URL' || n === 'GIT_DIR')).toEqual(
        [],
      );
      expect(stdout).toContain('HOME=/nonexistent\n');
      expect(stdout).toContain('GIT_CONFIG_NOSYSTEM=1\n');
      expect(stdout).toContain('GIT_CONFIG_GLOBAL=/dev/null\n');
      expect(stdout).toContain('GIT_TERMINAL_PROMPT=0\n');
      expect(stdout).toContain('LC_ALL=C\n');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("runs neither a repository's fsmonitor nor its hooks", async () => {
    const repo = repoIn(join(tempDir(), 'api'));
    const marker = join(outsideDir(), 'ran');
    const script = join(outsideDir(), 'evil.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0" >> ${marker}\n`, { mode: 0o755 });
    repo.git(['config', 'core.fsmonitor', script]);
    mkdirSync(join(repo.path, 'hooks'));
    for (const hook of ['pre-commit', 'post-commit', 'reference-transaction'])
      writeFileSync(join(repo.path, 'hooks', hook), `#!/bin/sh\necho ${hook} >> ${marker}\n`, {
        mode: 0o755,
      });
    repo.git(['config', 'core.hooksPath', join(repo.path, 'hooks')]);
    const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/api' }] });
    expect(await testConnector().check(ctx)).toMatchObject({ ok: true });
    for (const stream of streams) await readStream(ctx, stream);
    // Commands that would run them if allowed: status refreshes the index through fsmonitor, and
    // commit runs hooks.
    const git = await openRepository({ roots: [testRoot()] }, ctx, repo.path);
    await runGit(git, ['status', '--porcelain']);
    await runGit(git, [
      '-c',
      'user.name=A',
      '-c',
      'user.email=a@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'x',
    ]);
    expect(existsSync(marker)).toBe(false);
  });
});
