import { apiFetch } from '../../../lib/api/api-fetch.ts';
import { toQueryString } from '../../../lib/api/to-query-string.ts';
import type { DoraReport } from './dora-report.ts';

export function fetchDora(
  query: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<DoraReport> {
  return apiFetch<DoraReport>(`/metrics/dora${toQueryString(query)}`, { signal });
}
