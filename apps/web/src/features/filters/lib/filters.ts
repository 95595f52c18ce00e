/** The dashboard filters, as they appear in the URL (so any view can be shared as a link). */
export const periodPresets = ['30d', '90d', '180d', '365d'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export const benchmarkYears = ['2024', '2023', '2021'] as const;
export type BenchmarkYear = (typeof benchmarkYears)[number];
export const granularities = ['day', 'week', 'month'] as const;
export type Granularity = (typeof granularities)[number];

export interface Filters {
  /** A preset, or 'custom' with from/to. */
  readonly period: PeriodPreset | 'custom';
  /** YYYY-MM-DD, only with period 'custom'. */
  readonly from: string | undefined;
  /** YYYY-MM-DD, exclusive, only with period 'custom'. */
  readonly to: string | undefined;
  readonly team: string | undefined;
  readonly repository: string | undefined;
  readonly environment: string | undefined;
  readonly benchmark: BenchmarkYear;
  readonly granularity: Granularity;
}

export const defaultFilters: Filters = {
  period: '90d',
  from: undefined,
  to: undefined,
  team: undefined,
  repository: undefined,
  environment: undefined,
  benchmark: '2024',
  granularity: 'week',
};
