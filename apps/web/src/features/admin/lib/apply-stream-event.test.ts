import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { SyncRun } from '../api/sync-run.ts';
import { applyStreamEvent } from './apply-stream-event.ts';

describe('applyStreamEvent', () => {
  it('moves a cached run forward with the progress of a sync-runs event', () => {
    const client = new QueryClient();
    client.setQueryData<SyncRun>(['sync-run', 7], {
      id: 7,
      integrationId: 3,
      state: 'queued',
      progress: {},
      summary: { failedPartitions: [] },
    });
    applyStreamEvent(client, {
      type: 'event',
      id: '12',
      topic: 'sync-runs',
      data: {
        runId: 7,
        integrationId: 3,
        state: 'running',
        progress: { partitionsTotal: 4, partitionsDone: 1, records: 90 },
      },
    });
    expect(client.getQueryData(['sync-run', 7])).toEqual({
      id: 7,
      integrationId: 3,
      state: 'running',
      progress: { partitionsTotal: 4, partitionsDone: 1, records: 90 },
      summary: { failedPartitions: [] },
    });
  });

  it('creates the run when the page has not loaded it, and marks it stale once finished', () => {
    const client = new QueryClient();
    applyStreamEvent(client, {
      type: 'event',
      id: '13',
      topic: 'sync-runs',
      data: { runId: 9, integrationId: 3, state: 'succeeded', progress: { records: 5 } },
    });
    expect(client.getQueryData<SyncRun>(['sync-run', 9])?.state).toBe('succeeded');
    expect(client.getQueryState(['sync-run', 9])?.isInvalidated).toBe(true);
  });

  it('marks metrics and lists stale when new data arrives, and leaves other queries alone', () => {
    const client = new QueryClient();
    client.setQueryData(['metrics', 'dora', { from: '2026-01-01' }], { old: true });
    client.setQueryData(['list', '/deployments', {}], { items: [] });
    client.setQueryData(['me'], { role: 'admin' });
    applyStreamEvent(client, {
      type: 'event',
      id: '14',
      topic: 'data',
      data: { reason: 'sync', integrationId: 3 },
    });
    expect(client.getQueryState(['metrics', 'dora', { from: '2026-01-01' }])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['list', '/deployments', {}])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['me'])?.isInvalidated).toBe(false);
  });
});
