import type { Filters } from '../../filters/lib/filters.ts';
import type { Period } from '../../filters/lib/resolve-period.ts';

/** The query parameters of GET /metrics/dora for the filters and a period. */
export function doraQuery(filters: Filters, period: Period): Record<string, string | undefined> {
  return {
    from: period.from,
    to: period.to,
    granularity: filters.granularity,
    team: filters.team,
    repository: filters.repository,
    environment: filters.environment,
    benchmark: filters.benchmark,
  };
}
