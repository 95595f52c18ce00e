/**
 * The five DORA metrics over hand-built scenarios, with every expected number worked out in the
 * comments. Weeks start on Monday; March 2026 has Mondays on the 2nd, 9th, 16th, 23rd and 30th.
 */
import { beforeAll, expect, it } from 'vitest';
import { withTenant } from '@pulse/db';
import { doraSummary, refreshFacts } from '@pulse/metrics';
import { describeEachDb } from '../../../test/support/databases.ts';
import { addDoraMonth } from './support/dora-month.ts';
import { Scenario, at } from './support/scenario.ts';

const H = 3600;
const march = { from: at('2026-03-02T00:00'), to: at('2026-03-30T00:00') };

describeEachDb('DORA metrics', (handle) => {
  let tenantId: string;
  let repos: Map<string, number>;

  beforeAll(async () => {
    // The DORA month (support/dora-month.ts) in api; a staging deployment on 03-05 that never
    // counts; web: W1 on Tue 03-10.
    const s = addDoraMonth(new Scenario('dora').repo('api').repo('web'));
    s.deploy('api', 'S1', 'staging', 'c4', '2026-03-05T10:00');
    s.commit('web', 'w1', '2026-03-10T08:00').deploy('web', 'W1', 'production', 'w1', '2026-03-10T10:00');
    const ids = await s.save(handle.db);
    tenantId = ids.tenantId;
    repos = ids.repos;
    await refreshFacts(handle.db, tenantId);
  });

  it('computes all five metrics for one repository, with bands for 2024', async () => {
    const report = await doraSummary(handle.db, tenantId, { ...march, repositoryIds: [repos.get('api')!] });
    // Deployment days per week [3, 1, 0, 4] → median 2 → weekly cadence → 2024 band high.
    expect(report.deploymentFrequency).toEqual({
      status: 'ok',
      deployments: 9,
      deploymentDays: 8,
      medianWeeklyDeploymentDays: 2,
      weeks: 4,
      cadence: 'weekly',
      band: 'high',
      sampleSize: 9,
    });
    // Lead times sorted: 1, 1, 2, 2, 4, 4, 24, 24, 24 h → median 4 h (elite: ≤ 1 day), p75 and p90 24 h.
    expect(report.changeLeadTime).toEqual({
      status: 'ok',
      unit: 'seconds',
      median: 4 * H,
      p75: 24 * H,
      p90: 24 * H,
      band: 'elite',
      sampleSize: 9,
    });
    // 2 / 9 = 22.2 % → above 2024's 20 % bound for high → medium.
    expect(report.changeFailRate).toEqual({
      status: 'ok',
      value: 2 / 9,
      failed: 2,
      band: 'medium',
      sampleSize: 9,
    });
    // Recovery 3 h and 26 h → median 14.5 h → high (≤ 1 day).
    expect(report.failedDeploymentRecoveryTime).toEqual({
      status: 'ok',
      unit: 'seconds',
      median: 14.5 * H,
      unrecovered: 0,
      band: 'high',
      sampleSize: 2,
    });
    expect(report.deploymentReworkRate).toEqual({ status: 'ok', value: 0, rework: 0, sampleSize: 9 });
  });

  it('gives a weekly series with empty weeks included', async () => {
    const report = await doraSummary(handle.db, tenantId, {
      ...march,
      repositoryIds: [repos.get('api')!],
      granularity: 'week',
    });
    // Lead time per week: [2, 4, 1, 4] → 3 h; [24] → 24 h; none; [24, 1, 24, 2] → 13 h.
    expect(
      report.series.map((b) => [
        b.bucket,
        b.deployments,
        b.deploymentDays,
        b.changeFailRate,
        b.leadTimeMedian,
      ]),
    ).toEqual([
      ['2026-03-02', 4, 3, 0.25, 3 * H],
      ['2026-03-09', 1, 1, 0, 24 * H],
      ['2026-03-16', 0, 0, null, null],
      ['2026-03-23', 4, 4, 0.25, 13 * H],
    ]);
  });

  it('classifies the same numbers against each benchmark year', async () => {
    const api = { ...march, repositoryIds: [repos.get('api')!] };
    const by = async (benchmark: 2021 | 2023 | 2024) => {
      const r = await doraSummary(handle.db, tenantId, { ...api, benchmark });
      return [
        r.deploymentFrequency.band,
        r.changeLeadTime.band,
        r.changeFailRate.band,
        r.failedDeploymentRecoveryTime.band,
      ];
    };
    // 2021: weekly → high; 4 h lead time falls in the 1 h – 1 day gap → high; 22 % in 16–30 % → high; 14.5 h → high.
    expect(await by(2021)).toEqual(['high', 'high', 'high', 'high']);
    // 2023: weekly → high; 4 h → elite; 22 % > 15 % → low; 14.5 h → high.
    expect(await by(2023)).toEqual(['high', 'elite', 'low', 'high']);
    expect(await by(2024)).toEqual(['high', 'elite', 'medium', 'high']);
  });

  it('counts every repository by default and filters by team through repository ownership', async () => {
    const all = await doraSummary(handle.db, tenantId, march);
    // 10 deployments on 9 days; weekly days [3, 2, 0, 4] → median 2.5.
    expect(all.deploymentFrequency).toMatchObject({
      deployments: 10,
      deploymentDays: 9,
      medianWeeklyDeploymentDays: 2.5,
    });
    const teamId = await withTenant(handle.db, tenantId, async (tx) => {
      const team = await tx.query<{ id: number }>(
        "insert into teams (tenant_id, external_id, name) values ($1, 'growth', 'Growth') returning id",
        [tenantId],
      );
      await tx.query(
        'insert into team_repositories (tenant_id, team_id, repository_id) values ($1, $2, $3)',
        [tenantId, team.rows[0]!.id, repos.get('web')],
      );
      return team.rows[0]!.id;
    });
    const growth = await doraSummary(handle.db, tenantId, { ...march, teamId });
    expect(growth.deploymentFrequency).toMatchObject({ deployments: 1, deploymentDays: 1 });
    expect(growth.changeFailRate.value).toBe(0);
  });

  it('measures another environment when asked: staging has one deployment', async () => {
    const staging = await doraSummary(handle.db, tenantId, { ...march, environment: 'staging' });
    expect(staging.deploymentFrequency).toMatchObject({ deployments: 1, deploymentDays: 1 });
  });

  it('says "no data" for an empty period instead of zeros', async () => {
    const empty = await doraSummary(handle.db, tenantId, {
      from: at('2025-01-06T00:00'),
      to: at('2025-01-20T00:00'),
    });
    expect(empty.deploymentFrequency).toMatchObject({ status: 'no_data', deployments: 0, band: null });
    expect(empty.changeLeadTime).toMatchObject({
      status: 'no_data',
      median: null,
      band: null,
      sampleSize: 0,
    });
    expect(empty.changeFailRate).toMatchObject({ status: 'no_data', value: null, band: null });
    expect(empty.failedDeploymentRecoveryTime).toMatchObject({ status: 'no_data', median: null, band: null });
    expect(empty.deploymentReworkRate).toMatchObject({ status: 'no_data', value: null });
    expect(empty.series.map((b) => b.bucket)).toEqual(['2025-01-06', '2025-01-13']);
  });

  it('rejects an empty period and an unknown time zone', async () => {
    await expect(doraSummary(handle.db, tenantId, { from: march.to, to: march.from })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      doraSummary(handle.db, tenantId, { ...march, timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describeEachDb('DORA metrics in time zones', (handle) => {
  let tenantId: string;

  beforeAll(async () => {
    // Two deployments: Sunday 2026-03-01 23:30 UTC (Monday 00:30 in Berlin, UTC+1) and Monday
    // 2026-03-02 22:30 UTC (Monday 23:30 in Berlin). Two more around New York's switch to summer time
    // on Sunday 2026-03-08: 06:30 UTC (01:30 EST) and 2026-03-09 03:30 UTC (23:30 EDT, still the 8th).
    const s = new Scenario('zones').repo('api').chain('api', ['a', 'b', 'c', 'd'], '2026-02-20T00:00');
    s.deploy('api', 'D1', 'production', 'a', '2026-03-01T23:30').deploy(
      'api',
      'D2',
      'production',
      'b',
      '2026-03-02T22:30',
    );
    s.deploy('api', 'D3', 'production', 'c', '2026-03-08T06:30').deploy(
      'api',
      'D4',
      'production',
      'd',
      '2026-03-09T03:30',
    );
    tenantId = (await s.save(handle.db)).tenantId;
    await refreshFacts(handle.db, tenantId);
  });

  it('counts deployment days and day buckets in the requested time zone', async () => {
    const utc = await doraSummary(handle.db, tenantId, {
      from: at('2026-03-01T00:00'),
      to: at('2026-03-03T00:00'),
      granularity: 'day',
    });
    expect(utc.deploymentFrequency.deploymentDays).toBe(2);
    expect(utc.series.map((b) => [b.bucket, b.deployments])).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 1],
    ]);
    // The same two deployments within Monday 2 March in Berlin (period = that local day).
    const berlin = await doraSummary(handle.db, tenantId, {
      from: at('2026-03-01T23:00'),
      to: at('2026-03-02T23:00'),
      timeZone: 'Europe/Berlin',
      granularity: 'day',
    });
    expect(berlin.deploymentFrequency.deploymentDays).toBe(1);
    expect(berlin.series.map((b) => [b.bucket, b.deployments])).toEqual([['2026-03-02', 2]]);
  });

  it('keeps a 23-hour daylight-saving day as one bucket', async () => {
    // 2026-03-08 in New York runs from 05:00 UTC to 04:00 UTC next day (23 hours).
    const ny = await doraSummary(handle.db, tenantId, {
      from: at('2026-03-08T05:00'),
      to: at('2026-03-09T04:00'),
      timeZone: 'America/New_York',
      granularity: 'day',
    });
    expect(ny.series.map((b) => [b.bucket, b.deployments])).toEqual([['2026-03-08', 2]]);
    expect(ny.deploymentFrequency.deploymentDays).toBe(1);
  });
});
