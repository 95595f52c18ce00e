/**
 * The GitHub connector through the whole sync engine (runner, HTTP client, writer) against the
 * fake GitHub server: a full sync stores exactly the fake's organisation; a no-change sync costs one
 * conditional request per repository; kill -9 at random instants then resume gives exactly the
 * uninterrupted result.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { githubConnector } from '@pulse/connectors';
import { withTenant, type Db } from '@pulse/db';
import { addIntegration, executeRun, httpFactory, reprocess, requestSync } from '@pulse/sync';
import { generateOrganisation } from '../../../connectors/test/github/fake/generate.ts';
import type { FakeGithub } from '../../../connectors/test/github/fake/model.ts';
import { startFakeGithub, type FakeGithubServer } from '../../../connectors/test/github/fake/server.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { newTenant, silentLog, testDeps } from '../support/harness.ts';
import { runSyncChild } from '../support/run-child.ts';
import { loopbackEgress } from '../support/egress.ts';

let server: FakeGithubServer;
beforeAll(async () => {
  server = await startFakeGithub(
    generateOrganisation({ repositories: 3, pullsPerRepository: 12, bigPull: true }),
  );
});
afterAll(() => server.close());

async function connect(db: Db) {
  const deps = testDeps(db, [githubConnector], { createHttp: httpFactory(silentLog, loopbackEgress) });
  const tenantId = await newTenant(db, 'gh');
  const integration = await addIntegration(db, deps.keyring, deps.registry, tenantId, {
    kind: 'github',
    name: 'gh',
    config: { baseUrl: server.baseUrl, repositories: { org: server.model.org } },
    secrets: { token: server.token },
  });
  const sync = async () => {
    const { run } = await requestSync(db, tenantId, integration.id, {
      mode: 'incremental',
      requestedBy: 'test',
    });
    return executeRun(deps, tenantId, run.id);
  };
  return { deps, tenantId, integration, sync };
}

/** What the fake holds, in the shape of the stored rows. */
function expected(model: FakeGithub) {
  const repos = model.repositories.filter((r) => !r.deleted);
  const pulls = repos.flatMap((r) => r.pulls.map((p) => ({ r, p })));
  return {
    repositories: repos.map((r) => `${r.owner}/${r.name}`).sort(),
    pullRequests: pulls.map(({ r, p }) => `${r.name}#${p.number} ${p.state.toLowerCase()}`).sort(),
    reviews: pulls.flatMap(({ p }) => p.reviews.map((v) => v.id)).sort(),
    prCommits: pulls.reduce((n, { p }) => n + p.commits.length, 0),
    reviewComments: pulls.reduce((n, { p }) => n + p.reviews.reduce((m, v) => m + v.comments.length, 0), 0),
  };
}

async function stored(db: Db, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const list = async (sql: string) => (await tx.query<{ v: string }>(sql)).rows.map((r) => r.v);
    const count = async (table: string) =>
      (await tx.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
    return {
      repositories: await list('select full_name as v from repositories order by 1'),
      pullRequests: await list(
        "select r.name || '#' || p.number || ' ' || p.state as v from pull_requests p join repositories r on r.id = p.repository_id order by 1",
      ),
      reviews: await list('select external_id as v from pull_request_reviews order by 1'),
      prCommits: await count('pull_request_commits'),
      reviewComments: await count('pull_request_comments'),
    };
  });
}

describeEachDb('GitHub through the sync engine', (handle) => {
  it(
    'a full sync stores exactly the organisation; a no-change sync is one 304 per repository',
    { timeout: 120_000 },
    async () => {
      const { tenantId, sync } = await connect(handle.db);
      const first = await sync();
      expect(first.summary.failedPartitions).toEqual([]);
      expect(first.state).toBe('succeeded');
      expect(await stored(handle.db, tenantId)).toEqual(expected(server.model));
      expect(server.violations).toEqual([]);

      // Unfinished deployments and workflow runs are re-read until they finish (GitHub's events feed
      // does not report it); once they have, nothing is left to re-read.
      for (const repo of server.model.repositories) {
        for (const d of repo.deployments)
          if (d.statuses.at(-1)!.state === 'IN_PROGRESS')
            d.statuses.push({ state: 'SUCCESS', createdAt: '2026-02-01T00:00:00Z' });
        for (const r of repo.workflowRuns)
          if (r.status !== 'completed') Object.assign(r, { status: 'completed', conclusion: 'success' });
      }
      expect((await sync()).state).toBe('succeeded');
      const before = server.requests.length;
      const third = await sync();
      expect(third.state).toBe('succeeded');
      const requests = server.requests.slice(before);
      const probes = requests.filter((r) => r.path.includes('/events'));
      expect(probes).toHaveLength(server.model.repositories.length);
      expect(probes.every((r) => r.status === 304)).toBe(true);
      // Besides the probes, only the repository listing (one page) is read.
      expect(requests.filter((r) => !r.path.includes('/events')).map((r) => r.path.split('?')[0])).toEqual([
        `/orgs/${server.model.org}/repos`,
      ]);
    },
  );

  it(
    'reprocess rebuilds the domain rows from the raw payloads, without a request',
    { timeout: 120_000 },
    async () => {
      const { tenantId, sync, deps } = await connect(handle.db);
      const run = await sync();
      expect(run.summary.failedPartitions).toEqual([]);
      expect(await stored(handle.db, tenantId)).toEqual(expected(server.model));
      await withTenant(handle.db, tenantId, async (tx) => {
        await tx.query('delete from pull_requests');
        await tx.query('delete from repositories');
      });
      expect((await stored(handle.db, tenantId)).pullRequests).toEqual([]);
      const before = server.requests.length;
      const result = await reprocess(handle.db, deps.registry, tenantId, 'gh');
      expect(server.requests.length).toBe(before);
      expect(result.streams.find((s) => s.stream === 'pull_requests')?.payloads).toBeGreaterThan(0);
      expect(await stored(handle.db, tenantId)).toEqual(expected(server.model));
    },
  );

  // The child process needs a database it can share with this one: PostgreSQL. (The runner's own
  // crash test covers the embedded database with a folder.)
  it.skipIf(handle.backend === 'pglite')(
    'kill -9 at random instants, then resume, gives exactly the full-sync result',
    { timeout: 180_000 },
    async () => {
      const { tenantId, integration } = await connect(handle.db);
      const { run } = await requestSync(handle.db, tenantId, integration.id, {
        mode: 'incremental',
        requestedBy: 'test',
      });
      let kills = 0;
      for (const delay of [300, 700, 1200, 1800, 2600]) {
        const outcome = await runSyncChild(
          [handle.url!, tenantId, String(run.id)],
          delay + Math.floor(Math.random() * 400),
        );
        if (outcome === 'killed') kills += 1;
      }
      expect(await runSyncChild([handle.url!, tenantId, String(run.id)])).toBe('done');
      expect(kills).toBeGreaterThan(0);
      expect(await stored(handle.db, tenantId)).toEqual(expected(server.model));
    },
  );
});
