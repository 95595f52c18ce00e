import { useId } from 'react';
import { useFilterOptions } from '../hooks/use-filter-options.ts';
import { useFilters } from '../hooks/use-filters.ts';
import { benchmarkYears, granularities, periodPresets, type Filters } from '../lib/filters.ts';
import { resolvePeriod } from '../lib/resolve-period.ts';

const periodLabels: Record<Filters['period'], string> = {
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '180d': 'Last 180 days',
  '365d': 'Last 365 days',
  custom: 'Custom',
};

export interface FilterBarProps {
  /** Which filters the page uses. */
  readonly show: readonly ('team' | 'repository' | 'environment' | 'benchmark' | 'granularity')[];
  /** False until the page's main numbers are in: the menus' choices load after them. */
  readonly loadOptions?: boolean;
}

/** Team / repository / environment / period filters; every change goes into the URL. */
export function FilterBar({ show, loadOptions = true }: FilterBarProps) {
  const [filters, setFilters] = useFilters();
  const options = useFilterOptions(loadOptions);
  const id = useId();
  const period = resolvePeriod(filters);
  const has = (name: FilterBarProps['show'][number]) => show.includes(name);
  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <div className="filter">
        <label htmlFor={`${id}-period`}>Period</label>
        <select
          id={`${id}-period`}
          name="period"
          value={filters.period}
          onChange={(e) => {
            const value = e.target.value as Filters['period'];
            if (value === 'custom') setFilters({ period: 'custom', ...period });
            else setFilters({ period: value, from: undefined, to: undefined });
          }}
        >
          {[...periodPresets, 'custom' as const].map((p) => (
            <option key={p} value={p}>
              {periodLabels[p]}
            </option>
          ))}
        </select>
      </div>
      {filters.period === 'custom' && (
        <>
          <div className="filter">
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              type="date"
              name="from"
              value={period.from}
              max={period.to}
              onChange={(e) => e.target.value && setFilters({ period: 'custom', from: e.target.value })}
            />
          </div>
          <div className="filter">
            <label htmlFor={`${id}-to`}>To (exclusive)</label>
            <input
              id={`${id}-to`}
              type="date"
              name="to"
              value={period.to}
              min={period.from}
              onChange={(e) => e.target.value && setFilters({ period: 'custom', to: e.target.value })}
            />
          </div>
        </>
      )}
      {has('team') && (
        <div className="filter">
          <label htmlFor={`${id}-team`}>Team</label>
          <select
            id={`${id}-team`}
            name="team"
            value={filters.team ?? ''}
            disabled={options.data?.teamsAvailable === false}
            title={
              options.data?.teamsAvailable === false ? 'This server does not list teams yet.' : undefined
            }
            onChange={(e) => setFilters({ team: e.target.value || undefined })}
          >
            <option value="">All teams</option>
            {options.data?.teams.map((t) => (
              <option key={t.id} value={t.externalId}>
                {t.name}
              </option>
            ))}
            {filters.team !== undefined &&
              !options.data?.teams.some((t) => t.externalId === filters.team) && (
                <option value={filters.team}>{filters.team}</option>
              )}
          </select>
        </div>
      )}
      {has('repository') && (
        <div className="filter">
          <label htmlFor={`${id}-repository`}>Repository</label>
          <select
            id={`${id}-repository`}
            name="repository"
            value={filters.repository ?? ''}
            onChange={(e) => setFilters({ repository: e.target.value || undefined })}
          >
            <option value="">All repositories</option>
            {options.data?.repositories.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
            {filters.repository !== undefined && !options.data?.repositories.includes(filters.repository) && (
              <option value={filters.repository}>{filters.repository}</option>
            )}
          </select>
        </div>
      )}
      {has('environment') && (
        <div className="filter">
          <label htmlFor={`${id}-environment`}>Environment</label>
          <select
            id={`${id}-environment`}
            name="environment"
            value={filters.environment ?? ''}
            onChange={(e) => setFilters({ environment: e.target.value || undefined })}
          >
            <option value="">Production</option>
            {options.data?.environments.map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
            {filters.environment !== undefined &&
              !options.data?.environments.includes(filters.environment) && (
                <option value={filters.environment}>{filters.environment}</option>
              )}
          </select>
        </div>
      )}
      {has('granularity') && (
        <div className="filter">
          <label htmlFor={`${id}-granularity`}>Series by</label>
          <select
            id={`${id}-granularity`}
            name="granularity"
            value={filters.granularity}
            onChange={(e) => setFilters({ granularity: e.target.value as Filters['granularity'] })}
          >
            {granularities.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
      )}
      {has('benchmark') && (
        <div className="filter">
          <label htmlFor={`${id}-benchmark`}>Benchmark</label>
          <select
            id={`${id}-benchmark`}
            name="benchmark"
            value={filters.benchmark}
            onChange={(e) => setFilters({ benchmark: e.target.value as Filters['benchmark'] })}
          >
            {benchmarkYears.map((y) => (
              <option key={y} value={y}>
                DORA {y}
              </option>
            ))}
          </select>
        </div>
      )}
    </form>
  );
}
