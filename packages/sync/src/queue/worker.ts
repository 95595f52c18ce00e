/**
 * A worker process (`pulse worker`, or inside `pulse serve`): executes queued runs and ticks the
 * scheduler. Any number of workers may share one PostgreSQL database.
 */
import { executeRun } from '../runner/execute-run.ts';
import type { RunnerDeps } from '../runner/deps.ts';
import { scheduleDueSyncs } from './scheduler.ts';
import type { SyncQueue } from './sync-queue.ts';

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
  await queue.work(
    async (job) => {
      const run = await executeRun(deps, job.tenantId, job.runId, {
        signal: controller.signal,
        abortAs: 'requeue',
      });
      deps.log.info({ runId: run.id, state: run.state, tenantId: job.tenantId }, 'sync run ended');
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
