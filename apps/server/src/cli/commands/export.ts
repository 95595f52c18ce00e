/** `pulse export FILE|-`: writes a tenant's records as NDJSON (the format `pulse import` reads). */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import { PulseError, recordTypes, type RecordType } from '@pulse/core';
import { exportNdjson } from '@pulse/sync';
import { withRuntime } from '../context.ts';
import type { Io } from '../output.ts';
import { action } from '../program.ts';
import { resolveTenant } from '../tenant-option.ts';

export function exportCommand(io: Io): Command {
  return new Command('export')
    .description(
      "Export a tenant's records as NDJSON (docs/import-format.md); `pulse import` reads the file back.",
    )
    .argument('<file>', 'the file to write, or - for standard output')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--type <types>', `only these record types, comma-separated (${recordTypes.join(', ')})`)
    .action(
      action(io, async (file: string, options: { tenant?: string; type?: string }) => {
        const types = options.type === undefined ? undefined : parseTypes(options.type);
        return withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const out: Writable = file === '-' ? (io.stdout as Writable) : createWriteStream(file);
          const result = await exportNdjson(rt.db, tenant.id, out, types === undefined ? {} : { types });
          if (file !== '-') {
            out.end();
            await finished(out);
          }
          const counts = Object.entries(result.byType)
            .map(([type, n]) => `${n} ${type}`)
            .join(', ');
          // With the records on stdout, the summary goes to stderr.
          (file === '-' ? io.stderr : io.stdout).write(
            `Exported ${result.records} record(s) of ${tenant.slug}${counts === '' ? '' : ` (${counts})`}${file === '-' ? '' : ` to ${file}`}.\n`,
          );
          return 0;
        });
      }),
    );
}

function parseTypes(list: string): RecordType[] {
  const types = list
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const unknown = types.filter((t) => !(recordTypes as string[]).includes(t));
  if (unknown.length > 0 || types.length === 0)
    throw new PulseError('VALIDATION_FAILED', {
      message: `Unknown record type(s) in --type: ${unknown.join(', ') || '(none given)'}.`,
      hint: `Record types are: ${recordTypes.join(', ')}.`,
    });
  return types as RecordType[];
}
