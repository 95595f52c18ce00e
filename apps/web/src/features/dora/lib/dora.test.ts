import { describe, expect, it } from 'vitest';
import type { DoraReport } from '../api/dora-report.ts';
import { changeVsPrevious } from './change-vs-previous.ts';
import { doraCards } from './dora-cards.ts';
import { sparklinePath } from './sparkline-path.ts';

function report(overrides: Partial<DoraReport> = {}): DoraReport {
  return {
    period: {
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      timeZone: 'UTC',
      granularity: 'week',
    },
    benchmark: 2024,
    deploymentFrequency: {
      status: 'ok',
      deployments: 40,
      deploymentDays: 30,
      medianWeeklyDeploymentDays: 2.5,
      weeks: 12,
      cadence: 'weekly',
      band: 'high',
      sampleSize: 40,
    },
    changeLeadTime: { status: 'ok', median: 5400, p75: 86_400, p90: 200_000, band: 'elite', sampleSize: 120 },
    changeFailRate: { status: 'ok', value: 2 / 9, failed: 2, band: 'medium', sampleSize: 9 },
    failedDeploymentRecoveryTime: {
      status: 'ok',
      median: 52_200,
      unrecovered: 1,
      band: 'high',
      sampleSize: 2,
    },
    deploymentReworkRate: { status: 'ok', value: 0.5, rework: 2, sampleSize: 4 },
    series: [
      {
        bucket: '2026-01-05',
        deployments: 3,
        deploymentDays: 2,
        changeFailRate: 0,
        deploymentReworkRate: null,
        leadTimeMedian: 3600,
        leadTimeSamples: 4,
        recoveryMedian: null,
        recovered: 0,
      },
      {
        bucket: '2026-01-12',
        deployments: 5,
        deploymentDays: 3,
        changeFailRate: 0.2,
        deploymentReworkRate: 0.2,
        leadTimeMedian: 7200,
        leadTimeSamples: 6,
        recoveryMedian: 3600,
        recovered: 1,
      },
    ],
    ...overrides,
  };
}

describe('doraCards', () => {
  it('shows the API values, their samples and bands, formatted', () => {
    const cards = doraCards(report(), undefined);
    expect(cards.map((c) => [c.key, c.value, c.display, c.band])).toEqual([
      ['deploymentFrequency', 2.5, '2.5 days / week', 'high'],
      ['changeLeadTime', 5400, '1.5 h', 'elite'],
      ['changeFailRate', 2 / 9, '22.2 %', 'medium'],
      ['failedDeploymentRecoveryTime', 52_200, '14.5 h', 'high'],
      ['deploymentReworkRate', 0.5, '50.0 %', null],
    ]);
    expect(cards[0]!.detail).toBe('40 deployments on 30 days; cadence weekly');
    expect(cards[1]!.detail).toBe('median of 120 changes; p75 24.0 h, p90 2.3 d');
    expect(cards[2]!.detail).toBe('2 of 9 deployments failed');
    expect(cards[1]!.sparkline).toEqual([3600, 7200]);
    expect(cards.every((c) => c.change.tone === 'none')).toBe(true);
  });

  it('says "Not enough data" instead of showing a zero', () => {
    const empty = report({
      deploymentFrequency: {
        ...report().deploymentFrequency,
        status: 'no_data',
        deployments: 0,
        medianWeeklyDeploymentDays: 0,
        band: null,
        sampleSize: 0,
      },
      changeLeadTime: { status: 'no_data', median: null, p75: null, p90: null, band: null, sampleSize: 0 },
      changeFailRate: { status: 'no_data', value: null, failed: 0, band: null, sampleSize: 0 },
      failedDeploymentRecoveryTime: {
        status: 'no_data',
        median: null,
        unrecovered: 2,
        band: null,
        sampleSize: 0,
      },
      deploymentReworkRate: { status: 'no_data', value: null, rework: 0, sampleSize: 0 },
    });
    const cards = doraCards(empty, report());
    expect(cards.map((c) => c.display)).toEqual(Array(5).fill('Not enough data'));
    expect(cards.map((c) => c.value)).toEqual(Array(5).fill(null));
    expect(cards[3]!.detail).toBe('2 failed deployments, none recovered yet.');
    expect(cards.every((c) => c.change.text === null)).toBe(true);
  });

  it('compares with the previous period in the direction that is better for each metric', () => {
    const previous = report({
      deploymentFrequency: { ...report().deploymentFrequency, deployments: 32 },
      changeLeadTime: { ...report().changeLeadTime, median: 3600 },
      changeFailRate: { ...report().changeFailRate, value: 0.3 },
    });
    const [df, lt, cfr] = doraCards(report(), previous);
    expect(df!.change).toMatchObject({ text: '+25 %', tone: 'better' });
    expect(lt!.change).toMatchObject({ text: '+50 %', tone: 'worse' });
    expect(cfr!.change).toMatchObject({ text: '−7.8 pp', tone: 'better' });
  });
});

describe('changeVsPrevious', () => {
  it('handles no change, a zero baseline and missing data', () => {
    expect(changeVsPrevious(5, 5, { kind: 'relative', betterWhen: 'higher' }).tone).toBe('same');
    expect(changeVsPrevious(3, 0, { kind: 'relative', betterWhen: 'higher' })).toMatchObject({
      text: '+from zero',
      tone: 'better',
    });
    expect(changeVsPrevious(0.1, null, { kind: 'rate', betterWhen: 'lower' }).tone).toBe('none');
  });
});

describe('sparklinePath', () => {
  it('scales values into the box with y pointing down', () => {
    expect(sparklinePath([0, 5, 10], 100, 20)).toBe('M0.0 20.0 L50.0 10.0 L100.0 0.0');
  });

  it('leaves gaps for buckets without a value and draws a flat line mid-height', () => {
    expect(sparklinePath([1, null, 3, 4], 30, 10)).toBe('M0.0 10.0 M20.0 3.3 L30.0 0.0');
    expect(sparklinePath([2, 2], 10, 10)).toBe('M0.0 5.0 L10.0 5.0');
  });

  it('draws nothing from fewer than two values', () => {
    expect(sparklinePath([null, 4, null], 10, 10)).toBeNull();
    expect(sparklinePath([], 10, 10)).toBeNull();
  });
});
