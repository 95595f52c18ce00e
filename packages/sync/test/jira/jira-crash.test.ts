/**
 * kill -9 a Jira sync at random instants, then resume: the stored result must equal an
 * uninterrupted sync of the same site, nothing lost and nothing twice. The sync runs in a child
 * process (support/sync-child.ts) against the fake Jira served by this process; the embedded
 * database is a folder the child opens in turn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate, openPglite, withTenant, type Db } from '@pulse/db';
import { executeRun, requestSync } from '@pulse/sync';
import { scenario } from '../../../connectors/test/jira/fake/generate.ts';
import { startFakeJira, type FakeJiraServer } from '../../../connectors/test/jira/fake/server.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { runSyncChild } from '../support/run-child.ts';
import { connectJira } from './support.ts';

let server: FakeJiraServer;
beforeAll(async () => {
  // Slow answers and small pages: the sync takes a few seconds, so the kills land inside it.
  server = await startFakeJira(scenario({ filler: 4 }), {
    flavour: 'cloud',
    latencyMs: 60,
    changelogPageSize: 10,
  });
});
afterAll(() => server.close());

async function snapshot(db: Db, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const rows = async (sql: string) => (await tx.query(sql)).rows;
    return {
      items: await rows(
        'select key, status, status_category, story_points, sprint_history from work_items order by key',
      ),
      transitions: await rows(
        'select w.key, t.external_id, t.to_status, t.at from work_item_transitions t join work_items w on w.id = t.work_item_id order by 2',
      ),
      sprints: await rows('select external_id, name, state from sprints order by 1'),
      scope: await rows(
        `select s.name, w.key, x.added_at, x.in_scope_at_start, x.in_scope_at_end, x.completed_in_sprint, x.carried_over
         from sprint_work_items x join sprints s on s.id = x.sprint_id join work_items w on w.id = x.work_item_id order by 1, 2`,
      ),
      incidents: await rows('select external_id, status from incidents order by 1'),
      identities: await rows('select source, external_id from identities order by 1, 2'),
      raw: await rows('select stream, count(*)::int as n from raw_records group by 1 order by 1'),
    };
  });
}

async function prepare(db: Db) {
  const jira = await connectJira(db, server, { pageSize: 10 });
  const { run } = await requestSync(db, jira.tenantId, jira.integration.id, {
    mode: 'incremental',
    requestedBy: 'test',
  });
  return { jira, runId: run.id };
}

async function crashAndResume(db: Db, target: string, reopen?: () => Promise<Db>) {
  const { jira, runId } = await prepare(db);
  const reference = await prepare(db);
  await executeRun(reference.jira.deps, reference.jira.tenantId, reference.runId);
  const expected = await snapshot(db, reference.jira.tenantId);
  if (reopen !== undefined) await db.close(); // the embedded folder admits one process at a time
  let kills = 0;
  for (const delay of [1100, 1400, 1700, 2000, 2400]) {
    const outcome = await runSyncChild(
      [target, jira.tenantId, String(runId)],
      delay + Math.floor(Math.random() * 300),
    );
    if (outcome === 'killed') kills += 1;
  }
  expect(await runSyncChild([target, jira.tenantId, String(runId)])).toBe('done');
  const current = reopen === undefined ? db : await reopen();
  const state = await withTenant(current, jira.tenantId, (tx) =>
    tx.query<{ state: string }>('select state from sync_runs where id = $1', [runId]),
  );
  expect(state.rows[0]!.state).toBe('succeeded');
  expect(await snapshot(current, jira.tenantId)).toEqual(expected);
  expect(expected.items.length).toBeGreaterThan(10);
  return { kills, db: current };
}

describeEachDb('Jira sync, kill -9 and resume', (handle) => {
  it('resuming after kills gives exactly the uninterrupted result', { timeout: 180_000 }, async () => {
    if (handle.backend === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'pulse-jira-crash-'));
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
  });
});
