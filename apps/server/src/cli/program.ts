/**
 * The `pulse` command tree. Each command lives in commands/<name>.ts and returns its exit code;
 * `action` turns thrown PulseErrors into one-paragraph messages and exit codes (output.ts).
 */
import { Command, type CommanderError } from 'commander';
import { adminCommand } from './commands/admin.ts';
import { demoCommand } from './commands/demo.ts';
import { doctorCommand } from './commands/doctor.ts';
import { metricsCommand } from './commands/metrics.ts';
import { migrateCommand } from './commands/migrate.ts';
import { secretsCommand } from './commands/secrets.ts';
import { serveCommand } from './commands/serve.ts';
import { integrationsCommand } from './commands/integrations.ts';
import { syncCommand } from './commands/sync.ts';
import { runsCommand } from './commands/runs.ts';
import { workerCommand } from './commands/worker.ts';
import { reprocessCommand } from './commands/reprocess.ts';
import { importCommand } from './commands/import.ts';
import { exportCommand } from './commands/export.ts';
import { peopleCommand } from './commands/people.ts';
import { exitCodes, reportError, type Io } from './output.ts';

/** Wraps a command body: sets process.exitCode from its result or its error. */
export function action<A extends unknown[]>(io: Io, body: (...args: A) => Promise<number>) {
  return async (...args: A): Promise<void> => {
    try {
      process.exitCode = await body(...args);
    } catch (error) {
      process.exitCode = reportError(io, error);
    }
  };
}

export function buildProgram(io: Io): Command {
  const program = new Command('pulse').description(
    'Pulse: engineering intelligence on your own PostgreSQL. Settings come from environment variables (docs/configuration.md).',
  );
  program.version('0.1.0', '--version');
  program.addCommand(serveCommand(io));
  program.addCommand(migrateCommand(io));
  program.addCommand(doctorCommand(io));
  program.addCommand(adminCommand(io));
  program.addCommand(secretsCommand(io));
  program.addCommand(demoCommand(io));
  program.addCommand(metricsCommand(io));
  program.addCommand(integrationsCommand(io));
  program.addCommand(syncCommand(io));
  program.addCommand(runsCommand(io));
  program.addCommand(workerCommand(io));
  program.addCommand(reprocessCommand(io));
  for (const command of [importCommand, exportCommand, peopleCommand]) program.addCommand(command(io));
  forEachCommand(program, (command) =>
    command
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
      })
      .showHelpAfterError('(run with --help for usage)')
      .exitOverride(exitWithUsageCode),
  );
  return program;
}

/** Usage errors are start-up errors (exit 2); --help and --version exit 0. */
function exitWithUsageCode(error: CommanderError): never {
  const ok =
    error.code === 'commander.helpDisplayed' ||
    error.code === 'commander.version' ||
    error.code === 'commander.help';
  process.exit(ok ? exitCodes.ok : exitCodes.startup);
}

/** Settings given to a command reach subcommands made with .command(), not ones added later. */
function forEachCommand(command: Command, fn: (command: Command) => void): void {
  fn(command);
  for (const sub of command.commands) forEachCommand(sub, fn);
}
