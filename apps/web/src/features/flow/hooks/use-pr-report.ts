import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchPrReport } from '../api/fetch-pr-report.ts';
import type { PrReport } from '../api/pr-report.ts';

export function usePrReport(query: Record<string, string | undefined>): UseQueryResult<PrReport> {
  return useQuery({
    queryKey: ['metrics', 'prs', query],
    queryFn: ({ signal }) => fetchPrReport(query, signal),
    placeholderData: keepPreviousData,
  });
}
