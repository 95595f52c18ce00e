/**
 * Two rules reviewed against PRODUCT.md ("Deployment rework rate: share of deployments that are
 * unplanned fixes"; a failed change is a deployment that caused a failure). Each case states its
 * data, the expected result and why.
 */
import { expect, it } from 'vitest';
import { withTenant } from '@pulse/db';
import { doraSummary, refreshFacts } from '@pulse/metrics';
import { describeEachDb } from '../../../test/support/databases.ts';
import { Scenario, at } from './support/scenario.ts';

const march = { from: at('2026-03-01T00:00'), to: at('2026-04-01T00:00') };

describeEachDb('failure and rework rules', (handle) => {
  const reasons = async (tenantId: string, deploymentId: number) =>
    (
      await withTenant(handle.db, tenantId, (tx) =>
        tx.query<{ failure_reasons: object[]; rework_reasons: object[]; recovered_at: Date | null }>(
          'select failure_reasons, rework_reasons, recovered_at from deployment_facts where deployment_id = $1',
          [deploymentId],
        ),
      )
    ).rows[0]!;

  it('rollback, then hotfix: the rolled-back deployment failed, not the rollback that restored service', async () => {
    // P1 ships a; P2 ships b (broken); P3 at 11:00 redeploys a (rollback); P4 at 14:00 ships the
    // hotfix PR's commit h (on top of b). P2 failed twice over (rolled back by P3, hotfixed by P4)
    // and recovered when P3 finished. P3 restored service: it did not fail, it is rework (it fixes
    // P2), and so is P4. Before, the hotfix counted against P3, the deployment right before it:
    // 2 failed of 4 instead of 1.
    const s = new Scenario('rollback-hotfix').person('ada').repo('api');
    s.chain('api', ['a', 'b'], '2026-03-02T08:00').commit('api', 'h', '2026-03-02T13:00', ['b']);
    s.pr('api', 'fix', {
      number: 1,
      author: 'ada',
      created: '2026-03-02T12:00',
      merged: '2026-03-02T13:00',
      mergeCommit: 'h',
      branch: 'hotfix/timeout',
    });
    s.deploy('api', 'P1', 'production', 'a', '2026-03-02T09:00')
      .deploy('api', 'P2', 'production', 'b', '2026-03-02T10:00')
      .deploy('api', 'P3', 'production', 'a', '2026-03-02T11:00')
      .deploy('api', 'P4', 'production', 'h', '2026-03-02T14:00');
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const id = (k: string) => ids.deployments.get(k)!;
    expect(await reasons(ids.tenantId, id('P2'))).toEqual({
      failure_reasons: [
        { kind: 'hotfix', deploymentId: id('P4') },
        { kind: 'rollback', deploymentId: id('P3') },
      ],
      rework_reasons: [],
      recovered_at: at('2026-03-02T11:00'),
    });
    expect(await reasons(ids.tenantId, id('P3'))).toEqual({
      failure_reasons: [],
      rework_reasons: [{ kind: 'rollback', fixes: id('P2') }],
      recovered_at: null,
    });
    expect((await reasons(ids.tenantId, id('P4'))).rework_reasons).toEqual([
      { kind: 'hotfix', fixes: id('P2') },
    ]);
    const report = await doraSummary(handle.db, ids.tenantId, march);
    expect(report.changeFailRate).toMatchObject({ failed: 1, sampleSize: 4, value: 1 / 4 });
    expect(report.deploymentReworkRate).toMatchObject({ rework: 2, value: 2 / 4 });
  });

  it('rework: a deployment of fixes only is rework; a release that batches one fix with planned work is not', async () => {
    // P1 ships feature PR f1 and PR d1 (linked to a defect): a planned release that also carries a
    // fix → not rework (the old rule, "ships any PR linked to a defect", made batched releases count
    // 40–47 % rework in the demo). P2 ships only d2 (defect) → rework. P3 ships only i1, linked to an
    // incident work item → rework. P4 ships f2 (no work item) → not rework. Rate 2 / 4 = 50 %.
    const s = new Scenario('rework').person('ada').repo('api');
    s.chain('api', ['f1', 'd1'], '2026-03-02T08:00')
      .chain('api', ['d2'], '2026-03-03T08:00', 'd1')
      .chain('api', ['i1'], '2026-03-04T08:00', 'd2')
      .chain('api', ['f2'], '2026-03-05T08:00', 'i1');
    for (const [n, key, day] of [
      [1, 'f1', '02'],
      [2, 'd1', '02'],
      [3, 'd2', '03'],
      [4, 'i1', '04'],
      [5, 'f2', '05'],
    ] as const) {
      s.pr('api', key, {
        number: n,
        author: 'ada',
        created: `2026-03-${day}T07:00`,
        merged: `2026-03-${day}T09:30`,
        mergeCommit: key,
      });
    }
    s.workItem('BUG-1', 'defect', ['d1'])
      .workItem('BUG-2', 'defect', ['d2'])
      .workItem('INC-1', 'incident', ['i1']);
    s.workItem('FEAT-1', 'feature', ['f1', 'f2']);
    s.deploy('api', 'P1', 'production', 'd1', '2026-03-02T10:00')
      .deploy('api', 'P2', 'production', 'd2', '2026-03-03T10:00')
      .deploy('api', 'P3', 'production', 'i1', '2026-03-04T10:00')
      .deploy('api', 'P4', 'production', 'f2', '2026-03-05T10:00');
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const kinds = async (k: string) =>
      (await reasons(ids.tenantId, ids.deployments.get(k)!)).rework_reasons.map(
        (r) => (r as { kind: string }).kind,
      );
    expect(await kinds('P1')).toEqual([]);
    expect(await kinds('P2')).toEqual(['defect_fix']);
    expect(await kinds('P3')).toEqual(['defect_fix']);
    expect(await kinds('P4')).toEqual([]);
    const report = await doraSummary(handle.db, ids.tenantId, march);
    expect(report.deploymentReworkRate).toEqual({ status: 'ok', value: 0.5, rework: 2, sampleSize: 4 });
  });
});
