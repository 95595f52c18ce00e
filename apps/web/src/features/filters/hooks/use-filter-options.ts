import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchFilterOptions, type FilterOptions } from '../api/fetch-filter-options.ts';

export function useFilterOptions(): UseQueryResult<FilterOptions> {
  return useQuery({
    queryKey: ['filter-options'],
    queryFn: ({ signal }) => fetchFilterOptions(signal),
    staleTime: 5 * 60_000,
  });
}
