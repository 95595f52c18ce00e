import { apiFetch } from './api-fetch.ts';
import type { ListPage } from './list-page.ts';
import { toQueryString } from './to-query-string.ts';

/**
 * Items of a list endpoint across pages, up to `max` items; `truncated` says there were more.
 * For client-side views over a period (size distribution, slowest pull requests).
 */
export async function fetchPages<T>(
  path: string,
  query: Readonly<Record<string, string | undefined>>,
  max: number,
  signal?: AbortSignal,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await apiFetch<ListPage<T>>(
      `${path}${toQueryString({ ...query, limit: 200, cursor: cursor ?? undefined })}`,
      { signal },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < max);
  return { items: items.slice(0, max), truncated: cursor !== null || items.length > max };
}
