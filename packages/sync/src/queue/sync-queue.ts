/**
 * The job queue sync runs travel through: pg-boss, on the same database as the data (embedded
 * PGlite or PostgreSQL), in its own schema `pgboss`. A job carries only a tenant id and a run id;
 * the run's state lives in sync_runs, so a lost or repeated job is harmless: executing a run that
 * is no longer queued or running does nothing, and partition claims keep concurrent workers apart.
 */
import { PgBoss, type Job } from 'pg-boss';
import { sleep, type Db } from '@pulse/db';

export const syncQueueName = 'pulse-sync';

export interface SyncJob {
  readonly tenantId: string;
  readonly runId: number;
}

export interface SyncQueue {
  enqueue(job: SyncJob): Promise<void>;
  /** Handles jobs, `concurrency` at once, until stop(). */
  work(handler: (job: SyncJob) => Promise<void>, options?: { concurrency?: number }): Promise<void>;
  stop(): Promise<void>;
  /** Jobs waiting to be worked; throws when the queue's tables cannot be read (readiness). */
  size(): Promise<number>;
}

export interface SyncQueueOptions {
  /** PostgreSQL: pg-boss gets its own small pool. Without it, pg-boss runs over the Db port (PGlite). */
  readonly connectionString?: string;
  readonly pollingIntervalSeconds?: number;
  readonly onError?: (error: Error) => void;
}

export async function openSyncQueue(db: Db, options: SyncQueueOptions = {}): Promise<SyncQueue> {
  const common = { schema: 'pgboss', schedule: false, supervise: true, migrate: true } as const;
  const boss =
    options.connectionString !== undefined
      ? new PgBoss({ ...common, connectionString: options.connectionString, max: 3 })
      : new PgBoss({ ...common, db: dbAdapter(db) });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  await boss.createQueue(syncQueueName);
  const onError = (error: unknown) =>
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  const lanes: Promise<void>[] = [];
  const stopping = new AbortController();
  const pollMs = (options.pollingIntervalSeconds ?? 2) * 1000;
  return {
    async enqueue(job) {
      // The singleton key keeps one pending job per run however often it is enqueued.
      await boss.send(
        syncQueueName,
        { ...job },
        { singletonKey: `${job.tenantId}:${job.runId}`, retryLimit: 3, expireInSeconds: 12 * 3600 },
      );
    },
    async work(handler, workOptions = {}) {
      for (let i = 0; i < (workOptions.concurrency ?? 1); i += 1)
        lanes.push(workLane(boss, handler, { signal: stopping.signal, pollMs, onError }));
    },
    async size() {
      const queue = await boss.getQueue(syncQueueName);
      if (queue === null) throw new Error(`the queue ${syncQueueName} does not exist`);
      return queue.queuedCount;
    },
    async stop() {
      stopping.abort();
      await Promise.all(lanes);
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * One worker lane: fetch a job, run it, complete or fail it, until stopped. pg-boss's own `work`
 * loop is not used because it does not await `complete`/`fail`: when the database is down at
 * that moment the rejection is unhandled and ends the process. Here every database call of the
 * loop is awaited, failures are reported to `onError`, and the loop backs off and goes on.
 */
async function workLane(
  boss: PgBoss,
  handler: (job: SyncJob) => Promise<void>,
  options: { signal: AbortSignal; pollMs: number; onError: (error: unknown) => void },
): Promise<void> {
  const { signal } = options;
  let backoffMs = options.pollMs;
  while (!signal.aborted) {
    let job: Job<SyncJob> | undefined;
    try {
      [job] = await boss.fetch<SyncJob>(syncQueueName, { batchSize: 1 });
      backoffMs = options.pollMs;
    } catch (error) {
      options.onError(error);
      backoffMs = Math.min(backoffMs * 2, 30_000);
    }
    if (job === undefined) {
      await sleep(backoffMs, signal);
      continue;
    }
    let outcome: { ok: true } | { ok: false; error: unknown };
    try {
      await handler(job.data);
      outcome = { ok: true };
    } catch (error) {
      options.onError(error);
      outcome = { ok: false, error };
    }
    await settleJob(boss, job.id, outcome, options);
  }
}

/** Completes or fails a job, retrying while the database is unreachable (until stopped). */
async function settleJob(
  boss: PgBoss,
  id: string,
  outcome: { ok: true } | { ok: false; error: unknown },
  options: { signal: AbortSignal; onError: (error: unknown) => void },
): Promise<void> {
  for (let delayMs = 200; ; delayMs = Math.min(delayMs * 2, 10_000)) {
    try {
      if (outcome.ok) await boss.complete(syncQueueName, id);
      else
        await boss.fail(syncQueueName, id, {
          message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
        });
      return;
    } catch (error) {
      options.onError(error);
      // Left active, the job expires and is retried by pg-boss; the run's own state makes a
      // repeated job harmless.
      if (options.signal.aborted) return;
    }
    await sleep(delayMs, options.signal);
  }
}

/**
 * pg-boss's database port is one executeSql method. Its migrations send multi-statement scripts
 * without parameters, which the extended protocol rejects: those go through exec.
 */
function dbAdapter(db: Db) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values !== undefined && values.length > 0) return db.query(text, values);
      try {
        return await db.query(text);
      } catch (error) {
        if ((error as { code?: string }).code !== '42601') throw error;
        await db.exec(text);
        return { rows: [], rowCount: 0 };
      }
    },
  };
}
