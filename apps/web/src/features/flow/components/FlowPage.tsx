import { lazy, Suspense } from 'react';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import { formatNumber } from '../../../lib/format/format-number.ts';
import { formatPercent } from '../../../lib/format/format-percent.ts';
import { usePullRequestsInPeriod } from '../../drilldowns/hooks/use-pull-requests-in-period.ts';
import { FilterBar } from '../../filters/components/FilterBar.tsx';
import { useFilters } from '../../filters/hooks/use-filters.ts';
import { resolvePeriod } from '../../filters/lib/resolve-period.ts';
import { stageNames } from '../api/pr-report.ts';
import { usePrReport } from '../hooks/use-pr-report.ts';

const FlowCharts = lazy(() => import('./FlowCharts.tsx'));

/** Pull request flow: stages, throughput, sizes and unreviewed merges. */
export function FlowPage() {
  const [filters] = useFilters();
  const period = resolvePeriod(filters);
  const report = usePrReport({
    ...period,
    granularity: filters.granularity,
    team: filters.team,
    repository: filters.repository,
  });
  const merged = usePullRequestsInPeriod({ state: 'merged', ...period, repository: filters.repository });
  const data = report.data;
  return (
    <>
      <div className="page-head">
        <h1>Delivery flow</h1>
        <p className="muted">
          Pull requests merged from {period.from} to {period.to} (exclusive); bots excluded.
        </p>
      </div>
      <FilterBar show={['team', 'repository', 'granularity']} />
      {report.error !== null && <ErrorBox error={report.error} />}
      {data !== undefined && data.status === 'no_data' && (
        <p className="card no-data-note" role="status">
          Not enough data: no pull request was merged in this period with these filters.
        </p>
      )}
      {data !== undefined && (
        <>
          <section className="stat-row" aria-label="Pull request figures">
            <Stat label="Merged" value={formatNumber(data.merged)} />
            <Stat label="Throughput" value={`${formatNumber(data.throughputPerWeek, 1)} / week`} />
            <Stat
              label="Merged without review"
              value={formatPercent(data.mergedWithoutReview.share)}
              detail={`${formatNumber(data.mergedWithoutReview.count)} pull requests`}
            />
            <Stat
              label="Size (lines changed)"
              value={data.size.median === null ? '—' : `median ${formatNumber(data.size.median)}`}
              detail={data.size.p90 === null ? undefined : `p90 ${formatNumber(data.size.p90)}`}
            />
          </section>
          <section className="card" aria-labelledby="stage-table">
            <h2 id="stage-table">Stages</h2>
            <table>
              <caption className="visually-hidden">Pull request stage durations</caption>
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Median</th>
                  <th scope="col">p75</th>
                  <th scope="col">p90</th>
                  <th scope="col">Pull requests</th>
                </tr>
              </thead>
              <tbody>
                {stageNames.map((name) => {
                  const s = data.stages[name];
                  return (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>{s.sampleSize === 0 ? 'Not enough data' : formatDuration(s.median)}</td>
                      <td>{formatDuration(s.p75)}</td>
                      <td>{formatDuration(s.p90)}</td>
                      <td>{formatNumber(s.sampleSize)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <Suspense fallback={<p className="muted">Loading charts…</p>}>
            <FlowCharts
              report={data}
              merged={merged.data}
              granularity={filters.granularity}
              teamFiltered={filters.team !== undefined}
            />
          </Suspense>
        </>
      )}
    </>
  );
}

function Stat({
  label,
  value,
  detail,
}: {
  readonly label: string;
  readonly value: string;
  readonly detail?: string | undefined;
}) {
  return (
    <div className="card stat">
      <h2>{label}</h2>
      <p className="stat-value">{value}</p>
      {detail !== undefined && <p className="muted">{detail}</p>}
    </div>
  );
}
