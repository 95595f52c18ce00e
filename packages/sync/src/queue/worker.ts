/**
 * A worker process (`pulse worker`, or inside `pulse serve`): executes queued runs and ticks the
 * scheduler. Any number of workers may share one PostgreSQL database.
 */
import { isConnectionLost, waitUntilReachable } from '@pulse/db';
import { executeRun } from '../runner/execute-run.ts';
import type { RunnerDeps } from '../runner/deps.ts';
import { scheduleDueSyncs } from './scheduler.ts';
import type { SyncJob, SyncQueue } from './sync-queue.ts';

export interface WorkerOptions {
  /** Runs executed at once by this process. */
  readonly concurrency?: number;
  /** How often the scheduler looks for due integrations (ms); 0 disables it. */
  readonly scheduleEveryMs?: number;
}

export interface Worker {
  stop(): Promise<void>;
}

export async function startWorker(
  deps: RunnerDeps,
  queue: SyncQueue,
  options: WorkerOptions = {},
): Promise<Worker> {
  const controller = new AbortController();
  // A run executes once per process at a time: a repeated job (the scheduler re-enqueues a run
  // that looks stale) must not start a second execution beside the first.
  const executing = new Set<string>();
  await queue.work(
    async (job) => {
      const key = `${job.tenantId}:${job.runId}`;
      if (executing.has(key)) return;
      executing.add(key);
      try {
        const run = await executeUntilDone(deps, job, controller.signal);
        if (run !== undefined)
          deps.log.info({ runId: run.id, state: run.state, tenantId: job.tenantId }, 'sync run ended');
      } finally {
        executing.delete(key);
      }
    },
    { concurrency: options.concurrency ?? 2 },
  );
  const every = options.scheduleEveryMs ?? 60_000;
  let ticking: Promise<unknown> = Promise.resolve();
  const tick = () => {
    ticking = scheduleDueSyncs(deps.db, queue).catch((error: unknown) =>
      deps.log.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'scheduler tick failed',
      ),
    );
  };
  const timer = every > 0 ? setInterval(tick, every) : undefined;
  if (every > 0) tick();
  return {
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      // Running runs stop after their current page and go back to the queue for the next worker.
      controller.abort();
      await ticking;
      await queue.stop();
    },
  };
}

/**
 * Executes a run; when the database connection is lost on the way (a restart, an upgrade), waits
 * until it answers again and resumes the run from its stored checkpoints, in this worker, so the
 * run neither fails nor stays 'running' with nobody on it. Other errors go to the queue.
 */
async function executeUntilDone(deps: RunnerDeps, job: SyncJob, signal: AbortSignal) {
  for (;;) {
    try {
      return await executeRun(deps, job.tenantId, job.runId, { signal, abortAs: 'requeue' });
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      deps.log.warn(
        { runId: job.runId, tenantId: job.tenantId, error: (error as Error).message },
        'database connection lost during a sync run; resuming once it answers',
      );
      if (!(await waitUntilReachable(() => deps.db.query('select 1'), { signal }))) return undefined;
    }
  }
}
