import { afterAll, describe, expect, it } from 'vitest';
import { isPulseError } from '@pulse/core';
import { gitContext, readStream, testConnector, streamOf } from './support/read-stream.ts';
import { removeAll, tempDir, TestRepo } from './support/test-repo.ts';

afterAll(removeAll);

describe('git repositories stream', () => {
  it('names a repository by its configured name, else its origin URL, else its folder', async () => {
    const named = TestRepo.init();
    const cloned = TestRepo.init();
    cloned.git(['remote', 'add', 'origin', 'git@github.com:acme/web.git']);
    const local = TestRepo.init({ bare: true, path: `${tempDir()}/tools.git` });
    const ctx = gitContext({
      repositories: [{ path: named.path, name: 'acme/api' }, { path: cloned.path }, { path: local.path }],
    });
    const partitions = await streamOf('commits').partitions(ctx);
    expect(partitions).toEqual([
      { key: 'acme/api', data: { path: named.path, name: 'acme/api' } },
      { key: 'acme/web', data: { path: cloned.path, name: 'acme/web' } },
      { key: 'tools', data: { path: local.path, name: 'tools' } },
    ]);
    const records = await Promise.all(
      partitions.map(async (partition) => (await readStream(ctx, 'repositories', { partition })).records),
    );
    expect(records.flat()).toEqual([
      {
        type: 'repository',
        source: 'git',
        externalId: 'acme/api',
        name: 'api',
        fullName: 'acme/api',
        defaultBranch: 'main',
      },
      {
        type: 'repository',
        source: 'git',
        externalId: 'acme/web',
        name: 'web',
        fullName: 'acme/web',
        defaultBranch: 'main',
      },
      {
        type: 'repository',
        source: 'git',
        externalId: 'tools',
        name: 'tools',
        fullName: 'tools',
        defaultBranch: 'main',
      },
    ]);
  });

  it('takes the default branch from HEAD, and has none when HEAD is detached', async () => {
    const repo = TestRepo.init();
    const first = repo.commit('One\n');
    repo.git(['checkout', '-q', '-b', 'trunk']);
    const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/api' }] });
    expect((await readStream(ctx, 'repositories')).records[0]).toMatchObject({ defaultBranch: 'trunk' });
    repo.git(['checkout', '-q', '--detach', first]);
    expect((await readStream(ctx, 'repositories')).records[0]).not.toHaveProperty('defaultBranch');
  });

  it('reads a working tree through its .git folder, and a shallow clone down to its boundary', async () => {
    const repo = TestRepo.init();
    const shas = [1, 2, 3].map((n) => repo.commit(`Commit ${n}\n`));
    const throughGitDir = gitContext({ repositories: [{ path: `${repo.path}/.git`, name: 'acme/api' }] });
    expect((await readStream(throughGitDir, 'commits')).records).toHaveLength(3);

    const shallow = new TestRepo(`${tempDir()}/shallow`);
    repo.git(['clone', '-q', '--depth', '2', `file://${repo.path}`, shallow.path]);
    const ctx = gitContext({ repositories: [{ path: shallow.path, name: 'acme/api' }] });
    const { records } = await readStream(ctx, 'commits');
    // The boundary commit's parent is not in the clone: git reports it without parents.
    expect(records).toMatchObject([
      { sha: shas[2], parents: [shas[1]] },
      { sha: shas[1], parents: [] },
    ]);
  });

  it('reads an empty repository (no commits yet) without failing', async () => {
    const repo = TestRepo.init({ bare: true });
    const ctx = gitContext({ repositories: [{ path: repo.path, name: 'acme/empty' }] });
    expect((await readStream(ctx, 'repositories')).records).toEqual([
      {
        type: 'repository',
        source: 'git',
        externalId: 'acme/empty',
        name: 'empty',
        fullName: 'acme/empty',
        defaultBranch: 'main',
      },
    ]);
    const refs = await readStream(ctx, 'refs');
    expect(refs.records).toEqual([]);
    expect(refs.cursor).toEqual({ refs: {} });
    const commits = await readStream(ctx, 'commits');
    expect(commits.pages).toEqual([{ records: [], cursor: { refs: {} } }]);
    expect(await testConnector().check(ctx)).toMatchObject({ ok: true });
  });

  it('refuses two repositories that end up with the same full name', async () => {
    const ctx = gitContext({
      repositories: [
        { path: TestRepo.init({ path: `${tempDir()}/api` }).path },
        { path: `${tempDir()}/api` },
      ],
    });
    const error = await streamOf('commits')
      .partitions(ctx)
      .catch((e: unknown) => e);
    expect(isPulseError(error) && error.code).toBe('GIT_REPOSITORY_NAME_CONFLICT');
    const check = await testConnector().check(ctx);
    expect(check).toMatchObject({ ok: false, code: 'GIT_REPOSITORY_NAME_CONFLICT' });
  });
});
