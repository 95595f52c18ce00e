import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchPages } from '../../../lib/api/fetch-pages.ts';
import type { PullRequest } from '../api/pull-request.ts';

/** At most this many pull requests are read for client-side views (sizes, slowest, largest). */
export const pullRequestLimit = 1000;

/**
 * Pull requests of a state opened in a period (the listing filters by creation time), newest
 * first, up to `pullRequestLimit`; `truncated` says there were more.
 */
export function usePullRequestsInPeriod(query: {
  readonly state: 'open' | 'merged';
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly repository: string | undefined;
}): UseQueryResult<{ items: PullRequest[]; truncated: boolean }> {
  return useQuery({
    queryKey: ['list', 'pull-requests-in-period', query],
    queryFn: ({ signal }) => fetchPages<PullRequest>('/pull-requests', query, pullRequestLimit, signal),
  });
}
