import type { SyncRun } from '../api/sync-run.ts';

/**
 * How far a run is, 0–100, from its partitions (done and failed ones both count as handled);
 * null while the total is not known yet. A succeeded run is 100.
 */
export function runPercent(run: Pick<SyncRun, 'state' | 'progress'>): number | null {
  if (run.state === 'succeeded') return 100;
  const total = run.progress.partitionsTotal ?? 0;
  if (total === 0) return null;
  const handled = (run.progress.partitionsDone ?? 0) + (run.progress.partitionsFailed ?? 0);
  return Math.min(100, Math.round((handled / total) * 100));
}
