import { Command } from 'commander';
import { reprocess } from '@pulse/sync';
import { withRuntime } from '../context.ts';
import { printTable, type Io } from '../output.ts';
import { action } from '../program.ts';
import { knownConnectors } from '../sync-deps.ts';
import { resolveTenant } from '../tenant-option.ts';

export function reprocessCommand(io: Io): Command {
  return new Command('reprocess')
    .description(
      "Rebuild an integration's data from its stored raw payloads with the current mappers, offline.",
    )
    .argument('<integration>', 'name or id')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print JSON')
    .action(
      action(io, async (name: string, options: { tenant?: string; json?: boolean }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const result = await reprocess(rt.db, knownConnectors(rt.config), tenant.id, name, {
            onProgress: (stream, payloads) => io.stderr.write(`\r${stream}: ${payloads} payloads`),
          });
          io.stderr.write('\n');
          if (options.json) io.stdout.write(JSON.stringify(result) + '\n');
          else {
            printTable(
              io,
              ['STREAM', 'PAYLOADS', 'RECORDS'],
              result.streams.map((s) => [s.stream, String(s.payloads), String(s.records)]),
            );
            if (result.skipped.length > 0)
              io.stdout.write(
                `Skipped (no raw payloads kept; a sync re-reads them): ${result.skipped.join(', ')}\n`,
              );
          }
          return 0;
        }),
      ),
    );
}
