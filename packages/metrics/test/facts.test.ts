/**
 * Hand-built scenarios for the per-entity facts: which commits each deployment shipped, why a
 * deployment failed and when it recovered, PR stage times and lead time samples. Each case states
 * its data, the expected result and why.
 */
import { expect, it } from 'vitest';
import { withTenant, type Db } from '@pulse/db';
import { refreshFacts } from '@pulse/metrics';
import { describeEachDb } from '../../../test/support/databases.ts';
import { Scenario, at, sha } from './support/scenario.ts';

const HOUR = 3600;

async function shipped(db: Db, tenantId: string, deploymentId: number): Promise<string[]> {
  const result = await withTenant(db, tenantId, (tx) =>
    tx.query<{ sha: string }>('select sha from deployment_commits where deployment_id = $1 order by sha', [
      deploymentId,
    ]),
  );
  return result.rows.map((r) => r.sha);
}

const shas = (...names: string[]) => names.map(sha).sort();

async function facts(db: Db, tenantId: string, deploymentId: number) {
  const result = await withTenant(db, tenantId, (tx) =>
    tx.query<{
      failure_reasons: { kind: string }[];
      recovered_at: Date | null;
      rework_reasons: { kind: string }[];
      change_count: number;
    }>(
      'select failure_reasons, recovered_at, rework_reasons, change_count from deployment_facts where deployment_id = $1',
      [deploymentId],
    ),
  );
  return result.rows[0]!;
}

