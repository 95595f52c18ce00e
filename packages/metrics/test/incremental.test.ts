/**
 * An incremental refresh after new and changed data must leave exactly the facts a full rebuild
 * computes: new deployments and pull requests, a late-arriving deployment, a new incident against an
 * old deployment, an old pull request relabelled as a hotfix and reviewed late, and a pull request
 * synced late that claims a commit already counted as a direct push.
 */
import { expect, it } from 'vitest';
import { withTenant, type Db } from '@pulse/db';
import { refreshFacts } from '@pulse/metrics';
import { describeEachDb } from '../../../test/support/databases.ts';
import { addDoraMonth } from './support/dora-month.ts';
import { Scenario, sha } from './support/scenario.ts';

const tables: Record<string, string> = {
  deployment_commits: 'deployment_id, sha',
  deployment_facts: 'deployment_id',
  pull_request_facts: 'pull_request_id',
  change_facts: 'repository_id, change_kind, change_ref',
  change_lead_time_days: 'day, lead_bucket',
  pull_request_stage_days: 'day, measure, bucket',
};

async function snapshot(db: Db, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const all: Record<string, unknown[]> = {};
    for (const [table, order] of Object.entries(tables)) {
      const rows = await tx.query<Record<string, unknown>>(`select * from ${table} order by ${order}`);
      all[table] = rows.rows.map(({ computed_at: _, ...row }) => row);
    }
    return all;
  });
}

describeEachDb('incremental refresh', (handle) => {
  it('equals a full rebuild after new and changed data', async () => {
    const base = addDoraMonth(
      new Scenario('incremental').person('ada').person('bob').repo('api').repo('web'),
    );
    base.chain('web', ['w1', 'w2'], '2026-03-02T08:00').commit('web', 'wm', '2026-03-03T09:00', ['w2']);
    base.pr('web', 'old', {
      number: 1,
      author: 'ada',
      created: '2026-03-02T09:00',
      merged: '2026-03-03T09:00',
      mergeCommit: 'wm',
      commits: ['w2'],
    });
    base
      .deploy('web', 'W1', 'production', 'wm', '2026-03-03T12:00')
      .deploy('web', 'S1', 'staging', 'w1', '2026-03-02T12:00');
    const ids = await base.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const before = await snapshot(handle.db, ids.tenantId);

    const more = new Scenario('incremental');
    // New work: a merged PR on web deployed twice later; a direct push on api deployed.
    more.commit('web', 'w3', '2026-03-10T08:00', ['wm']).commit('web', 'wm2', '2026-03-10T10:00', ['w3']);
    more.pr('web', 'new', {
      number: 2,
      author: 'bob',
      created: '2026-03-10T08:30',
      merged: '2026-03-10T10:00',
      mergeCommit: 'wm2',
      commits: ['w3'],
      reviews: [{ by: 'ada', at: '2026-03-10T09:00' }],
    });
    more.deploy('web', 'W2', 'production', 'wm2', '2026-03-10T12:00');
    more
      .commit('api', 'c10', '2026-03-28T08:00', ['c9'])
      .deploy('api', 'A10', 'production', 'c10', '2026-03-28T12:00');
    // Late-arriving: staging deployed w2 before S1's time → the staging series is recomputed.
    more.deploy('web', 'S0', 'staging', 'w2', '2026-03-02T11:00');
    // A new incident in web two hours after W2; two PRs relabelled as hotfixes (their updated_at
    // moves; W1, computed before, now ships a hotfix); the api direct push c5 claimed by a late PR.
    more.incident('I9', { repo: 'web', started: '2026-03-10T14:00', resolved: '2026-03-10T18:00' });
    // The old PR also gets a late review by bob: its pickup and review stages (merged 3 March) change.
    more.step(async (tx, ids) => {
      await tx.query("update pull_requests set labels = '{hotfix}', updated_at = now() where id = any ($1)", [
        [ids.prs.get('old'), ids.prs.get('new')],
      ]);
      await tx.query(
        `insert into pull_request_reviews (tenant_id, pull_request_id, source, external_id, reviewer_identity_id, state, submitted_at)
         values ($1, $2, 'github', 'old-late-review', $3, 'approved', '2026-03-02T12:00:00Z')`,
        [ids.tenantId, ids.prs.get('old'), ids.people.get('bob')],
      );
    });
    more.pr('api', 'late', {
      number: 7,
      author: 'ada',
      created: '2026-03-08T09:00',
      merged: '2026-03-09T09:00',
      mergeCommit: 'c5',
      commits: ['c5'],
    });
    await more.addTo(handle.db, ids);

    expect(await refreshFacts(handle.db, ids.tenantId)).toEqual({ deployments: 4 });
    const incremental = await snapshot(handle.db, ids.tenantId);
    // The changes did reach the facts (so the comparison below is not vacuous).
    expect(incremental.change_facts).toContainEqual(
      expect.objectContaining({ change_kind: 'pull_request', change_ref: String(ids.prs.get('late')) }),
    );
    expect(incremental.change_facts).not.toContainEqual(expect.objectContaining({ change_ref: sha('c5') }));
    expect(incremental.deployment_facts).toContainEqual(
      expect.objectContaining({ deployment_id: ids.deployments.get('W1'), ships_hotfix: true }),
    );
    // The stage histogram changed from 3 March on: the old PR is reviewed now.
    const march3 = (rows: unknown[]) =>
      rows.filter((r) => (r as { day: string; measure: string }).day === '2026-03-03');
    expect(march3(incremental.pull_request_stage_days!)).not.toEqual(march3(before.pull_request_stage_days!));
    await refreshFacts(handle.db, ids.tenantId, { full: true });
    expect(incremental).toEqual(await snapshot(handle.db, ids.tenantId));
  });
});
