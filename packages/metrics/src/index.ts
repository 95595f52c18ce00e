export { refreshFacts, type RefreshOptions, type RefreshResult } from './facts/refresh.ts';
export { defaultFactOptions, factOptions, type FactOptions } from './options.ts';
export { doraSummary, type DoraQuery, type DoraReport, type DoraBucket } from './dora/summary.ts';
export { prSummary, type PrQuery, type PrReport, type StageFigures } from './prs/summary.ts';
export { prSql } from './prs/sql.ts';
export { granularities, parseInstant, validatePeriod, type Granularity } from './period.ts';
export { resolveScope, type ScopeIds, type ScopeNames } from './scope.ts';
export { reportQuery, type ReportInput, type ReportQuery } from './report-query.ts';
export { doraSql } from './dora/sql.ts';
export { leadTimeFigures, type LeadTimeFigures } from './dora/lead-time.ts';
export {
  bands,
  benchmarkYears,
  bandByBounds,
  cadenceOf,
  isBenchmarkYear,
  type Band,
  type BenchmarkYear,
  type Cadence,
} from './dora/bands.ts';
