import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPulseError, type PulseError } from '@pulse/core';
import { gitContext, readStream, testConnector, type GitStreamName } from './support/read-stream.ts';
import { removeAll, tempDir, TestRepo } from './support/test-repo.ts';

afterAll(removeAll);

const streams: GitStreamName[] = ['repositories', 'refs', 'commits'];

async function readFailure(ctx: ReturnType<typeof gitContext>, stream: GitStreamName, binary?: string) {
  const error = await readStream(ctx, stream, binary === undefined ? {} : { options: { binary } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPulseError(error)) throw new Error(`expected a PulseError, got ${String(error)}`);
  return error as PulseError;
}

describe('git connector check and failures', () => {
  it('passes for readable repositories and says which git it found', async () => {
    const repo = TestRepo.init();
    repo.commit('One\n');
    const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/api' }] });
    const result = await testConnector().check(ctx);
    expect(result).toEqual({
      ok: true,
      detail: expect.stringMatching(/^git version \d+\.\d+.*; 1 readable: acme\/api$/),
    });
  });

  // A missing path is refused like a forbidden one: saying "does not exist" would tell a tenant
  // admin which paths outside its folder exist (security.test.ts).
  it('refuses a path that does not exist, in check and as a failure of each stream', async () => {
    const missing = join(tempDir(), 'nowhere', 'api.git');
    const ctx = gitContext({ repositories: [{ path: missing }] });
    const result = await testConnector().check(ctx);
    expect(result).toEqual({
      ok: false,
      code: 'GIT_PATH_NOT_ALLOWED',
      message: `The git repository path ${JSON.stringify(missing)} is not allowed.`,
      hint: expect.stringContaining('PULSE_GIT_ROOTS'),
    });
    // The partition is still listed (by folder name), so the runner records the failure on it.
    expect(await testConnector().streams[0]!.partitions(ctx)).toEqual([
      { key: 'api', data: { path: missing, name: 'api' } },
    ]);
    for (const stream of streams) {
      const error = await readFailure(ctx, stream);
      expect({ stream, code: error.code, hint: error.hint }).toEqual({
        stream,
        code: 'GIT_PATH_NOT_ALLOWED',
        hint: expect.stringContaining('PULSE_GIT_ROOTS'),
      });
    }
  });

  it('rejects a folder that is not a repository, even inside one', async () => {
    const repo = TestRepo.init();
    repo.commit('One\n');
    const inside = join(repo.path, 'src');
    mkdirSync(inside);
    const ctx = gitContext({ repositories: [{ path: inside, name: 'acme/api' }] });
    expect(await testConnector().check(ctx)).toMatchObject({
      ok: false,
      code: 'GIT_REPOSITORY_NOT_FOUND',
      message: expect.stringContaining('is not a git repository'),
    });
    expect((await readFailure(ctx, 'commits')).code).toBe('GIT_REPOSITORY_NOT_FOUND');
  });

  // Changing a folder's owner needs root. Git refuses a repository another user owns ("dubious
  // ownership") unless safe.directory names it: the connector names exactly the confined real path
  // (never "*"), so a repository the operator placed in the tenant's folder is read whoever owns it.
  it.skipIf(process.getuid?.() !== 0)(
    "reads a repository another user owns inside the tenant's folder (safe.directory is that path only)",
    async () => {
      const repo = TestRepo.init();
      repo.commit('One\n');
      chownSync(repo.path, 4321, 4321);
      chownSync(join(repo.path, '.git'), 4321, 4321);
      const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/api' }] });
      expect(await testConnector().check(ctx)).toMatchObject({ ok: true });
      expect((await readStream(ctx, 'commits')).records).toHaveLength(1);
      // Without the connector's safe.directory, git itself refuses the same repository.
      expect(() => repo.git(['rev-parse', '--git-dir'])).toThrow(/dubious ownership/);
    },
  );

  it('reports a missing git program', async () => {
    const repo = TestRepo.init();
    const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/api' }] });
    const binary = join(tempDir(), 'no-such-git');
    expect(await testConnector({ binary }).check(ctx)).toMatchObject({
      ok: false,
      code: 'GIT_NOT_INSTALLED',
      hint: expect.stringContaining('Install git'),
    });
    for (const stream of streams)
      expect((await readFailure(ctx, stream, binary)).code).toBe('GIT_NOT_INSTALLED');
  });

  it('validates the configuration strictly', () => {
    const { configSchema, secretsSchema } = testConnector();
    expect(configSchema.parse({ repositories: [{ path: '/srv/git/api.git' }] })).toEqual({
      repositories: [{ path: '/srv/git/api.git' }],
      stats: true,
    });
    // Relative paths are allowed: they resolve against the tenant's folder (security.test.ts).
    expect(configSchema.safeParse({ repositories: [{ path: 'api.git' }] }).success).toBe(true);
    const invalid = [
      {},
      { repositories: [] },
      { repositories: [{ path: '/srv/api', url: 'x' }] },
      { repositories: [{ path: '/srv/api', name: '/acme/api' }] },
      { repositories: [{ path: '/srv/api', branches: ['refs/heads/main'] }] },
      { repositories: [{ path: '/srv/api', branches: ['--all'] }] },
      {
        repositories: [
          { path: '/srv/a', name: 'acme/api' },
          { path: '/srv/b', name: 'ACME/api' },
        ],
      },
    ];
    for (const config of invalid)
      expect(configSchema.safeParse(config).success, JSON.stringify(config)).toBe(false);
    expect(secretsSchema.parse({})).toEqual({});
    expect(secretsSchema.safeParse({ token: 'x' }).success).toBe(false);
  });
});
