/**
 * Pull request flow over a hand-built month: stage percentiles, throughput, size, unreviewed share,
 * bots excluded, and team attribution by the membership valid when each pull request merged.
 */
import { beforeAll, expect, it } from 'vitest';
import { withTenant } from '@pulse/db';
import { prSummary, refreshFacts } from '@pulse/metrics';
import { describeEachDb } from '../../../test/support/databases.ts';
import { Scenario, at } from './support/scenario.ts';

const H = 3600;
const march = { from: at('2026-03-02T00:00'), to: at('2026-03-30T00:00') };

describeEachDb('pull request metrics', (handle) => {
  let tenantId: string;
  let teams: { core: number; growth: number };

  beforeAll(async () => {
    const s = new Scenario('prs')
      .person('ada')
      .person('bob')
      .person('renovate[bot]', { bot: true })
      .repo('api');
    s.commit('api', 'a1', '2026-03-02T08:00').commit('api', 'm1', '2026-03-02T12:00', ['a1']);
    s.commit('api', 'b1', '2026-03-03T08:00', ['m1']).commit('api', 'm2', '2026-03-03T11:00', ['b1']);
    s.commit('api', 'a3', '2026-03-11T08:00', ['m2']).commit('api', 'm3', '2026-03-12T12:00', ['a3']);
    s.commit('api', 'r1', '2026-03-04T08:00', ['m2']).commit('api', 'm4', '2026-03-04T09:00', ['r1']);
    // pr1 (ada): coding 1 h, pickup 1 h, review 2 h, deploy 2 h; 15 lines.
    s.pr('api', 'pr1', {
      number: 1,
      author: 'ada',
      created: '2026-03-02T09:00',
      merged: '2026-03-02T12:00',
      mergeCommit: 'm1',
      commits: ['a1'],
      reviews: [{ by: 'bob', at: '2026-03-02T10:00' }],
      size: [10, 5],
    });
    // pr2 (bob): coding 2 h, no review, deploy 2 h; 100 lines.
    s.pr('api', 'pr2', {
      number: 2,
      author: 'bob',
      created: '2026-03-03T10:00',
      merged: '2026-03-03T11:00',
      mergeCommit: 'm2',
      commits: ['b1'],
      size: [100, 0],
    });
    // pr3 (ada, now in growth): coding 4 h, pickup 4 h, review 20 h, not deployed; 40 lines.
    s.pr('api', 'pr3', {
      number: 3,
      author: 'ada',
      created: '2026-03-11T12:00',
      merged: '2026-03-12T12:00',
      mergeCommit: 'm3',
      commits: ['a3'],
      reviews: [{ by: 'bob', at: '2026-03-11T16:00' }],
      size: [40, 0],
    });
    // A bot's pull request: excluded everywhere.
    s.pr('api', 'bot', {
      number: 4,
      author: 'renovate[bot]',
      created: '2026-03-04T08:30',
      merged: '2026-03-04T09:00',
      mergeCommit: 'm4',
      commits: ['r1'],
      size: [2, 2],
    });
    s.deploy('api', 'P1', 'production', 'm1', '2026-03-02T14:00').deploy(
      'api',
      'P2',
      'production',
      'm2',
      '2026-03-03T13:00',
    );
    const ids = await s.save(handle.db);
    tenantId = ids.tenantId;
    const ada = await withTenant(handle.db, tenantId, (tx) =>
      tx.query<{ person_id: number }>("select person_id from identities where login = 'ada'"),
    );
    teams = await withTenant(handle.db, tenantId, async (tx) => {
      const make = async (name: string) =>
        (
          await tx.query<{ id: number }>(
            'insert into teams (tenant_id, external_id, name) values ($1, $2, $2) returning id',
            [tenantId, name],
          )
        ).rows[0]!.id;
      const core = await make('core');
      const growth = await make('growth');
      const person = ada.rows[0]!.person_id;
      await tx.query(
        'insert into team_members (tenant_id, team_id, person_id, valid_from, valid_to) values ($1, $2, $3, $4, $5)',
        [tenantId, core, person, at('2026-01-01T00:00'), at('2026-03-10T00:00')],
      );
      await tx.query(
        'insert into team_members (tenant_id, team_id, person_id, valid_from) values ($1, $2, $3, $4)',
        [tenantId, growth, person, at('2026-03-10T00:00')],
      );
      return { core, growth };
    });
    await refreshFacts(handle.db, tenantId);
  });

  it('reports stages, throughput, size and the unreviewed share without bots', async () => {
    const report = await prSummary(handle.db, tenantId, march);
    expect(report).toMatchObject({
      status: 'ok',
      merged: 3,
      throughputPerWeek: 0.75,
      mergedWithoutReview: { count: 1, share: 1 / 3 },
    });
    // Sizes 15, 40, 100 → median 40; p90 at position 1.8 → 40 + 0.8 × 60 = 88.
    expect(report.size).toEqual({ median: 40, p90: 88 });
    // coding 1, 2, 4 h → median 2 h, p75 (position 1.5) 3 h, p90 (position 1.8) 3.6 h.
    expect(report.stages.coding).toEqual({ median: 2 * H, p75: 3 * H, p90: 3.6 * H, sampleSize: 3 });
    expect(report.stages.pickup).toMatchObject({ median: 2.5 * H, sampleSize: 2 });
    expect(report.stages.review).toMatchObject({ median: 11 * H, sampleSize: 2 });
    expect(report.stages.deploy).toMatchObject({ median: 2 * H, sampleSize: 2 });
    expect(report.series.map((b) => [b.bucket, b.merged])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-09', 1],
      ['2026-03-16', 0],
      ['2026-03-23', 0],
    ]);
  });

  it("attributes a pull request to the author's team when it merged", async () => {
    const core = await prSummary(handle.db, tenantId, { ...march, teamId: teams.core });
    const growth = await prSummary(handle.db, tenantId, { ...march, teamId: teams.growth });
    expect([core.merged, growth.merged]).toEqual([1, 1]); // pr1 (3 March) and pr3 (12 March)
    expect(core.stages.review.median).toBe(2 * H);
    expect(growth.stages.review.median).toBe(20 * H);
  });

  it('says "no data" for a period without merged pull requests', async () => {
    const empty = await prSummary(handle.db, tenantId, {
      from: at('2026-04-06T00:00'),
      to: at('2026-04-13T00:00'),
    });
    expect(empty).toMatchObject({
      status: 'no_data',
      merged: 0,
      mergedWithoutReview: { share: null },
      size: { median: null },
    });
    expect(empty.stages.coding).toEqual({ median: null, p75: null, p90: null, sampleSize: 0 });
  });
});
