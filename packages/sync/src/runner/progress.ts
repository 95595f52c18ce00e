/**
 * Progress of a run: stored on the run row (so any process can show it) and published as events
 * (for the CLI's progress bar and the API's WebSocket).
 */
import type { RunProgress, RunState } from '../runs/runs.ts';
import type { PartitionCounts } from './partitions.ts';

export interface ProgressEvent {
  readonly tenantId: string;
  readonly runId: number;
  readonly integrationId: number;
  readonly state: RunState;
  readonly progress: RunProgress;
}

export interface ProgressInput {
  readonly counts: PartitionCounts;
  readonly records: number;
  readonly requests: number;
  readonly rateLimitWaits: number;
  readonly rateLimitWaitMs: number;
  readonly elapsedMs: number;
  readonly stream: string;
}

/** ETA from the share of partitions done so far; unknown until one has finished. */
export function computeProgress(input: ProgressInput): RunProgress {
  const done = input.counts.succeeded + input.counts.failed + input.counts.skipped;
  const remaining = input.counts.total - done;
  const etaSeconds = done === 0 ? null : Math.round(((input.elapsedMs / done) * remaining) / 1000);
  return {
    partitionsTotal: input.counts.total,
    partitionsDone: done,
    partitionsFailed: input.counts.failed,
    records: input.records,
    requests: input.requests,
    rateLimitWaits: input.rateLimitWaits,
    rateLimitWaitMs: input.rateLimitWaitMs,
    etaSeconds,
    stream: input.stream,
  };
}
