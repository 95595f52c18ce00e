import { baseOption } from '../../../charts/base-option.ts';
import type { ChartPalette } from '../../../charts/chart-palette.ts';
import { stageNames, type PrReport } from '../api/pr-report.ts';
import { sizeClasses } from './size-buckets.ts';
import { stageBars } from './stage-bars.ts';

const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);

/** Stacked horizontal bars: median and p75 of each stage, in hours. */
export function stageChartOption(report: PrReport, palette: ChartPalette) {
  const bars = stageBars(report);
  const base = baseOption(palette, ['Median', 'p75']);
  return {
    ...base,
    xAxis: { ...base.yAxis, name: 'hours', nameTextStyle: { color: palette.muted } },
    yAxis: base.xAxis,
    tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
    series: stageNames.map((name) => ({ name, type: 'bar' as const, stack: 'stages', data: bars[name] })),
  };
}

/** Stage medians per bucket, stacked. */
export function stageSeriesOption(report: PrReport, palette: ChartPalette) {
  const base = baseOption(
    palette,
    report.series.map((b) => b.bucket),
  );
  return {
    ...base,
    yAxis: { ...base.yAxis, name: 'hours', nameTextStyle: { color: palette.muted } },
    series: stageNames.map((name) => ({
      name,
      type: 'bar' as const,
      stack: 'stages',
      data: report.series.map((b) => hours(b[`${name}Median`])),
    })),
  };
}

/** Merged pull requests per bucket, split into reviewed and merged without review. */
export function throughputOption(report: PrReport, palette: ChartPalette) {
  return {
    ...baseOption(
      palette,
      report.series.map((b) => b.bucket),
    ),
    series: [
      {
        name: 'Reviewed',
        type: 'bar' as const,
        stack: 'merged',
        data: report.series.map((b) => b.merged - b.mergedWithoutReview),
      },
      {
        name: 'Merged without review',
        type: 'bar' as const,
        stack: 'merged',
        data: report.series.map((b) => b.mergedWithoutReview),
      },
    ],
  };
}

/** Pull requests per size class. */
export function sizeOption(counts: readonly number[], palette: ChartPalette) {
  return {
    ...baseOption(
      palette,
      sizeClasses.map((c) => c.label),
    ),
    legend: { show: false },
    series: [{ name: 'Pull requests', type: 'bar' as const, data: [...counts] }],
  };
}
