import { normalisedRecord } from '@pulse/core';
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryPartitions } from '../../src/github/repository-list.ts';
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

describe('GitHub connector, every stream', () => {
  it('reads repositories, deployments, tags, workflow runs, checks and issues as the model has them', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 3, pullsPerRepository: 10 }));
    const model = server.model;
    const { records, failures } = await syncAll(githubContext(server, {}));
    expect(failures).toEqual({});
    for (const record of records) expect(normalisedRecord.safeParse(record).error).toBeUndefined();

    expect(ofType(records, 'repository')).toEqual(
      model.repositories
        .map((r) => ({
          type: 'repository',
          source: 'github',
          externalId: r.id,
          name: r.name,
          fullName: fullName(r),
          url: `https://github.com/${fullName(r)}`,
          defaultBranch: 'main',
          isArchived: false,
        }))
        .sort((a, b) => a.externalId.localeCompare(b.externalId)),
    );
    const deployments = model.repositories.flatMap((r) => r.deployments.map((d) => ({ repo: r, d })));
    expect(ofType(records, 'deployment')).toEqual(
      deployments
        .map(({ repo, d }) => {
          const last = d.statuses.at(-1)!;
          return {
            type: 'deployment',
            source: 'github',
            externalId: d.id,
            repository: { fullName: fullName(repo) },
            environment: d.environment,
            isProduction: d.environment === 'production',
            commitSha: d.commitOid,
            ref: 'main',
            status: last.state === 'IN_PROGRESS' ? 'in_progress' : last.state.toLowerCase(),
            url: `https://github.com/${fullName(repo)}/actions/runs/1`,
            startedAt: d.createdAt,
            finishedAt: last.createdAt,
          };
        })
        .sort((a, b) => a.externalId.localeCompare(b.externalId)),
    );
    const tags = ofType(records, 'ref');
    expect(tags).toHaveLength(model.repositories.reduce((n, r) => n + r.tags.length, 0));
    const annotated = model.repositories[0]!.tags.find((t) => t.annotated)!;
    expect(tags).toContainEqual({
      type: 'ref',
      repository: { fullName: 'acme/api' },
      kind: 'tag',
      name: annotated.name,
      sha: annotated.commitOid,
      taggedAt: annotated.annotated!.date,
    });
    const runs = ofType(records, 'pipeline_run');
    expect(runs).toHaveLength(model.repositories.reduce((n, r) => n + r.workflowRuns.length, 0));
    expect(runs.filter((r) => r.status === 'in_progress')).toHaveLength(3);
    const merged = model.repositories.flatMap((r) => r.pulls.filter((p) => p.mergeCommitOid));
    expect(ofType(records, 'commit_check')).toHaveLength(merged.length * 2);
    const issues = model.repositories.flatMap((r) => r.issues.filter((i) => !i.isPullRequest));
    expect(
      ofType(records, 'work_item')
        .map((w) => w.externalId)
        .sort(),
    ).toEqual(issues.map((i) => i.nodeId).sort());
    expect(
      ofType(records, 'incident')
        .map((w) => w.externalId)
        .sort(),
    ).toEqual(
      issues
        .filter((i) => i.labels.includes('incident'))
        .map((i) => i.nodeId)
        .sort(),
    );
    expect(ofType(records, 'work_item').find((w) => w.kind === 'defect')).toBeDefined();
  });

  it('re-reads unfinished deployments and runs, then costs one conditional request per repository', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 3, pullsPerRepository: 6 }));
    const model = server.model;
    const first = await syncAll(githubContext(server, {}));
    // Deployments and runs finish: GitHub's events feed does not show it, the pending cursors do.
    for (const repo of model.repositories) {
      for (const d of repo.deployments)
        if (d.statuses.at(-1)!.state === 'IN_PROGRESS')
          d.statuses.push({ state: 'SUCCESS', createdAt: '2026-02-01T00:00:00Z' });
      for (const r of repo.workflowRuns)
        if (r.status !== 'completed') Object.assign(r, { status: 'completed', conclusion: 'success' });
    }
    server.requests.length = 0;
    const second = await syncAll(githubContext(server, {}), first.cursors);
    expect(second.failures).toEqual({});
    expect(ofType(second.records, 'deployment').filter((d) => d.status === 'in_progress')).toEqual([]);
    expect(
      ofType(second.records, 'deployment').filter((d) => d.finishedAt === '2026-02-01T00:00:00Z'),
    ).toHaveLength(3);
    expect(ofType(second.records, 'pipeline_run').filter((r) => r.status === 'in_progress')).toEqual([]);
    expect(ofType(second.records, 'pull_request')).toEqual([]);

    server.requests.length = 0;
    const third = await syncAll(githubContext(server, {}), second.cursors);
    expect(third.records.filter((r) => r.type !== 'repository')).toEqual([]);
    expect(server.requests.map((r) => `${r.status} ${r.path}`)).toEqual([
      '200 /orgs/acme/repos?type=all&per_page=100',
      ...model.repositories.map((r) => `304 /repos/${fullName(r)}/events?per_page=1`),
    ]);
  });

  it('keeps a superseded (INACTIVE) deployment as the success it was, finished when it succeeded', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 3 }));
    const repo = server.model.repositories[0]!;
    const succeeded = repo.deployments.filter((d) => d.statuses.at(-1)!.state === 'SUCCESS');
    const failed = repo.deployments.find((d) => d.statuses.at(-1)!.state === 'FAILURE');
    expect(succeeded.length).toBeGreaterThan(1);
    const before = ofType((await syncAll(githubContext(server, {}))).records, 'deployment');
    // A newer deployment replaces the older successes: GitHub adds an INACTIVE status to each,
    // dated at the replacement. A failed one that is retired manually stays a failure.
    for (const d of succeeded) d.statuses.push({ state: 'INACTIVE', createdAt: '2026-06-01T00:00:00Z' });
    failed?.statuses.push({ state: 'INACTIVE', createdAt: '2026-06-01T00:00:00Z' });
    const after = ofType((await syncAll(githubContext(server, {}))).records, 'deployment');
    expect(after).toEqual(before);
    expect(after.filter((d) => d.finishedAt === '2026-06-01T00:00:00Z')).toEqual([]);
    // One that never had a visible outcome before INACTIVE: a success, finished when created.
    const bare = succeeded[0]!;
    bare.statuses.splice(0, bare.statuses.length, { state: 'INACTIVE', createdAt: '2026-06-01T00:00:00Z' });
    const third = ofType((await syncAll(githubContext(server, {}))).records, 'deployment');
    expect(third.find((d) => d.externalId === bare.id)).toMatchObject({
      status: 'success',
      finishedAt: bare.createdAt,
    });
  });

  it('reads every workflow run of a filtered window past the 1,000-result cap of GitHub', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 2 }));
    const repo = server.model.repositories[0]!;
    const start = Date.parse('2026-03-01T00:00:00Z');
    for (let i = 0; i < 2500; i += 1) {
      const createdAt = new Date(start + i * 37_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      repo.workflowRuns.push({
        id: 900_000 + i,
        nodeId: `WFR_bulk_${i}`,
        name: 'CI',
        path: '.github/workflows/ci.yml',
        headSha: 'a'.repeat(40),
        headBranch: 'main',
        event: 'push',
        status: 'completed',
        conclusion: 'success',
        createdAt,
        runStartedAt: createdAt,
        updatedAt: createdAt,
      });
    }
    // `since` makes even the first read a `created` listing, the kind GitHub cuts at 1,000.
    const { records, failures } = await syncAll(githubContext(server, { since: '2020-01-01' }));
    expect(failures).toEqual({});
    const runs = ofType(records, 'pipeline_run').map((r) => r.externalId);
    expect(new Set(runs).size).toBe(repo.workflowRuns.length);
    expect(runs).toHaveLength(repo.workflowRuns.length);
  });

  it('fails only the partitions of a repository that is gone', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 2, pullsPerRepository: 3 }));
    server.model.repositories[1]!.deleted = true;
    const ctx = githubContext(server, { repositories: { repositories: ['acme/api', 'acme/web'] } });
    const result = await syncAll(ctx);
    const failed = Object.entries(result.failures);
    expect(failed.map(([key]) => key).sort()).toEqual(
      ['commit_checks', 'deployments', 'issues', 'pull_requests', 'tags', 'workflow_runs'].map(
        (s) => `${s} acme/web`,
      ),
    );
    for (const [, error] of failed)
      expect(error).toMatchObject({ code: 'SOURCE_NOT_FOUND', message: expect.stringContaining('acme/web') });
    expect(ofType(result.records, 'repository').map((r) => r.fullName)).toEqual(['acme/api']);
    expect(ofType(result.records, 'pull_request')).toHaveLength(3);
  });

  it('selects repositories with include and exclude globs', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 5, pullsPerRepository: 1 }));
    const ctx = githubContext(server, {
      repositories: { org: 'acme', include: ['w*', 'acme/api', 'infra'], exclude: ['worker'] },
    });
    expect((await repositoryPartitions(ctx)).map((p) => p.key)).toEqual([
      'acme/api',
      'acme/infra',
      'acme/web',
    ]);
  });

  it('serves GitHub Enterprise Server paths: REST under /api/v3, GraphQL at /api/graphql', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 4 }), {
      enterprise: true,
    });
    expect(server.baseUrl).toMatch(/\/api\/v3$/);
    const { records, failures } = await syncAll(githubContext(server, {}));
    expect(failures).toEqual({});
    expect(ofType(records, 'pull_request')).toHaveLength(4);
    expect(server.requests.some((r) => r.operation === 'PullRequests' && r.status === 200)).toBe(true);
  });
});
