import { baseOption } from '../../../charts/base-option.ts';
import type { ChartPalette } from '../../../charts/chart-palette.ts';
import type { DoraBucket } from '../api/dora-report.ts';
import type { DoraMetricKey } from './dora-cards.ts';

interface SeriesSpec {
  readonly name: string;
  readonly unit: string;
  readonly kind: 'bar' | 'line';
  readonly value: (b: DoraBucket) => number | null;
}

const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);
const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export const doraSeriesSpecs: Record<DoraMetricKey, SeriesSpec> = {
  deploymentFrequency: { name: 'Deployments', unit: '', kind: 'bar', value: (b) => b.deployments },
  changeLeadTime: {
    name: 'Median lead time',
    unit: 'h',
    kind: 'line',
    value: (b) => hours(b.leadTimeMedian),
  },
  changeFailRate: {
    name: 'Change fail rate',
    unit: '%',
    kind: 'line',
    value: (b) => percent(b.changeFailRate),
  },
  failedDeploymentRecoveryTime: {
    name: 'Median recovery time',
    unit: 'h',
    kind: 'line',
    value: (b) => hours(b.recoveryMedian),
  },
  deploymentReworkRate: {
    name: 'Rework rate',
    unit: '%',
    kind: 'line',
    value: (b) => percent(b.deploymentReworkRate),
  },
};

/**
 * The ECharts option of one DORA metric over the report's buckets. Buckets without a value stay
 * empty (a gap in the line), never zero.
 */
export function doraSeriesOption(buckets: readonly DoraBucket[], key: DoraMetricKey, palette: ChartPalette) {
  const spec = doraSeriesSpecs[key];
  const base = baseOption(
    palette,
    buckets.map((b) => b.bucket),
  );
  return {
    ...base,
    legend: { show: false },
    yAxis: { ...base.yAxis, name: spec.unit, nameTextStyle: { color: palette.muted } },
    series: [
      {
        name: spec.name,
        type: spec.kind,
        data: buckets.map(spec.value),
        connectNulls: false,
        showSymbol: buckets.length < 40,
      },
    ],
  };
}
