/**
 * The sync runner on a real connector over an in-memory source: full and incremental runs, a
 * failing partition, pause / resume / cancel, Ctrl-C, and two workers sharing one run.
 */
import { expect, it } from 'vitest';
import { withTenant, type Db } from '@pulse/db';
import {
  addIntegration,
  controlRun,
  executeRun,
  listRuns,
  requestSync,
  type ProgressEvent,
} from '@pulse/sync';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { newTenant, testDeps } from '../support/harness.ts';
import { commitSha, memoryConnector, type MemoryConfig } from '../support/memory-connector.ts';

type Repo = MemoryConfig['repositories'][number];

async function setup(db: Db, repositories: Repo[], extra: Partial<MemoryConfig> = {}) {
  const memory = memoryConnector();
  const deps = testDeps(db, [memory.connector]);
  const tenantId = await newTenant(db);
  const integration = await addIntegration(db, deps.keyring, deps.registry, tenantId, {
    kind: 'memory',
    name: 'mem',
    config: { repositories, pageSize: 10, ...extra },
  });
  const sync = async (mode: 'incremental' | 'full' = 'incremental') => {
    const { run } = await requestSync(db, tenantId, integration.id, { mode, requestedBy: 'test' });
    return executeRun(deps, tenantId, run.id);
  };
  return { memory, deps, tenantId, integration, sync };
}

async function commitCount(db: Db, tenantId: string): Promise<Record<string, number>> {
  const result = await withTenant(db, tenantId, (tx) =>
    tx.query<{ name: string; n: number }>(
      `select r.name, count(c.sha)::int as n from repositories r left join commits c on c.repository_id = r.id
       group by r.name order by r.name`,
    ),
  );
  return Object.fromEntries(result.rows.map((r) => [r.name, r.n]));
}

