import { Command } from 'commander';
import { buildApp } from '../../app.ts';
import { FactsRefresher } from '../../facts-refresher.ts';
import { loadConfig } from '../../config/load-config.ts';
import { openRuntime } from '../../runtime.ts';
import { action } from '../program.ts';
import type { Io } from '../output.ts';
import { httpFactory, openSyncQueue, startWorker, type Worker } from '@pulse/sync';
import { loadDemoAtStart } from './demo.ts';
import { queueOptions } from './sync.ts';
import { knownConnectors, runnerDeps } from '../sync-deps.ts';
import { StreamBus } from '../../stream/bus.ts';

export function serveCommand(io: Io): Command {
  return new Command('serve')
    .description(
      'Start the Pulse server: applies migrations, then serves the API and health checks (/healthz, /readyz).',
    )
    .option('--port <port>', 'TCP port (overrides PORT, default 3000)')
    .option('--host <address>', 'address to bind (overrides HOST, default 127.0.0.1)')
    .option('--demo', 'load the demo organisation into tenant "demo" first, unless it is loaded already')
    .option('--no-worker', 'do not execute sync runs in this process (run `pulse worker` processes instead)')
    .action(
      action(io, async (options: { port?: string; host?: string; demo?: boolean; worker: boolean }) => {
        const config = loadConfig({
          ...io.env,
          ...(options.port === undefined ? {} : { PORT: options.port }),
          ...(options.host === undefined ? {} : { HOST: options.host }),
        });
        const runtime = await openRuntime(config, { migrate: true });
        if (options.demo) {
          try {
            await loadDemoAtStart(runtime.db, io);
          } catch (error) {
            await runtime.close();
            throw error;
          }
        }
        // The API queues runs (sync now, resume) even when this process executes none of them.
        const queue = await openSyncQueue(runtime.db, {
          ...queueOptions(runtime),
          onError: (error) => runtime.log.warn({ error: error.message }, 'queue error'),
        });
        // Last resort only: every database and queue loop handles its own failures, but a rejection
        // nobody awaited must be logged, not end a server that is otherwise healthy.
        process.on('unhandledRejection', (reason) =>
          runtime.log.error(
            { error: reason instanceof Error ? reason.message : String(reason) },
            'unhandled rejection',
          ),
        );
        const facts = new FactsRefresher(runtime.db, runtime.log);
        // One bus for the API's stream and this process's sync runs (the app stops it on close).
        const stream = new StreamBus(runtime.db, runtime.log);
        const app = await buildApp({
          db: runtime.db,
          log: runtime.log,
          keyring: runtime.keys.keyring,
          sync: {
            queue,
            registry: knownConnectors(config),
            createHttp: httpFactory(runtime.log, runtime.egress),
          },
          facts,
          stream,
          http: {
            corsOrigins: config.PULSE_CORS_ORIGINS,
            contentSecurityPolicy: config.PULSE_CONTENT_SECURITY_POLICY,
            hstsSeconds: config.PULSE_HSTS_SECONDS,
            trustProxy: config.PULSE_TRUST_PROXY,
            loginAttemptsPerMinute: config.PULSE_LOGIN_ATTEMPTS_PER_MINUTE,
          },
          limits: {
            maxRangeDays: config.PULSE_API_MAX_RANGE_DAYS,
            reportTimeoutMs: config.PULSE_REPORT_TIMEOUT_SECONDS * 1000,
          },
          rateLimits: {
            perMinute: config.PULSE_RATE_LIMIT_PER_MINUTE,
            anonymousPerMinute: config.PULSE_RATE_LIMIT_ANONYMOUS_PER_MINUTE,
            ...(config.PULSE_RATE_LIMIT_STORE === 'auto' ? {} : { store: config.PULSE_RATE_LIMIT_STORE }),
          },
          reportSlots: {
            perTenant: config.PULSE_REPORT_CONCURRENCY,
            queue: config.PULSE_REPORT_QUEUE,
            waitMs: config.PULSE_REPORT_WAIT_MS,
          },
        });
        let worker: Worker | undefined;
        let stopping = false;
        const stop = async (signal: string) => {
          if (stopping) return;
          stopping = true;
          runtime.log.info({ signal }, 'shutting down');
          // Stopping the worker stops the queue it works.
          await (worker === undefined ? queue.stop() : worker.stop());
          await app.close();
          await runtime.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop('SIGINT'));
        process.once('SIGTERM', () => void stop('SIGTERM'));
        try {
          await app.listen({ port: config.PORT, host: config.HOST });
        } catch (error) {
          await queue.stop();
          await runtime.close();
          throw error;
        }
        if (options.worker) {
          // Syncs run in the server process too, so one process is a whole installation.
          worker = await startWorker(runnerDeps(runtime, { facts, stream }), queue, { concurrency: 1 });
        }
        const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
        const address = app.server.address();
        const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
        io.stdout.write(
          `Pulse is running at http://${host}:${port} (${runtime.storage}). Press Ctrl+C to stop.\n`,
        );
        return 0;
      }),
    );
}
