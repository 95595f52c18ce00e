import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { integrationsApi } from '../api/integrations-api.ts';
import { activeRunStates, type SyncRun } from '../api/sync-run.ts';
import { useStreamStatus } from './use-stream-status.ts';

/**
 * A sync run, kept current: over the live stream when it is connected (events update the cache),
 * otherwise by polling every second while the run is active.
 */
export function useSyncRun(id: number | null): UseQueryResult<SyncRun> {
  const live = useStreamStatus() === 'live';
  return useQuery({
    queryKey: ['sync-run', id],
    queryFn: ({ signal }) => integrationsApi.run(id!, signal),
    enabled: id !== null,
    refetchInterval: (query) =>
      !live && query.state.data !== undefined && activeRunStates.includes(query.state.data.state)
        ? 1000
        : false,
  });
}