describeEachDb('sync runner', (handle) => {
  const db = () => handle.db;

  it('a full run stores every record, saves a cursor per partition and reports progress', async () => {
    const { sync, tenantId, memory, integration } = await setup(db(), [
      { name: 'api', commits: 25 },
      { name: 'web', commits: 7 },
    ]);
    const run = await sync();
    expect(run.state).toBe('succeeded');
    expect(await commitCount(db(), tenantId)).toEqual({ api: 25, web: 7 });
    expect(memory.log.pages.get('api')).toBe(3); // 10 + 10 + 5
    expect(run.progress).toMatchObject({
      partitionsTotal: 3,
      partitionsDone: 3,
      partitionsFailed: 0,
      records: 34,
    });
    const cursors = await withTenant(db(), tenantId, (tx) =>
      tx.query<{ partition: string; cursor: unknown }>(
        "select partition, cursor from sync_checkpoints where integration_id = $1 and stream = 'commits' order by partition",
        [integration.id],
      ),
    );
    expect(cursors.rows).toEqual([
      { partition: 'api', cursor: { next: 25 } },
      { partition: 'web', cursor: { next: 7 } },
    ]);
    const parents = await withTenant(db(), tenantId, (tx) =>
      tx.query<{ parent_sha: string }>('select parent_sha from commit_parents where sha = $1', [
        commitSha('api', 5),
      ]),
    );
    expect(parents.rows).toEqual([{ parent_sha: commitSha('api', 4) }]);
  });

  it('an incremental run reads only what is new; --full reads everything again without duplicates', async () => {
    const repos = [{ name: 'api', commits: 12 }];
    const { sync, tenantId, memory, deps, integration } = await setup(db(), repos);
    await sync();
    repos[0]!.commits = 15;
    await withTenant(db(), tenantId, (tx) =>
      tx.query('update integrations set config = $2 where id = $1', [
        integration.id,
        { repositories: repos, pageSize: 10 },
      ]),
    );
    memory.log.items.clear();
    expect((await sync()).state).toBe('succeeded');
    expect(memory.log.items.get('api')).toEqual([12, 13, 14]);
    memory.log.items.clear();
    expect((await sync('full')).state).toBe('succeeded');
    expect(memory.log.items.get('api')).toHaveLength(15);
    expect(await commitCount(db(), tenantId)).toEqual({ api: 15 });
    expect(deps.workerId).toMatch(/^test-/);
  });

  it('a failing partition is recorded and the others continue; the run fails past the failure share', async () => {
    const { sync, tenantId } = await setup(db(), [
      { name: 'api', commits: 3 },
      { name: 'gone', commits: 3, fail: true },
      { name: 'web', commits: 3 },
    ]);
    const run = await sync();
    // 1 failed partition of 4 (repositories + 3 repos) = 25 %, not more: partial, not failed.
    expect(run.state).toBe('partial'); // within the share, but never plain succeeded
    expect(await commitCount(db(), tenantId)).toEqual({ api: 3, gone: 0, web: 3 });
    expect(run.summary.failedPartitions).toEqual([
      {
        stream: 'commits',
        partition: 'gone',
        error: expect.objectContaining({ code: 'NOT_FOUND', message: 'repository gone is gone' }),
      },
    ]);

    const strict = await setup(db(), [
      { name: 'api', commits: 3 },
      { name: 'gone', commits: 3, fail: true },
    ]);
    await withTenant(db(), strict.tenantId, (tx) => tx.query('update integrations set max_failed_share = 0'));
    const failed = await strict.sync();
    expect(failed.state).toBe('failed');
    expect(await commitCount(db(), strict.tenantId)).toEqual({ api: 3, gone: 0 });
  });

  it('pause stops after the current page, resume continues from the checkpoint, nothing twice', async () => {
    const { memory, deps, tenantId, integration } = await setup(db(), [{ name: 'api', commits: 50 }]);
    const { run } = await requestSync(db(), tenantId, integration.id, {
      mode: 'incremental',
      requestedBy: 'test',
    });
    let paused = false;
    const pausing = {
      ...deps,
      partitionConcurrency: 1,
      onProgress: (event: ProgressEvent) => {
        if (!paused && (event.progress.records ?? 0) >= 20) {
          paused = true;
          void controlRun(db(), tenantId, run.id, 'pause');
        }
      },
    };
    const first = await executeRun(pausing, tenantId, run.id);
    expect(first.state).toBe('paused');
    const readBeforeResume = memory.log.items.get('api')!.length;
    expect(readBeforeResume).toBeLessThan(50);
    const resumed = await controlRun(db(), tenantId, run.id, 'resume');
    expect(resumed).toMatchObject({ requeue: true, run: { state: 'queued' } });
    const second = await executeRun(deps, tenantId, run.id);
    expect(second.state).toBe('succeeded');
    const read = memory.log.items.get('api')!;
    expect(read).toEqual(Array.from({ length: 50 }, (_, i) => i)); // every page exactly once
    expect(await commitCount(db(), tenantId)).toEqual({ api: 50 });
  });

  it('cancel ends a running run and skips its remaining partitions; Ctrl-C pauses it', async () => {
    const { deps, tenantId, integration } = await setup(db(), [
      { name: 'a', commits: 30 },
      { name: 'b', commits: 30 },
    ]);
    const { run } = await requestSync(db(), tenantId, integration.id, {
      mode: 'incremental',
      requestedBy: 'test',
    });
    let cancelRequest: Promise<unknown> | undefined;
    const cancelling = {
      ...deps,
      partitionConcurrency: 1,
      onProgress: (event: ProgressEvent) => {
        if (event.progress.stream === 'commits')
          cancelRequest ??= controlRun(db(), tenantId, run.id, 'cancel');
      },
    };
    const cancelled = await executeRun(cancelling, tenantId, run.id);
    await cancelRequest;
    expect(cancelled.state).toBe('cancelled');
    const states = await withTenant(db(), tenantId, (tx) =>
      tx.query<{ state: string }>(
        "select state from sync_partitions where sync_run_id = $1 and stream = 'commits'",
        [run.id],
      ),
    );
    expect(states.rows.map((r) => r.state).sort()).toEqual(['skipped', 'skipped']);
    await expect(controlRun(db(), tenantId, run.id, 'resume')).rejects.toMatchObject({
      code: 'SYNC_RUN_STATE_INVALID',
    });

    const next = await requestSync(db(), tenantId, integration.id, {
      mode: 'incremental',
      requestedBy: 'test',
    });
    expect(next.created).toBe(true);
    const controller = new AbortController();
    const interrupted = await executeRun(
      { ...deps, onProgress: () => controller.abort() },
      tenantId,
      next.run.id,
      { signal: controller.signal },
    );
    expect(interrupted.state).toBe('paused');
  });

  it('one active run per integration: sync now during a run returns the active run', async () => {
    const { tenantId, integration } = await setup(db(), [{ name: 'api', commits: 1 }]);
    const first = await requestSync(db(), tenantId, integration.id, {
      mode: 'incremental',
      requestedBy: 'a',
    });
    const second = await requestSync(db(), tenantId, integration.id, { mode: 'full', requestedBy: 'b' });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, run: { id: first.run.id, mode: 'incremental' } });
  });

  it('two workers executing the same run never process a partition twice', async () => {
    const repositories = Array.from({ length: 12 }, (_, i) => ({ name: `r${i}`, commits: 15 }));
    const { deps, tenantId, integration, memory } = await setup(db(), repositories, { pageDelayMs: 5 });
    const { run } = await requestSync(db(), tenantId, integration.id, {
      mode: 'incremental',
      requestedBy: 'test',
    });
    const workerA = { ...deps, workerId: 'worker-a', orphanAfterMs: 60_000 };
    const workerB = { ...deps, workerId: 'worker-b', orphanAfterMs: 60_000 };
    const [a, b] = await Promise.all([
      executeRun(workerA, tenantId, run.id),
      executeRun(workerB, tenantId, run.id),
    ]);
    expect([a.state, b.state]).toEqual(['succeeded', 'succeeded']);
    for (const repo of repositories)
      expect(memory.log.items.get(repo.name)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    const workers = await withTenant(db(), tenantId, (tx) =>
      tx.query<{ worker: string; n: number }>(
        "select worker, count(*)::int as n from sync_partitions where sync_run_id = $1 and stream = 'commits' group by worker",
        [run.id],
      ),
    );
    expect(workers.rows.reduce((sum, r) => sum + r.n, 0)).toBe(12);
  });

  it('a tenant sees only its own runs and partitions', async () => {
    const a = await setup(db(), [{ name: 'api', commits: 2 }]);
    const b = await setup(db(), [{ name: 'api', commits: 2 }]);
    await a.sync();
    expect(await listRuns(db(), b.tenantId)).toEqual([]);
    const partitions = await withTenant(db(), b.tenantId, (tx) => tx.query('select * from sync_partitions'));
    expect(partitions.rowCount).toBe(0);
    expect(await listRuns(db(), a.tenantId)).toHaveLength(1);
  });
});
