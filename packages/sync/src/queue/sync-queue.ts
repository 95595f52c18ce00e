/**
 * The job queue sync runs travel through: pg-boss, on the same database as the data (embedded
 * PGlite or PostgreSQL), in its own schema `pgboss`. A job carries only a tenant id and a run id;
 * the run's state lives in sync_runs, so a lost or repeated job is harmless: executing a run that
 * is no longer queued or running does nothing, and partition claims keep concurrent workers apart.
 */
import { PgBoss } from 'pg-boss';
import type { Db } from '@pulse/db';

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
  const workers: string[] = [];
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
        workers.push(
          await boss.work<SyncJob>(
            syncQueueName,
            { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
            async (jobs) => {
              for (const job of jobs) await handler(job.data);
            },
          ),
        );
    },
    async size() {
      const queue = await boss.getQueue(syncQueueName);
      if (queue === null) throw new Error(`the queue ${syncQueueName} does not exist`);
      return queue.queuedCount;
    },
    async stop() {
      for (const id of workers) await boss.offWork(id);
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
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
