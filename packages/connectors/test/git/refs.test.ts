import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordOf } from '@pulse/core';
import { buildScenario, type Scenario } from './support/scenario.ts';
import { gitContext, readStream } from './support/read-stream.ts';
import { removeAll, TestRepo } from './support/test-repo.ts';

let scenario: Scenario;
afterAll(removeAll);
beforeAll(() => {
  scenario = buildScenario();
});

const contextFor = (repo: TestRepo, extra: object = {}) =>
  gitContext({ repositories: [{ path: repo.path, name: 'acme/api', ...extra }] });
const names = (records: readonly unknown[]) =>
  (records as RecordOf<'ref'>[]).map((r) => `${r.kind}:${r.name}`);

describe('git refs stream', () => {
  it('reads branches and tags, peeling annotated and nested tags to their commit', async () => {
    const { records } = await readStream(contextFor(scenario.repo), 'refs');
    const { shas } = scenario;
    expect(records).toEqual(
      expect.arrayContaining([
        { type: 'ref', repository: { fullName: 'acme/api' }, kind: 'branch', name: 'main', sha: shas.bot },
        { type: 'ref', repository: { fullName: 'acme/api' }, kind: 'tag', name: 'v1.0', sha: shas.rewritten },
        {
          type: 'ref',
          repository: { fullName: 'acme/api' },
          kind: 'tag',
          name: 'v1.1',
          sha: shas.octopus,
          taggedAt: '2024-03-05T12:00:00+02:00',
        },
        {
          type: 'ref',
          repository: { fullName: 'acme/api' },
          kind: 'tag',
          name: 'v1.1-signed',
          sha: shas.octopus,
          taggedAt: '2024-03-05T13:00:00+02:00',
        },
      ]),
    );
    // The tag of a tree has no commit to point to.
    expect(names(records)).not.toContain('tag:tree-only');
  });

  it('reads only the configured branches (names or globs), and every tag', async () => {
    const ctx = contextFor(scenario.repo, { branches: ['main', 'leg-*'] });
    const { records } = await readStream(ctx, 'refs');
    expect(names(records)).toEqual([
      'branch:leg-a',
      'branch:leg-b',
      'branch:leg-c',
      'branch:main',
      'tag:v1.0',
      'tag:v1.1',
      'tag:v1.1-signed',
    ]);
  });

  it('reads commits of the configured branches only', async () => {
    const repo = TestRepo.init();
    const base = repo.commit('Base\n');
    repo.git(['checkout', '-q', '-b', 'experiment']);
    repo.commit('Experiment\n');
    repo.git(['checkout', '-q', 'main']);
    const { records, cursor } = await readStream(contextFor(repo, { branches: ['main'] }), 'commits');
    expect(records.map((r) => (r as RecordOf<'commit'>).sha)).toEqual([base]);
    expect(cursor).toEqual({ refs: { 'refs/heads/main': base } });
  });

  it('emits only new or moved refs on the next read', async () => {
    const repo = TestRepo.init();
    repo.commit('One\n');
    repo.git(['tag', 'v1']);
    repo.git(['tag', '-a', 'v1-annotated', '-m', 'v1']);
    const ctx = contextFor(repo);
    const first = await readStream(ctx, 'refs');
    expect(names(first.records)).toEqual(['branch:main', 'tag:v1', 'tag:v1-annotated']);

    const two = repo.commit('Two\n');
    repo.git(['tag', 'v2']);
    // Re-created on the same commit: a new tag object with a new date, so it counts as moved.
    repo.git(['tag', '-f', '-a', 'v1-annotated', '-m', 'v1 again'], {
      env: { GIT_COMMITTER_DATE: '2024-04-01T00:00:00Z' },
    });
    const second = await readStream(ctx, 'refs', { cursor: first.cursor });
    expect(names(second.records)).toEqual(['branch:main', 'tag:v1-annotated', 'tag:v2']);
    expect(second.records[0]).toMatchObject({ sha: two });
    expect(second.records[1]).toMatchObject({ taggedAt: '2024-04-01T00:00:00+00:00' });
  });

  it('emits these records and this final cursor (snapshot)', async () => {
    const { records, cursor } = await readStream(contextFor(scenario.repo), 'refs');
    expect({ records, cursor }).toMatchSnapshot();
  });
});
