/**
 * No silent loss with GitHub, through the whole engine against the fake GitHub: a pull request
 * whose text PostgreSQL cannot store is kept cleaned and counted; two integrations whose
 * repositories share names store all of both; a paused and resumed run's totals cover both
 * executions.
 */
import { loopbackEgress } from '../support/egress.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { githubConnector } from '@pulse/connectors';
import { withTenant, type Db } from '@pulse/db';
import { addIntegration, controlRun, executeRun, httpFactory, requestSync } from '@pulse/sync';
import { generateOrganisation } from '../../../connectors/test/github/fake/generate.ts';
import type { FakeGithub } from '../../../connectors/test/github/fake/model.ts';
import { startFakeGithub, type FakeGithubServer } from '../../../connectors/test/github/fake/server.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { newTenant, silentLog, testDeps } from '../support/harness.ts';

/** The same organisation with other ids, as another GitHub server would have it. */
function otherServerIds(model: FakeGithub): FakeGithub {
  const users = new Set<object>(model.users);
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || users.has(v) || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.id === 'string' && /^[A-Z]+_/.test(o.id)) o.id = o.id.replace('_', '_zz');
    for (const item of Object.values(o)) walk(item);
  };
  walk(model.repositories);
  return model;
}

let first: FakeGithubServer;
let second: FakeGithubServer;
beforeAll(async () => {
  const model = generateOrganisation({ repositories: 2, pullsPerRepository: 6 });
  const pull = model.repositories[0]!.pulls[0]!;
  pull.title = 'Fix\u0000 the parser \uD800';
  pull.body = 'nul\u0000here and a lone low \uDC00 surrogate';
  first = await startFakeGithub(model);
  second = await startFakeGithub(
    otherServerIds(generateOrganisation({ repositories: 2, pullsPerRepository: 6 })),
  );
});
afterAll(async () => {
  await first.close();
  await second.close();
});

async function connect(db: Db, tenantId: string, server: FakeGithubServer, name: string, extra = {}) {
  const deps = testDeps(db, [githubConnector], {
    createHttp: httpFactory(silentLog, loopbackEgress),
    ...extra,
  });
  const integration = await addIntegration(db, deps.keyring, deps.registry, tenantId, {
    kind: 'github',
    name,
    config: { baseUrl: server.baseUrl, repositories: { org: server.model.org } },
    secrets: { token: server.token },
  });
  const request = async () =>
    (await requestSync(db, tenantId, integration.id, { mode: 'incremental', requestedBy: 'test' })).run;
  return { deps, integration, request, sync: async () => executeRun(deps, tenantId, (await request()).id) };
}

const rows = <R>(db: Db, tenantId: string, sql: string) =>
  withTenant(db, tenantId, async (tx) => (await tx.query<R>(sql)).rows);

describeEachDb('GitHub: no silent loss', (handle) => {
  it(
    'a pull request with U+0000 and lone surrogates is stored cleaned and counted',
    { timeout: 60_000 },
    async () => {
      const tenantId = await newTenant(handle.db, 'clean');
      const gh = await connect(handle.db, tenantId, first, 'gh');
      const run = await gh.sync();
      expect(run.state).toBe('succeeded');
      const stored = await rows<{ title: string; body: string }>(
        handle.db,
        tenantId,
        `select title, body from pull_requests where external_id = '${first.model.repositories[0]!.pulls[0]!.id}'`,
      );
      expect(stored).toEqual([
        { title: 'Fix the parser \uFFFD', body: 'nulhere and a lone low \uFFFD surrogate' },
      ]);
      const total = first.model.repositories.reduce((n, r) => n + r.pulls.length, 0);
      const count = await rows<{ n: number }>(
        handle.db,
        tenantId,
        'select count(*)::int as n from pull_requests',
      );
      expect(count[0]!.n).toBe(total);
      expect(run.summary.cleanedRecords).toBe(1);
      const raw = await rows<{ title: string }>(
        handle.db,
        tenantId,
        `select payload->>'title' as title from raw_records where external_id = '${first.model.repositories[0]!.pulls[0]!.id}'`,
      );
      expect(raw).toEqual([{ title: 'Fix the parser \uFFFD' }]);
    },
  );

  it('two integrations with the same repository names store all of both', { timeout: 60_000 }, async () => {
    const tenantId = await newTenant(handle.db, 'two');
    const a = await connect(handle.db, tenantId, first, 'gh-a');
    const b = await connect(handle.db, tenantId, second, 'gh-b');
    expect((await a.sync()).state).toBe('succeeded');
    const runB = await b.sync();
    expect(runB.summary.failedPartitions).toEqual([]);
    expect(runB.state).toBe('succeeded');
    const perIntegration = await rows<{ integration_id: number; full_name: string; prs: number }>(
      handle.db,
      tenantId,
      `select r.integration_id::int as integration_id, r.full_name, count(p.id)::int as prs
       from repositories r left join pull_requests p on p.repository_id = r.id
       group by 1, 2 order by 1, 2`,
    );
    const expected = (id: number, model: FakeGithub) =>
      model.repositories.map((r) => ({
        integration_id: id,
        full_name: `${r.owner}/${r.name}`,
        prs: r.pulls.length,
      }));
    expect(perIntegration).toEqual([
      ...expected(a.integration.id, first.model),
      ...expected(b.integration.id, second.model),
    ]);
    // Synced again by the same integration: still one row per repository.
    expect((await a.sync()).state).toBe('succeeded');
    const again = await rows<{ n: number }>(
      handle.db,
      tenantId,
      'select count(*)::int as n from repositories',
    );
    expect(again[0]!.n).toBe(first.model.repositories.length * 2);
  });

  it("a resumed run's totals cover all its executions", { timeout: 60_000 }, async () => {
    const whole = await connect(handle.db, await newTenant(handle.db, 'whole'), first, 'gh');
    const uninterrupted = await whole.sync();

    const tenantId = await newTenant(handle.db, 'resume');
    const controller = new AbortController();
    const gh = await connect(handle.db, tenantId, first, 'gh', {
      partitionConcurrency: 1,
      onProgress: () => controller.abort(),
    });
    const queued = await gh.request();
    const paused = await executeRun(gh.deps, tenantId, queued.id, { signal: controller.signal });
    expect(paused.state).toBe('paused');
    expect(paused.progress.records ?? 0).toBeGreaterThan(0);
    expect(paused.progress.records ?? 0).toBeLessThan(uninterrupted.progress.records ?? 0);
    await controlRun(handle.db, tenantId, queued.id, 'resume');
    const resumed = await executeRun(gh.deps, tenantId, queued.id);
    expect(resumed.state).toBe('succeeded');
    // Every record of both executions counts (a page read again after the pause counts again).
    expect(resumed.progress.records ?? 0).toBeGreaterThanOrEqual(uninterrupted.progress.records ?? 0);
    expect(resumed.summary.records).toBe(resumed.progress.records);
    // Exactly what both executions stored, page by page (the first one's pages included).
    const perPage = await rows<{ n: number }>(
      handle.db,
      tenantId,
      `select sum(records)::int as n from sync_partitions where sync_run_id = ${queued.id}`,
    );
    expect(resumed.progress.records).toBe(perPage[0]!.n);
    expect(resumed.progress.requests ?? 0).toBeGreaterThanOrEqual(paused.progress.requests ?? 0);
  });
});
