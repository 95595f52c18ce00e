import { useMemo } from 'react';
import { EChart } from '../../../charts/EChart.tsx';
import { useChartPalette } from '../../../charts/use-chart-palette.ts';
import type { DoraBucket } from '../api/dora-report.ts';
import type { DoraMetricKey } from '../lib/dora-cards.ts';
import { doraSeriesOption, doraSeriesSpecs } from '../lib/dora-series-option.ts';

const keys: readonly DoraMetricKey[] = [
  'deploymentFrequency',
  'changeLeadTime',
  'changeFailRate',
  'failedDeploymentRecoveryTime',
  'deploymentReworkRate',
];

/** A time series per DORA metric. */
export default function DoraSeriesCharts({ buckets }: { readonly buckets: readonly DoraBucket[] }) {
  const palette = useChartPalette();
  const options = useMemo(
    () => keys.map((key) => [key, doraSeriesOption(buckets, key, palette)] as const),
    [buckets, palette],
  );
  return (
    <div className="chart-grid">
      {options.map(([key, option]) => (
        <section key={key} className="card" aria-labelledby={`series-${key}`}>
          <h3 id={`series-${key}`}>{doraSeriesSpecs[key].name}</h3>
          <EChart
            option={option}
            label={`${doraSeriesSpecs[key].name} per ${buckets.length} buckets`}
            height={200}
          />
        </section>
      ))}
    </div>
  );
}
