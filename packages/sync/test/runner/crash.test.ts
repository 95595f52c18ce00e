/**
 * kill -9 at random instants, then resume: the stored result must equal an uninterrupted sync,
 * with nothing lost and nothing twice. The sync runs in a child process (support/sync-child.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { migrate, openPglite, withTenant, type Db } from '@pulse/db';
import { addIntegration, requestSync } from '@pulse/sync';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { newTenant, testDeps } from '../support/harness.ts';
import { memoryConnector } from '../support/memory-connector.ts';
import { runSyncChild } from '../support/run-child.ts';

const config = {
  repositories: Array.from({ length: 6 }, (_, i) => ({ name: `repo${i}`, commits: 60 })),
  pageSize: 7,
  pageDelayMs: 15,
};

async function snapshot(db: Db, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const commits = await tx.query<{ repo: string; sha: string; message: string }>(
      'select r.name as repo, c.sha, c.message from commits c join repositories r on r.id = c.repository_id order by 1, 2',
    );
    const parents = await tx.query<{ n: number }>('select count(*)::int as n from commit_parents');
    const identities = await tx.query<{ n: number }>('select count(*)::int as n from identities');
    return { commits: commits.rows, parents: parents.rows[0]!.n, identities: identities.rows[0]!.n };
  });
}

async function prepare(db: Db) {
  const deps = testDeps(db, [memoryConnector().connector]);
  const tenantId = await newTenant(db, 'crash');
  const integration = await addIntegration(db, deps.keyring, deps.registry, tenantId, {
    kind: 'memory',
    name: 'mem',
    config,
  });
  const { run } = await requestSync(db, tenantId, integration.id, {
    mode: 'incremental',
    requestedBy: 'test',
  });
  return { tenantId, runId: run.id };
}

async function crashAndResume(
  db: Db,
  target: string,
  reopen?: () => Promise<Db>,
): Promise<{ kills: number; db: Db }> {
  const { tenantId, runId } = await prepare(db);
  let current = db;
  if (reopen !== undefined) await db.close(); // the embedded folder admits one process at a time
  let kills = 0;
  // Random instants, seeded by the test run; the later ones land after start-up, mid-page.
  for (const delay of [900, 1300, 1700, 2100, 2600]) {
    const outcome = await runSyncChild(
      [target, tenantId, String(runId)],
      delay + Math.floor(Math.random() * 300),
    );
    if (outcome === 'killed') kills += 1;
  }
  await runSyncChild([target, tenantId, String(runId)]);
  if (reopen !== undefined) current = await reopen();
  const state = await withTenant(current, tenantId, (tx) =>
    tx.query<{ state: string }>('select state from sync_runs where id = $1', [runId]),
  );
  expect(state.rows[0]!.state).toBe('succeeded');
  expect(await snapshot(current, tenantId)).toEqual(await reference(current));
  return { kills, db: current };
}

/** The same sync without interruption, in a fresh tenant of the same database. */
async function reference(db: Db) {
  const { tenantId, runId } = await prepare(db);
  const { executeRun } = await import('@pulse/sync');
  await executeRun(testDeps(db, [memoryConnector().connector]), tenantId, runId);
  return snapshot(db, tenantId);
}

describeEachDb('sync runner, kill -9 and resume', (handle) => {
  it(
    'on this database, resuming after kills gives exactly the uninterrupted result',
    { timeout: 120_000 },
    async () => {
      if (handle.backend === 'pglite') {
        // The in-memory test database cannot be shared with a child: use an embedded folder.
        const dir = mkdtempSync(join(tmpdir(), 'pulse-crash-'));
        try {
          const db = await openPglite(dir);
          await migrate(db);
          const { kills, db: reopened } = await crashAndResume(db, dir, () => openPglite(dir));
          await reopened.close();
          expect(kills).toBeGreaterThan(0);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
        return;
      }
      const { kills } = await crashAndResume(handle.db, handle.url!);
      expect(kills).toBeGreaterThan(0);
    },
  );
});
