import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchFilterOptions, type FilterOptions } from '../api/fetch-filter-options.ts';

/** The filter menus' choices; `enabled: false` defers them until the page's own numbers are in. */
export function useFilterOptions(enabled = true): UseQueryResult<FilterOptions> {
  return useQuery({
    queryKey: ['filter-options'],
    queryFn: ({ signal }) => fetchFilterOptions(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
