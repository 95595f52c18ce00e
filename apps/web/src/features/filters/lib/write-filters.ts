import { defaultFilters, type Filters } from './filters.ts';

/** URL search parameters of `filters`, leaving out defaults so links stay short. */
export function writeFilters(filters: Filters, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  const set = (name: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === fallback) params.delete(name);
    else params.set(name, value);
  };
  if (filters.period === 'custom') {
    params.delete('period');
    set('from', filters.from);
    set('to', filters.to);
  } else {
    set('period', filters.period, defaultFilters.period);
    params.delete('from');
    params.delete('to');
  }
  set('team', filters.team);
  set('repository', filters.repository);
  set('environment', filters.environment);
  set('benchmark', filters.benchmark, defaultFilters.benchmark);
  set('granularity', filters.granularity, defaultFilters.granularity);
  return params;
}
