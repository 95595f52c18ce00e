import { Command } from 'commander';
import { PulseError } from '@pulse/core';
import { withTenant } from '@pulse/db';
import { executeRun, getIntegration, openSyncQueue, requestSync, type SyncRun } from '@pulse/sync';
import { cliActor, withRuntime } from '../context.ts';
import type { Io } from '../output.ts';
import { action } from '../program.ts';
import { progressBar, formatProgress } from '../progress-bar.ts';
import type { Runtime } from '../../runtime.ts';
import { runnerDeps } from '../sync-deps.ts';
import { resolveTenant } from '../tenant-option.ts';

interface SyncOptions {
  full?: boolean;
  enqueue?: boolean;
  tenant?: string;
  json?: boolean;
}

export function syncCommand(io: Io): Command {
  return new Command('sync')
    .description(
      'Sync an integration now, with a progress bar. Ctrl-C pauses after the current page; resume with: pulse runs resume ID',
    )
    .argument('<integration>', 'name or id')
    .option('--full', 'read everything again instead of only what changed since the last sync')
    .option('--enqueue', 'only queue the run for `pulse worker` processes (PostgreSQL)')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print the finished run as JSON')
    .action(
      action(io, async (name: string, options: SyncOptions) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const integration = await withTenant(rt.db, tenant.id, (tx) => getIntegration(tx, name));
          const { run, created } = await requestSync(rt.db, tenant.id, integration.id, {
            mode: options.full ? 'full' : 'incremental',
            requestedBy: cliActor(io),
          });
          if (!created)
            io.stderr.write(`Run ${run.id} of ${integration.name} is already ${run.state}; joining it.\n`);
          if (options.enqueue) {
            const queue = await openSyncQueue(rt.db, queueOptions(rt));
            await queue.enqueue({ tenantId: tenant.id, runId: run.id });
            await queue.stop();
            io.stdout.write(`Queued run ${run.id} of ${integration.name}; a pulse worker will execute it.\n`);
            return 0;
          }
          return runInline(io, rt, tenant.id, run.id, options.json === true);
        }),
      ),
    );
}

/** Executes a run in this process with a progress bar; Ctrl-C pauses it. */
export async function runInline(
  io: Io,
  rt: Runtime,
  tenantId: string,
  runId: number,
  json: boolean,
): Promise<number> {
  const bar = progressBar(io.stderr as { write(text: string): unknown; isTTY?: boolean });
  const controller = new AbortController();
  const onSigint = () => {
    io.stderr.write('\nPausing after the current page…\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  let run: SyncRun;
  try {
    run = await executeRun(runnerDeps(rt, { onProgress: (e) => bar.update(e.progress) }), tenantId, runId, {
      signal: controller.signal,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    bar.done();
  }
  if (json) io.stdout.write(JSON.stringify(run) + '\n');
  else io.stdout.write(describeRun(run));
  return run.state === 'succeeded' ? 0 : 1;
}

/** `partial` spelled out: the run ended, but some of its partitions failed and their data is missing. */
export function describeState(state: SyncRun['state']): string {
  return state === 'partial' ? 'partial (succeeded with errors)' : state;
}

export function describeRun(run: SyncRun): string {
  const lines = [`Run ${run.id} ${describeState(run.state)}: ${formatProgress(run.progress)}`];
  const cleaned = Number(run.summary.cleanedRecords ?? 0);
  if (cleaned > 0)
    lines.push(
      `  ${cleaned} record(s) had characters that cannot be stored (U+0000, lone surrogates) removed`,
    );
  const failures = (run.summary.failedPartitions ?? []) as {
    stream: string;
    partition: string;
    error: { code?: string; message?: string };
  }[];
  for (const f of failures.slice(0, 20))
    lines.push(
      `  failed ${f.stream}${f.partition ? ` ${f.partition}` : ''}: ${f.error?.code ?? ''} ${f.error?.message ?? ''}`.trimEnd(),
    );
  if (run.state === 'paused') lines.push(`Resume with: pulse runs resume ${run.id}`);
  return lines.join('\n') + '\n';
}

export function queueOptions(rt: Runtime) {
  return rt.config.DATABASE_URL === undefined ? {} : { connectionString: rt.config.DATABASE_URL };
}

/** '15m', '1h', '2d', '90s' or plain seconds, from 1 minute to `maxDays`. */
export function parseDuration(value: string, flag: string, maxDays = 30): number {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(value.trim());
  const seconds =
    match === null ? NaN : Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's'];
  if (!Number.isSafeInteger(seconds) || seconds < 60 || seconds > maxDays * 86400)
    throw new PulseError('VALIDATION_FAILED', {
      message: `${flag} must be a duration from 1m to ${maxDays}d, not "${value}".`,
      hint: `For example: ${flag} 15m, ${flag} 1h or ${flag} 1d`,
    });
  return seconds;
}
