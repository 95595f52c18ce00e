import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { DoraReport } from '../api/dora-report.ts';
import { fetchDora } from '../api/fetch-dora.ts';

/**
 * The DORA report for a query; the previous answer stays on screen while a new filter loads.
 * `enabled: false` holds the request back (the previous period's report waits for the current one,
 * so the numbers on screen never queue behind it on a single-connection database).
 */
export function useDoraReport(
  query: Record<string, string | undefined>,
  enabled = true,
): UseQueryResult<DoraReport> {
  return useQuery({
    queryKey: ['metrics', 'dora', query],
    queryFn: ({ signal }) => fetchDora(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
