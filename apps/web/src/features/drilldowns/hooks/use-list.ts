import { useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api/api-fetch.ts';
import type { ListPage } from '../../../lib/api/list-page.ts';
import { toQueryString } from '../../../lib/api/to-query-string.ts';

/** A list endpoint page by page ("Load more" fetches the next cursor). */
export function useList<T>(path: string, query: Readonly<Record<string, string | undefined>>) {
  return useInfiniteQuery({
    queryKey: ['list', path, query],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ListPage<T>>(`${path}${toQueryString({ ...query, cursor: pageParam ?? undefined })}`, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
