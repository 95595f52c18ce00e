/**
 * `pulse metrics` on a real process: the embedded database is seeded with a small hand-built
 * scenario (the api repository of the DORA scenario in packages/metrics/test/dora.test.ts), then
 * the CLI must print the same numbers, as a table and as JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPglite } from '@pulse/db';
import { addDoraMonth } from '../../../packages/metrics/test/support/dora-month.ts';
import { Scenario } from '../../../packages/metrics/test/support/scenario.ts';
import { embeddedEnv, expectError, expectOk, runPulse, tempDir } from './support/run-pulse.ts';

const slow = { timeout: 60_000 };

describe('pulse metrics', slow, () => {
  const dir = tempDir('pulse-metrics-');
  const env = embeddedEnv(dir.path);
  const run = (args: string[]) => runPulse(args, { cwd: dir.path, env });
  const period = ['--tenant', 'acme', '--from', '2026-03-02', '--to', '2026-03-30'];

  beforeAll(async () => {
    expectOk(await run(['migrate']));
    const db = await openPglite(env.PULSE_DATA_DIR);
    try {
      await migrate(db);
      // Deployment days per week 3, 1, 0, 4; lead times 2, 4, 1, 4, 24, 24, 1, 24, 2 h; A3 and A6 fail.
      const s = addDoraMonth(new Scenario('acme').repo('api'));
      await s.save(db);
    } finally {
      await db.close();
    }
  });
  afterAll(() => dir.remove());

  it('prints the DORA table with values, bands and sample sizes', async () => {
    const result = await run(['metrics', 'dora', ...period]);
    expectOk(result);
    const line = (name: string) => result.stdout.split('\n').find((l) => l.startsWith(name)) ?? '';
    expect(line('Deployment frequency')).toMatch(
      /9 deployments, median 2 deployment days\/week \(weekly\)\s+high\s+9$/,
    );
    expect(line('Change lead time')).toMatch(/median 4h 0m, p75 1d 0h, p90 1d 0h\s+elite\s+9$/);
    expect(line('Change fail rate')).toMatch(/22\.2 % \(2 failed\)\s+medium\s+9$/);
    expect(line('Failed deployment recovery time')).toMatch(/median 14h 30m\s+high\s+2$/);
    expect(line('Deployment rework rate')).toMatch(/0\.0 % \(0 rework\)\s+—\s+9$/);
  });

  it('prints JSON with the series, for another benchmark year', async () => {
    const result = await run([
      'metrics',
      'dora',
      ...period,
      '--json',
      '--benchmark',
      '2023',
      '--repository',
      'acme/api',
    ]);
    expectOk(result);
    const report = JSON.parse(result.stdout) as {
      benchmark: number;
      changeFailRate: { band: string; value: number };
      series: { bucket: string; deployments: number }[];
    };
    expect(report.benchmark).toBe(2023);
    expect(report.changeFailRate).toMatchObject({ band: 'low', value: 2 / 9 });
    expect(report.series.map((b) => [b.bucket, b.deployments])).toEqual([
      ['2026-03-02', 4],
      ['2026-03-09', 1],
      ['2026-03-16', 0],
      ['2026-03-23', 4],
    ]);
  });

  it('says "not enough data" for an empty period', async () => {
    const result = await run([
      'metrics',
      'dora',
      '--tenant',
      'acme',
      '--from',
      '2025-01-01',
      '--to',
      '2025-02-01',
    ]);
    expectOk(result);
    expect(result.stdout.match(/not enough data/g)?.length).toBe(5);
  });

  it('prints the SQL it runs', async () => {
    const result = await run(['metrics', 'explain', 'dora']);
    expectOk(result);
    expect(result.stdout).toContain('-- dora.leadTimeSummary');
    expect(result.stdout).toContain('from params p join change_facts c on');
  });

  it('rejects bad input with stable codes', async () => {
    expectError(await run(['metrics', 'dora', ...period, '--team', 'nobody']), 'TEAM_NOT_FOUND', 1);
    expectError(
      await run(['metrics', 'dora', ...period, '--repository', 'acme/nope']),
      'REPOSITORY_NOT_FOUND',
      1,
    );
    expectError(
      await run(['metrics', 'dora', '--tenant', 'acme', '--from', 'last week']),
      'VALIDATION_FAILED',
      1,
    );
    expectError(
      await run(['metrics', 'dora', ...period, '--time-zone', 'Mars/Base']),
      'VALIDATION_FAILED',
      1,
    );
    expectError(await run(['metrics', 'dora', '--tenant', 'nope']), 'TENANT_NOT_FOUND', 1);
    const usage = await run(['metrics', 'dora', ...period, '--benchmark', '2022']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Allowed choices are 2021, 2023, 2024');
  });
});
