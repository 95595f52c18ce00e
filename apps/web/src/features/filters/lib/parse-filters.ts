import {
  benchmarkYears,
  defaultFilters,
  granularities,
  periodPresets,
  type Filters,
  type PeriodPreset,
} from './filters.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed.slice(0, 300);
}

/**
 * Filters from URL search parameters. Unknown or malformed values fall back to the defaults, so a
 * hand-edited or outdated link still opens a sensible view.
 */
export function parseFilters(params: URLSearchParams): Filters {
  const from = params.get('from');
  const to = params.get('to');
  const custom = from !== null && to !== null && isoDate.test(from) && isoDate.test(to) && from < to;
  const period = params.get('period');
  return {
    period: custom ? 'custom' : oneOf<PeriodPreset>(periodPresets, period, '90d'),
    from: custom ? from : undefined,
    to: custom ? to : undefined,
    team: text(params.get('team')),
    repository: text(params.get('repository')),
    environment: text(params.get('environment')),
    benchmark: oneOf(benchmarkYears, params.get('benchmark'), defaultFilters.benchmark),
    granularity: oneOf(granularities, params.get('granularity'), defaultFilters.granularity),
  };
}
