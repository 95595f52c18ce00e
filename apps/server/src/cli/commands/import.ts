/** `pulse import FILE`: loads an NDJSON file of normalised records (docs/import-format.md). */
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { Command } from 'commander';
import { PulseError } from '@pulse/core';
import { importNdjson, type ImportResult } from '@pulse/sync';
import { withRuntime } from '../context.ts';
import { exitCodes, reportError, type Io } from '../output.ts';
import { action } from '../program.ts';
import { resolveTenant } from '../tenant-option.ts';

const shownErrors = 20;

export function importCommand(io: Io): Command {
  return new Command('import')
    .description(
      'Import records from an NDJSON file (one record per line; docs/import-format.md). Re-importing a file changes nothing.',
    )
    .argument('<file>', 'the file, or - for standard input')
    .option('--tenant <tenant>', 'tenant slug or id (default: the only tenant)')
    .option('--json', 'print the result as JSON')
    .action(
      action(io, async (file: string, options: { tenant?: string; json?: boolean }) => {
        const unreadable = await checkReadable(file);
        if (unreadable !== null) {
          reportError(io, unreadable);
          return exitCodes.startup;
        }
        return withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await resolveTenant(rt.db, options.tenant);
          const input = file === '-' ? io.stdin : createReadStream(file);
          let lastReport = Date.now();
          const result = await importNdjson(rt.db, tenant.id, input as AsyncIterable<Uint8Array>, {
            onProgress: (p) => {
              if (Date.now() - lastReport < 1000) return;
              lastReport = Date.now();
              io.stderr.write(
                `… ${p.lines} lines read, ${p.written} written, ${p.unchanged} unchanged, ${p.invalid} invalid\n`,
              );
            },
          });
          if (options.json)
            io.stdout.write(
              JSON.stringify({
                tenant: tenant.slug,
                ...result,
                errors: result.errors.slice(0, shownErrors),
              }) + '\n',
            );
          else printSummary(io, tenant.slug, result);
          if (result.invalid === 0) return exitCodes.ok;
          return reportError(
            io,
            new PulseError('IMPORT_LINE_INVALID', {
              message: `${result.invalid} line(s) of ${file} are invalid and were skipped; the ${result.records} valid record(s) were imported.`,
            }),
          );
        });
      }),
    );
}

async function checkReadable(file: string): Promise<PulseError | null> {
  if (file === '-') return null;
  try {
    await access(file, constants.R_OK);
    return null;
  } catch (cause) {
    return new PulseError('IMPORT_FILE_UNREADABLE', {
      message: `Cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}.`,
      cause,
    });
  }
}

function printSummary(io: Io, tenant: string, r: ImportResult): void {
  io.stdout.write(
    `Imported into ${tenant}: ${r.lines} lines read, ${r.records} valid records: ${r.written} written, ${r.unchanged} unchanged; ${r.invalid} invalid.\n`,
  );
  if (r.cleaned > 0)
    io.stdout.write(
      `${r.cleaned} record(s) had NUL characters or lone surrogates in their text; these were removed and the records kept.\n`,
    );
  for (const e of r.errors.slice(0, shownErrors))
    io.stdout.write(`line ${e.line}: ${e.path}: ${e.message}\n`);
  if (r.invalid > shownErrors) io.stdout.write(`… and ${r.invalid - shownErrors} more invalid line(s).\n`);
}
