import type { QueryClient } from '@tanstack/react-query';
import type { SyncRun } from '../api/sync-run.ts';
import type { StreamMessage } from './stream-message.ts';

/**
 * Puts a stream event into the query cache: a sync run's progress replaces the cached run (so
 * the progress bar moves without a request), and new data marks metrics and lists stale.
 */
export function applyStreamEvent(queryClient: QueryClient, message: StreamMessage): void {
  if (message.type !== 'event') return;
  if (message.topic === 'sync-runs') {
    const { runId, integrationId, state, progress } = message.data;
    queryClient.setQueryData<SyncRun>(['sync-run', runId], (old) => ({
      ...(old ?? { id: runId, integrationId }),
      id: runId,
      integrationId,
      state,
      progress,
    }));
    if (!['queued', 'pending', 'running', 'paused'].includes(state)) {
      // The finished run's summary (failed partitions) comes with GET /sync-runs/:id.
      void queryClient.invalidateQueries({ queryKey: ['sync-run', runId] });
      void queryClient.invalidateQueries({ queryKey: ['sync-runs'] });
    }
    return;
  }
  for (const key of ['metrics', 'list', 'filter-options', 'deployment', 'mappings'])
    void queryClient.invalidateQueries({ queryKey: [key] });
}
