import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isPulseError, type PulseError } from '@pulse/core';
import { createGitConnector } from '@pulse/connectors';
import { gitContext, readStream, type GitStreamName } from './support/read-stream.ts';
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
    const result = await createGitConnector().check(ctx);
    expect(result).toEqual({
      ok: true,
      detail: expect.stringMatching(/^git version \d+\.\d+.*; 1 readable: acme\/api$/),
    });
  });

  it('reports a path that does not exist, in check and as a failure of each stream', async () => {
    const missing = join(tempDir(), 'nowhere', 'api.git');
    const ctx = gitContext({ repositories: [{ path: missing }] });
    const result = await createGitConnector().check(ctx);
    expect(result).toEqual({
      ok: false,
      code: 'GIT_REPOSITORY_NOT_FOUND',
      message: expect.stringContaining(`${missing} does not exist`),
      hint: expect.stringContaining('git -C PATH rev-parse --git-dir'),
    });
    // The partition is still listed (by folder name), so the runner records the failure on it.
    expect(await createGitConnector().streams[0]!.partitions(ctx)).toEqual([
      { key: 'api', data: { path: missing, name: 'api' } },
    ]);
    for (const stream of streams) {
      const error = await readFailure(ctx, stream);
      expect({ stream, code: error.code, hint: error.hint }).toEqual({
        stream,
        code: 'GIT_REPOSITORY_NOT_FOUND',
        hint: expect.stringContaining('absolute path'),
      });
    }
  });

  it('rejects a folder that is not a repository, even inside one', async () => {
    const repo = TestRepo.init();
    repo.commit('One\n');
    const inside = join(repo.path, 'src');
    mkdirSync(inside);
    const ctx = gitContext({ repositories: [{ path: inside, name: 'acme/api' }] });
    expect(await createGitConnector().check(ctx)).toMatchObject({
      ok: false,
      code: 'GIT_REPOSITORY_NOT_FOUND',
      message: expect.stringContaining('is not a git repository'),
    });
    expect((await readFailure(ctx, 'commits')).code).toBe('GIT_REPOSITORY_NOT_FOUND');
  });

  // Changing a folder's owner needs root; git then refuses it as "dubious ownership".
  it.skipIf(process.getuid?.() !== 0)(
    'reports a repository owned by another user as unreadable',
    async () => {
      vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null'); // no safe.directory exceptions from this machine
      try {
        const repo = TestRepo.init();
        repo.commit('One\n');
        chownSync(repo.path, 4321, 4321);
        const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/api' }] });
        expect(await createGitConnector().check(ctx)).toMatchObject({
          ok: false,
          code: 'GIT_REPOSITORY_UNREADABLE',
          message: expect.stringContaining('dubious ownership'),
          hint: expect.stringContaining('safe.directory'),
        });
        expect((await readFailure(ctx, 'commits')).code).toBe('GIT_REPOSITORY_UNREADABLE');
      } finally {
        vi.unstubAllEnvs();
      }
    },
  );

  it('reports a missing git program', async () => {
    const repo = TestRepo.init();
    const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/api' }] });
    const binary = join(tempDir(), 'no-such-git');
    expect(await createGitConnector({ binary }).check(ctx)).toMatchObject({
      ok: false,
      code: 'GIT_NOT_INSTALLED',
      hint: expect.stringContaining('Install git'),
    });
    for (const stream of streams)
      expect((await readFailure(ctx, stream, binary)).code).toBe('GIT_NOT_INSTALLED');
  });

  it('validates the configuration strictly', () => {
    const { configSchema, secretsSchema } = createGitConnector();
    expect(configSchema.parse({ repositories: [{ path: '/srv/git/api.git' }] })).toEqual({
      repositories: [{ path: '/srv/git/api.git' }],
      stats: true,
    });
    const invalid = [
      {},
      { repositories: [] },
      { repositories: [{ path: 'relative/api' }] },
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
