import { apiFetch } from '../../../lib/api/api-fetch.ts';
import { toQueryString } from '../../../lib/api/to-query-string.ts';
import type { PrReport } from './pr-report.ts';

export function fetchPrReport(
  query: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<PrReport> {
  return apiFetch<PrReport>(`/metrics/prs${toQueryString(query)}`, { signal });
}
