import { Command } from 'commander';
import { withTenant } from '@pulse/db';
import { controlRun, getIntegration, listRuns, type RunCommand } from '@pulse/sync';
import { withRuntime } from '../context.ts';
import { printTable, type Io } from '../output.ts';
import { action } from '../program.ts';
import { formatProgress } from '../progress-bar.ts';
import { resolveTenant } from '../tenant-option.ts';
import { describeRun, describeState, runInline } from './sync.ts';

export function runsCommand(io: Io): Command {
  const command = new Command('runs').description('Sync runs: list them, pause, resume or cancel one.');
  command
    .command('list')
    .description('Recent sync runs, newest first.')
    .option('--integration <name>', 'only the runs of this integration')
    .option('--limit <n>', 'how many', '20')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print JSON')
    .action(
      action(io, async (options: { integration?: string; limit: string; tenant?: string; json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const integrationId =
            options.integration === undefined
              ? undefined
              : (await withTenant(rt.db, tenant.id, (tx) => getIntegration(tx, options.integration!))).id;
          const runs = await listRuns(rt.db, tenant.id, {
            ...(integrationId === undefined ? {} : { integrationId }),
            limit: Math.min(Math.max(Number(options.limit) || 20, 1), 500),
          });
          if (options.json) io.stdout.write(JSON.stringify(runs) + '\n');
          else
            printTable(
              io,
              ['RUN', 'INTEGRATION', 'STATE', 'MODE', 'QUEUED', 'PROGRESS'],
              runs.map((r) => [
                String(r.id),
                String(r.integrationId),
                describeState(r.state),
                r.mode,
                r.queuedAt.toISOString(),
                formatProgress(r.progress),
              ]),
            );
          return 0;
        }),
      ),
    );
  for (const verb of ['pause', 'resume', 'cancel'] as const) command.addCommand(controlCommand(io, verb));
  return command;
}

function controlCommand(io: Io, verb: RunCommand): Command {
  const what = {
    pause: 'Pause a queued or running run (after its current page).',
    resume: 'Resume a paused run, here with a progress bar.',
    cancel: 'Cancel a queued, running or paused run.',
  };
  return new Command(verb)
    .description(what[verb])
    .argument('<run>', 'run id (see: pulse runs list)')
    .option('--enqueue', 'resume: only queue the run for `pulse worker` processes')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .action(
      action(io, async (id: string, options: { tenant?: string; enqueue?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const { run } = await controlRun(rt.db, tenant.id, Number(id), verb);
          if (verb === 'resume' && !options.enqueue) return runInline(io, rt, tenant.id, run.id, false);
          io.stdout.write(describeRun(run));
          return 0;
        }),
      ),
    );
}
