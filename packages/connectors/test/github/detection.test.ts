import type { RecordOf } from '@pulse/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { GithubConfigInput } from '../../src/github/config.ts';
import { fullName } from './fake/model.ts';
import { generateOrganisation } from './fake/generate.ts';
import { startFakeGithub, type FakeGithubServer } from './fake/server.ts';
import { githubContext, ofType, syncAll } from './support.ts';

let server: FakeGithubServer | undefined;
afterEach(async () => {
  expect(server?.violations ?? []).toEqual([]);
  await server?.close();
  server = undefined;
});

async function deploymentsWith(
  deployments: GithubConfigInput['deployments'],
): Promise<RecordOf<'deployment'>[]> {
  server = await startFakeGithub(generateOrganisation({ repositories: 2, pullsPerRepository: 8 }));
  const { records, failures } = await syncAll(githubContext(server, { deployments }));
  expect(failures).toEqual({});
  return ofType(records, 'deployment');
}

describe('deployment detection', () => {
  it('deployments: GitHub Deployments, production by environment pattern', async () => {
    const found = await deploymentsWith({ source: 'deployments', environmentPattern: '^stag' });
    const all = server!.model.repositories.flatMap((r) => r.deployments);
    expect(found).toHaveLength(all.length);
    expect(found.filter((d) => d.isProduction).map((d) => d.environment)).toEqual(
      all.filter((d) => d.environment === 'staging').map(() => 'staging'),
    );
  });

  it('workflow_runs: completed runs of matching workflows on the production branch', async () => {
    const found = await deploymentsWith({ source: 'workflow_runs', workflowPattern: '^deploy$' });
    const expected = server!.model.repositories.flatMap((r) =>
      r.workflowRuns.filter((w) => w.name === 'Deploy' && w.status === 'completed').map((w) => w.nodeId),
    );
    expect(found.map((d) => d.externalId).sort()).toEqual(expected.sort());
    expect(found.every((d) => d.status === 'success' && d.isProduction)).toBe(true);
  });

  it('releases: published releases, not pre-releases, at their tag commit', async () => {
    const found = await deploymentsWith({ source: 'releases' });
    const model = server!.model;
    const expected = model.repositories.flatMap((r) =>
      r.releases
        .filter((rel) => !rel.isPrerelease)
        .map((rel) => ({
          externalId: rel.id,
          commitSha: r.tags.find((t) => t.name === rel.tagName)!.commitOid,
          finishedAt: rel.publishedAt,
        })),
    );
    expect(
      found.map((d) => ({ externalId: d.externalId, commitSha: d.commitSha, finishedAt: d.finishedAt })),
    ).toEqual(expect.arrayContaining(expected));
    expect(found).toHaveLength(expected.length);
  });

  it('tags: tags matching tagPattern, at their commit', async () => {
    const found = await deploymentsWith({ source: 'tags', tagPattern: '^v\\d' });
    const expected = server!.model.repositories.flatMap((r) => r.tags.filter((t) => t.name.startsWith('v')));
    expect(found.map((d) => d.ref).sort()).toEqual(expected.map((t) => t.name).sort());
    expect(found.map((d) => d.commitSha).sort()).toEqual(expected.map((t) => t.commitOid).sort());
  });

  it('pull_requests: merges into the production branch, at merge time', async () => {
    const found = await deploymentsWith({ source: 'pull_requests' });
    const merged = server!.model.repositories.flatMap((r) =>
      r.pulls
        .filter((p) => p.mergeCommitOid && p.baseRefName === r.defaultBranch)
        .map((p) => ({ repo: fullName(r), p })),
    );
    expect(found.map((d) => [d.repository, d.commitSha, d.finishedAt])).toEqual(
      expect.arrayContaining(merged.map(({ repo, p }) => [{ fullName: repo }, p.mergeCommitOid, p.mergedAt])),
    );
    expect(found).toHaveLength(merged.length);
  });
});
