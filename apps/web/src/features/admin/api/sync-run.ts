/** A sync run as GET /sync-runs/:id and the stream's `sync-runs` events describe it. */
export type RunState =
  'queued' | 'pending' | 'running' | 'paused' | 'succeeded' | 'partial' | 'failed' | 'cancelled';

/** The label a run state is shown with: partial runs are spelled out, their data is incomplete. */
export function runStateLabel(state: RunState): string {
  return state === 'partial' ? 'succeeded with errors' : state;
}

export interface RunProgress {
  readonly partitionsTotal?: number;
  readonly partitionsDone?: number;
  readonly partitionsFailed?: number;
  readonly records?: number;
  readonly requests?: number;
  readonly rateLimitWaits?: number;
  readonly rateLimitWaitMs?: number;
  readonly etaSeconds?: number | null;
  readonly stream?: string;
}

export interface FailedPartition {
  readonly stream: string;
  readonly partition: string;
  readonly error: unknown;
}

export interface SyncRun {
  readonly id: number;
  readonly integrationId: number;
  readonly state: RunState;
  readonly mode?: string;
  readonly progress: RunProgress;
  readonly summary?: { readonly failedPartitions?: readonly FailedPartition[]; readonly error?: unknown };
  readonly queuedAt?: string;
  readonly startedAt?: string | null;
  readonly finishedAt?: string | null;
}

export const activeRunStates: readonly RunState[] = ['queued', 'pending', 'running', 'paused'];
