import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { FilterBar } from '../../filters/components/FilterBar.tsx';
import { useFilters } from '../../filters/hooks/use-filters.ts';
import { previousPeriod } from '../../filters/lib/previous-period.ts';
import { resolvePeriod } from '../../filters/lib/resolve-period.ts';
import { doraQuery } from '../api/dora-query.ts';
import { useDoraReport } from '../hooks/use-dora-report.ts';
import { doraCards } from '../lib/dora-cards.ts';
import { DoraCard } from './DoraCard.tsx';

const DoraSeriesCharts = lazy(() => import('./DoraSeriesCharts.tsx'));

/** The five DORA metrics with bands, trends and the change against the previous period. */
export function DoraOverviewPage() {
  const [filters] = useFilters();
  const location = useLocation();
  const period = resolvePeriod(filters);
  // Plain objects: TanStack Query keys compare by value, so no memoisation is needed.
  const query = doraQuery(filters, period);
  const previousQuery = { ...query, ...previousPeriod(period) };
  const current = useDoraReport(query);
  const previous = useDoraReport(previousQuery, current.data !== undefined);
  const cards = useMemo(
    () => (current.data === undefined ? undefined : doraCards(current.data, previous.data)),
    [current.data, previous.data],
  );
  const ready = cards !== undefined && !current.isPlaceholderData;

  useEffect(() => {
    // Time-to-interactive of the overview, read by the browser tests (docs/benchmarks.md).
    if (ready) performance.mark('pulse:dora-cards');
  }, [ready]);

  return (
    <>
      <div className="page-head">
        <h1>DORA overview</h1>
        <p className="muted">
          {period.from} to {period.to} (exclusive), {filters.environment ?? 'production'} deployments
        </p>
      </div>
      <FilterBar
        show={['team', 'repository', 'environment', 'granularity', 'benchmark']}
        loadOptions={ready}
      />
      {current.error !== null && <ErrorBox error={current.error} />}
      <section
        className="metric-cards"
        aria-label="DORA metrics"
        aria-busy={!ready}
        data-state={ready ? 'ready' : 'loading'}
        data-query={new URLSearchParams(
          Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
        ).toString()}
      >
        {cards === undefined
          ? Array.from({ length: 5 }, (_, i) => <div key={i} className="card metric-card skeleton" />)
          : cards.map((card) => (
              <DoraCard key={card.key} card={card} benchmark={filters.benchmark} search={location.search} />
            ))}
      </section>
      <h2 className="section-title">Over time</h2>
      {current.data !== undefined && (
        <Suspense fallback={<p className="muted">Loading charts…</p>}>
          <DoraSeriesCharts buckets={current.data.series} />
        </Suspense>
      )}
    </>
  );
}
