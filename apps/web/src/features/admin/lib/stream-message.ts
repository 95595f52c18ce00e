import type { RunProgress, RunState } from '../api/sync-run.ts';

/** Messages of WebSocket /api/v1/stream (apps/server/src/stream/socket.ts). */
export type StreamMessage =
  | { readonly type: 'ready'; readonly lastEventId: string | null; readonly resumed: boolean }
  | { readonly type: 'event'; readonly id: string; readonly topic: 'sync-runs'; readonly data: SyncRunEvent }
  | { readonly type: 'event'; readonly id: string; readonly topic: 'data'; readonly data: DataEvent }
  | { readonly type: 'error'; readonly error: { code: string; message: string; hint?: string } };

export interface SyncRunEvent {
  readonly runId: number;
  readonly integrationId: number;
  readonly state: RunState;
  readonly progress: RunProgress;
}

export interface DataEvent {
  /** push, sync, metrics, teams…: why the data changed. */
  readonly reason: string;
  readonly integrationId: number | null;
}
