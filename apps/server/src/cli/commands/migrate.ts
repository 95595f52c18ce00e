import { Command } from 'commander';
import { loadMigrations } from '@pulse/db';
import { withRuntime } from '../context.ts';
import { action } from '../program.ts';
import type { Io } from '../output.ts';

export function migrateCommand(io: Io): Command {
  return new Command('migrate')
    .description('Apply pending database migrations (safe to run from several processes at once).')
    .action(
      action(io, async () =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const applied = rt.migrations?.applied ?? [];
          const total = loadMigrations().length;
          io.stdout.write(
            applied.length === 0
              ? `The schema is current (${total} migrations) in the ${rt.storage}.\n`
              : `Applied ${applied.length} migration(s) in the ${rt.storage}: ${applied.join(', ')}.\n`,
          );
          return 0;
        }),
      ),
    );
}
