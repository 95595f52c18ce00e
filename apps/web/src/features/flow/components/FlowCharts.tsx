import { useMemo } from 'react';
import { EChart } from '../../../charts/EChart.tsx';
import { useChartPalette } from '../../../charts/use-chart-palette.ts';
import { formatNumber } from '../../../lib/format/format-number.ts';
import type { PullRequest } from '../../drilldowns/api/pull-request.ts';
import { pullRequestLimit } from '../../drilldowns/hooks/use-pull-requests-in-period.ts';
import type { PrReport } from '../api/pr-report.ts';
import { sizeOption, stageChartOption, stageSeriesOption, throughputOption } from '../lib/flow-options.ts';
import { sizeBuckets } from '../lib/size-buckets.ts';

/** The flow page's charts (a separate chunk with the chart library). */
export default function FlowCharts({
  report,
  merged,
  granularity,
  teamFiltered,
}: {
  readonly report: PrReport;
  readonly merged: { items: PullRequest[]; truncated: boolean } | undefined;
  readonly granularity: string;
  readonly teamFiltered: boolean;
}) {
  const palette = useChartPalette();
  const sizes = useMemo(() => (merged === undefined ? undefined : sizeBuckets(merged.items)), [merged]);
  return (
    <div className="chart-grid">
      <section className="card" aria-labelledby="stages-chart">
        <h2 id="stages-chart">Stage breakdown (median and p75)</h2>
        <EChart
          option={stageChartOption(report, palette)}
          label="Stacked hours of coding, pickup, review and deploy, for the median and the 75th percentile"
        />
        <p className="muted small">
          Each stage&apos;s own percentile, stacked; they do not add up to a cycle-time percentile.
        </p>
      </section>
      <section className="card" aria-labelledby="stages-over-time">
        <h2 id="stages-over-time">Stage medians per {granularity}</h2>
        <EChart option={stageSeriesOption(report, palette)} label={`Stage medians per ${granularity}`} />
      </section>
      <section className="card" aria-labelledby="throughput">
        <h2 id="throughput">Throughput per {granularity}</h2>
        <EChart
          option={throughputOption(report, palette)}
          label={`Merged pull requests per ${granularity}, reviewed and unreviewed`}
        />
      </section>
      <section className="card" aria-labelledby="sizes">
        <h2 id="sizes">Pull request sizes</h2>
        {sizes === undefined ? (
          <p className="muted">Loading pull requests…</p>
        ) : (
          <>
            <EChart option={sizeOption(sizes.counts, palette)} label="Merged pull requests per size class" />
            <p className="muted small">
              {formatNumber(merged?.items.length ?? 0)} merged pull requests opened in the period
              {merged?.truncated ? ` (the newest ${formatNumber(pullRequestLimit)})` : ''}
              {sizes.unknown > 0 ? `; ${sizes.unknown} without size` : ''}
              {teamFiltered ? '; the team filter does not apply to this chart' : ''}.
            </p>
          </>
        )}
      </section>
    </div>
  );
}
