import { describe, expect, it } from 'vitest';
import { chartPalettes } from '../../../charts/chart-palette.ts';
import type { PrReport } from '../api/pr-report.ts';
import { stageChartOption, throughputOption } from './flow-options.ts';
import { sizeBuckets } from './size-buckets.ts';
import { stageBars } from './stage-bars.ts';

const stage = (median: number | null, p75: number | null, sampleSize: number) => ({
  median,
  p75,
  p90: null,
  sampleSize,
});

const report: PrReport = {
  period: {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-15T00:00:00.000Z',
    timeZone: 'UTC',
    granularity: 'week',
  },
  status: 'ok',
  merged: 10,
  throughputPerWeek: 5,
  mergedWithoutReview: { count: 3, share: 0.3 },
  size: { median: 80, p90: 600 },
  stages: {
    coding: stage(4 * 3600, 9 * 3600, 10),
    pickup: stage(2 * 3600, 5.25 * 3600, 7),
    review: stage(1800, 3600, 7),
    deploy: stage(null, null, 0),
  },
  series: [
    {
      bucket: '2026-01-05',
      merged: 6,
      mergedWithoutReview: 2,
      codingMedian: 3600,
      pickupMedian: null,
      reviewMedian: null,
      deployMedian: null,
    },
    {
      bucket: '2026-01-12',
      merged: 4,
      mergedWithoutReview: 1,
      codingMedian: 7200,
      pickupMedian: 3600,
      reviewMedian: 1800,
      deployMedian: 900,
    },
  ],
};

describe('stage chart data', () => {
  it('stacks medians and p75s in hours; a stage without samples is left out, not zero', () => {
    expect(stageBars(report)).toEqual({
      coding: [4, 9],
      pickup: [2, 5.3],
      review: [0.5, 1],
      deploy: [null, null],
    });
    const option = stageChartOption(report, chartPalettes.light);
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['coding', 'stages', [4, 9]],
      ['pickup', 'stages', [2, 5.3]],
      ['review', 'stages', [0.5, 1]],
      ['deploy', 'stages', [null, null]],
    ]);
  });

  it('splits weekly throughput into reviewed and unreviewed merges', () => {
    const option = throughputOption(report, chartPalettes.dark);
    expect(option.xAxis.data).toEqual(['2026-01-05', '2026-01-12']);
    expect(option.series.map((s) => s.data)).toEqual([
      [4, 3],
      [2, 1],
    ]);
    expect(option.color[0]).toBe(chartPalettes.dark.series[0]);
  });
});

describe('sizeBuckets', () => {
  it('counts pull requests per size class at the class edges', () => {
    const pulls = [
      { additions: 10, deletions: 0 },
      { additions: 6, deletions: 5 },
      { additions: 50, deletions: 0 },
      { additions: 200, deletions: 50 },
      { additions: 251, deletions: 0 },
      { additions: 1000, deletions: 0 },
      { additions: 1000, deletions: 1 },
      { additions: null, deletions: 3 },
    ];
    expect(sizeBuckets(pulls)).toEqual({ counts: [1, 2, 1, 2, 1], unknown: 1 });
  });
});
