import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api/api-fetch.ts';
import type { Me } from '../api/me.ts';

export function useMe(): UseQueryResult<Me> {
  return useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => apiFetch<Me>('/me', { signal }),
    staleTime: 60_000,
  });
}
