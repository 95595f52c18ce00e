import { Command } from 'commander';
import { openSyncQueue, startWorker } from '@pulse/sync';
import { withRuntime } from '../context.ts';
import type { Io } from '../output.ts';
import { action } from '../program.ts';
import { runnerDeps } from '../sync-deps.ts';
import { FactsRefresher } from '../../facts-refresher.ts';
import { StreamBus } from '../../stream/bus.ts';
import { queueOptions } from './sync.ts';

export function workerCommand(io: Io): Command {
  return new Command('worker')
    .description(
      'Execute queued sync runs and schedule integrations on their interval until stopped (SIGINT/SIGTERM).',
    )
    .option('--concurrency <n>', 'runs executed at once by this process', '2')
    .option('--no-schedule', 'only execute runs; do not queue due integrations')
    .action(
      action(io, async (options: { concurrency: string; schedule: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const queue = await openSyncQueue(rt.db, {
            ...queueOptions(rt),
            onError: (error) => rt.log.warn({ error: error.message }, 'queue error'),
          });
          // Last resort only: every database and queue loop handles its own failures, but a rejection
          // nobody awaited must be logged, not end a server that is otherwise healthy.
          process.on('unhandledRejection', (reason) =>
            rt.log.error(
              { error: reason instanceof Error ? reason.message : String(reason) },
              'unhandled rejection',
            ),
          );
          const facts = new FactsRefresher(rt.db, rt.log);
          // The worker only publishes: API nodes deliver its events to their clients.
          const stream = new StreamBus(rt.db, rt.log);
          facts.onRefreshed((tenantId) =>
            stream.publish(tenantId, 'data', { reason: 'metrics', integrationId: null }),
          );
          const worker = await startWorker(runnerDeps(rt, { facts, stream }), queue, {
            concurrency: Math.min(Math.max(Number(options.concurrency) || 2, 1), 32),
            scheduleEveryMs: options.schedule ? 60_000 : 0,
          });
          io.stderr.write(`Pulse worker running on the ${rt.storage}. Stop with Ctrl-C.\n`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', () => resolve());
            process.once('SIGTERM', () => resolve());
          });
          io.stderr.write('Stopping: running syncs go back to the queue after their current page.\n');
          await worker.stop();
          await facts.idle();
          await stream.flush();
          return 0;
        }),
      ),
    );
}