describeEachDb('metric facts', (handle) => {
  it('first deployment ships all known history; the next one only what is new', async () => {
    // a ← b ← c deployed (first: ships a, b, c, not nothing); then d ← e deployed: ships d, e.
    const s = new Scenario('linear')
      .repo('api')
      .chain('api', ['a', 'b', 'c'], '2026-03-02T09:00')
      .chain('api', ['d', 'e'], '2026-03-03T09:00', 'c');
    s.deploy('api', 'D1', 'production', 'c', '2026-03-02T18:00').deploy(
      'api',
      'D2',
      'production',
      'e',
      '2026-03-03T18:00',
    );
    const ids = await s.save(handle.db);
    expect(await refreshFacts(handle.db, ids.tenantId)).toEqual({ deployments: 2 });
    expect(await shipped(handle.db, ids.tenantId, ids.deployments.get('D1')!)).toEqual(shas('a', 'b', 'c'));
    expect(await shipped(handle.db, ids.tenantId, ids.deployments.get('D2')!)).toEqual(shas('d', 'e'));
    // Refreshing again computes nothing new and changes nothing.
    expect(await refreshFacts(handle.db, ids.tenantId)).toEqual({ deployments: 0 });
    expect(await shipped(handle.db, ids.tenantId, ids.deployments.get('D2')!)).toEqual(shas('d', 'e'));
  });

  it('a late-arriving earlier deployment recomputes the series after it', async () => {
    // D2 (ships c, d) is computed first; then D1 of c arrives with an earlier time: D1 ships a..c,
    // D2 only d.
    const s = new Scenario('late').repo('api').chain('api', ['a', 'b', 'c', 'd'], '2026-03-02T09:00');
    s.deploy('api', 'D2', 'production', 'd', '2026-03-03T18:00');
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const late = await withTenant(handle.db, ids.tenantId, (tx) =>
      tx.query<{ id: number }>(
        `insert into deployments (tenant_id, repository_id, source, external_id, environment, is_production, commit_sha, status, finished_at)
         values ($1, $2, 'github', 'D1', 'production', true, $3, 'success', $4) returning id`,
        [ids.tenantId, ids.repos.get('api'), sha('c'), at('2026-03-02T18:00')],
      ),
    );
    expect(await refreshFacts(handle.db, ids.tenantId)).toEqual({ deployments: 2 });
    expect(await shipped(handle.db, ids.tenantId, late.rows[0]!.id)).toEqual(shas('a', 'b', 'c'));
    expect(await shipped(handle.db, ids.tenantId, ids.deployments.get('D2')!)).toEqual(shas('d'));
  });

  it('merge and squash pull requests: lead time runs from the first PR commit to production', async () => {
    // main: root. Merge PR #1: branch b1 ← b2 off root, merge commit m (parents root, b2).
    // Squash PR #2: commits s1 ← s2 (never on main), squash commit q on main after m.
    // Staging deploys q first; production deploys q at 2026-03-05T12:00.
    const s = new Scenario('merges').person('ada').person('bob').repo('api');
    s.commit('api', 'root', '2026-03-01T09:00')
      .commit('api', 'b1', '2026-03-02T09:00', ['root'])
      .commit('api', 'b2', '2026-03-02T10:00', ['b1'])
      .commit('api', 'm', '2026-03-03T09:00', ['root', 'b2'])
      .commit('api', 's1', '2026-03-03T10:00', ['m'])
      .commit('api', 's2', '2026-03-03T11:00', ['s1'])
      .commit('api', 'q', '2026-03-04T09:00', ['m'], 'Add search (#2)');
    s.pr('api', 'pr1', {
      number: 1,
      author: 'ada',
      created: '2026-03-02T11:00',
      merged: '2026-03-03T09:00',
      mergeCommit: 'm',
      commits: ['b1', 'b2'],
      reviews: [{ by: 'bob', at: '2026-03-02T15:00' }],
    });
    s.pr('api', 'pr2', {
      number: 2,
      author: 'bob',
      created: '2026-03-03T12:00',
      merged: '2026-03-04T09:00',
      mergeCommit: 'q',
      commits: ['s1', 's2'],
      reviews: [{ by: 'ada', at: '2026-03-03T13:00' }],
    });
    s.deploy('api', 'S1', 'staging', 'q', '2026-03-04T10:00').deploy(
      'api',
      'P1',
      'production',
      'q',
      '2026-03-05T12:00',
    );
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    // Production ships the main-line history: root, b1, b2, m, q (not s1, s2: they were squashed).
    expect(await shipped(handle.db, ids.tenantId, ids.deployments.get('P1')!)).toEqual(
      shas('root', 'b1', 'b2', 'm', 'q'),
    );
    const changes = await withTenant(handle.db, ids.tenantId, (tx) =>
      tx.query<{ change_kind: string; change_ref: string; lead_time_seconds: number }>(
        'select change_kind, change_ref, lead_time_seconds from change_facts order by change_kind, change_ref',
      ),
    );
    // PR #1: b1 (03-02 09:00) → 03-05 12:00 = 75 h. PR #2: s1 (03-03 10:00) → 03-05 12:00 = 50 h.
    // The direct commit root: 03-01 09:00 → 03-05 12:00 = 99 h. Staging does not count.
    expect(changes.rows).toEqual(
      [
        { change_kind: 'commit', change_ref: sha('root'), lead_time_seconds: 99 * HOUR },
        { change_kind: 'pull_request', change_ref: String(ids.prs.get('pr1')), lead_time_seconds: 75 * HOUR },
        { change_kind: 'pull_request', change_ref: String(ids.prs.get('pr2')), lead_time_seconds: 50 * HOUR },
      ].sort((x, y) => (x.change_kind + x.change_ref < y.change_kind + y.change_ref ? -1 : 1)),
    );
  });

  it('PR stages: drafts, reviews by the author under another login, bots, reviews after merge', async () => {
    const s = new Scenario('stages')
      .person('ada', { alias: 'ada-work' })
      .person('bob')
      .person('renovate[bot]', { bot: true })
      .repo('api');
    s.commit('api', 'c1', '2026-03-02T08:00').commit('api', 'mc', '2026-03-02T20:00', ['c1']);
    s.commit('api', 'c2', '2026-03-03T08:00', ['mc']).commit('api', 'mc2', '2026-03-03T20:00', ['c2']);
    // Draft opened 09:00, ready 12:00; review by ada-work (same person: ignored) at 12:30, by the bot
    // at 12:45 (ignored), by bob at 14:00; merged 16:00; deployed 2026-03-02T20:30 (mc shipped).
    // coding = 08:00 → 12:00 = 4 h; pickup = 12:00 → 14:00 = 2 h; review = 14:00 → 16:00 = 2 h;
    // deploy = 16:00 → 20:30 = 4.5 h.
    s.pr('api', 'pr1', {
      number: 1,
      author: 'ada',
      created: '2026-03-02T09:00',
      ready: '2026-03-02T12:00',
      merged: '2026-03-02T16:00',
      mergeCommit: 'mc',
      commits: ['c1'],
      reviews: [
        { by: 'ada-work', at: '2026-03-02T12:30' },
        { by: 'renovate[bot]', at: '2026-03-02T12:45' },
        { by: 'bob', at: '2026-03-02T14:00' },
      ],
    });
    // Reviewed only after the merge: counts as merged without review (pickup and review null).
    s.pr('api', 'pr2', {
      number: 2,
      author: 'bob',
      created: '2026-03-03T09:00',
      merged: '2026-03-03T10:00',
      mergeCommit: 'mc2',
      commits: ['c2'],
      reviews: [{ by: 'ada', at: '2026-03-03T11:00' }],
    });
    s.deploy('api', 'P1', 'production', 'mc', '2026-03-02T20:30');
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const rows = await withTenant(handle.db, ids.tenantId, (tx) =>
      tx.query(
        'select pull_request_id, coding_seconds, pickup_seconds, review_seconds, deploy_seconds, is_bot from pull_request_facts order by pull_request_id',
      ),
    );
    expect(rows.rows).toEqual([
      {
        pull_request_id: ids.prs.get('pr1'),
        coding_seconds: 4 * HOUR,
        pickup_seconds: 2 * HOUR,
        review_seconds: 2 * HOUR,
        deploy_seconds: 4.5 * HOUR,
        is_bot: false,
      },
      {
        pull_request_id: ids.prs.get('pr2'),
        coding_seconds: 1 * HOUR,
        pickup_seconds: null,
        review_seconds: null,
        deploy_seconds: null,
        is_bot: false,
      },
    ]);
  });

  it('rollback: redeploying an older commit fails the deployment it replaced and is rework', async () => {
    // P1 ships a..c, P2 ships d, P3 redeploys c two hours later: P2 failed (rollback), recovered when
    // P3 finished; P3 shipped nothing and is rework; P1 did not fail.
    const s = new Scenario('rollback').repo('api').chain('api', ['a', 'b', 'c', 'd'], '2026-03-02T09:00');
    s.deploy('api', 'P1', 'production', 'c', '2026-03-02T18:00')
      .deploy('api', 'P2', 'production', 'd', '2026-03-03T10:00')
      .deploy('api', 'P3', 'production', 'c', '2026-03-03T12:00');
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const [p1, p2, p3] = await Promise.all(
      ['P1', 'P2', 'P3'].map((k) => facts(handle.db, ids.tenantId, ids.deployments.get(k)!)),
    );
    expect(p1!.failure_reasons).toEqual([]);
    expect(p2).toMatchObject({
      failure_reasons: [{ kind: 'rollback', deploymentId: ids.deployments.get('P3') }],
      recovered_at: at('2026-03-03T12:00'),
    });
    expect(p3).toMatchObject({
      change_count: 0,
      failure_reasons: [],
      rework_reasons: [{ kind: 'rollback', fixes: ids.deployments.get('P2') }],
    });
  });

  it('revert and hotfix deployments fail the deployment before them', async () => {
    // P1 ships a; P2 ships "Revert ..." → P1 failed (revert). P3 ships a hotfix PR → P2 failed (hotfix).
    // P4 ships an ordinary commit a week later than P3 → nothing.
    const s = new Scenario('fixes').person('ada').repo('api');
    s.commit('api', 'a', '2026-03-02T09:00').commit(
      'api',
      'r',
      '2026-03-02T11:00',
      ['a'],
      'Revert "Add cache"\n\nThis reverts commit 123.',
    );
    s.commit('api', 'h', '2026-03-02T13:00', ['r']).commit('api', 'x', '2026-03-12T09:00', ['h']);
    s.pr('api', 'fix', {
      number: 9,
      author: 'ada',
      created: '2026-03-02T12:30',
      merged: '2026-03-02T13:00',
      mergeCommit: 'h',
      branch: 'hotfix/cache-timeout',
    });
    s.deploy('api', 'P1', 'production', 'a', '2026-03-02T10:00').deploy(
      'api',
      'P2',
      'production',
      'r',
      '2026-03-02T11:30',
    );
    s.deploy('api', 'P3', 'production', 'h', '2026-03-02T13:30').deploy(
      'api',
      'P4',
      'production',
      'x',
      '2026-03-12T10:00',
    );
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const f = async (k: string) => facts(handle.db, ids.tenantId, ids.deployments.get(k)!);
    expect((await f('P1')).failure_reasons).toEqual([
      { kind: 'revert', deploymentId: ids.deployments.get('P2') },
    ]);
    expect((await f('P1')).recovered_at).toEqual(at('2026-03-02T11:30'));
    expect((await f('P2')).failure_reasons).toEqual([
      { kind: 'hotfix', deploymentId: ids.deployments.get('P3') },
    ]);
    expect((await f('P3')).failure_reasons).toEqual([]);
    expect((await f('P3')).rework_reasons).toEqual([{ kind: 'hotfix', fixes: ids.deployments.get('P2') }]);
    expect((await f('P4')).rework_reasons).toEqual([]);
  });

  it('incidents: explicit links, the same repository within the window, never another repository', async () => {
    // api: P1 (03-02), P2 (03-04). web: W1 (03-04 12:00).
    // I1 names P1 explicitly (resolved 03-02 20:00) → P1 failed, recovered 20:00.
    // I2 in api at 03-05 → latest api deployment before it is P2 → P2 failed; still open → not recovered.
    // I3 in web at 03-20: W1 is 15 days earlier, outside the 7-day window → nothing.
    // I4 has no repository and no deployment → nothing. No web incident touches api deployments.
    const s = new Scenario('incidents')
      .repo('api')
      .repo('web')
      .chain('api', ['a', 'b'], '2026-03-01T09:00')
      .chain('web', ['w'], '2026-03-01T09:00');
    s.deploy('api', 'P1', 'production', 'a', '2026-03-02T10:00')
      .deploy('api', 'P2', 'production', 'b', '2026-03-04T10:00')
      .deploy('web', 'W1', 'production', 'w', '2026-03-04T12:00');
    s.incident('I1', { deployment: 'P1', started: '2026-03-02T11:00', resolved: '2026-03-02T20:00' });
    s.incident('I2', { repo: 'api', started: '2026-03-05T09:00' });
    s.incident('I3', { repo: 'web', started: '2026-03-20T09:00', resolved: '2026-03-20T10:00' });
    s.incident('I4', { started: '2026-03-05T09:00', resolved: '2026-03-05T10:00' });
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const f = async (k: string) => facts(handle.db, ids.tenantId, ids.deployments.get(k)!);
    expect(await f('P1')).toMatchObject({
      failure_reasons: [{ kind: 'incident', linked: 'explicit' }],
      recovered_at: at('2026-03-02T20:00'),
    });
    expect(await f('P2')).toMatchObject({
      failure_reasons: [{ kind: 'incident', linked: 'same_repository' }],
      recovered_at: null,
    });
    expect((await f('W1')).failure_reasons).toEqual([]);
  });
});
