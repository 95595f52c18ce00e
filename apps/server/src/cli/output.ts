/**
 * How commands talk to the terminal: results on stdout, errors as one paragraph on stderr
 * (code, message, hint; never a stack trace for an expected failure), and exit codes:
 * 0 success, 1 the operation failed, 2 Pulse could not start (configuration, database, key).
 */
import { isPulseError, type ErrorCode } from '@pulse/core';

export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
}

export const exitCodes = { ok: 0, failed: 1, startup: 2 } as const;

const startupCodes = new Set<ErrorCode>([
  'CONFIG_INVALID',
  'CONFIG_FILE_INVALID',
  'DATABASE_URL_INVALID',
  'DATABASE_UNREACHABLE',
  'DATA_DIR_UNUSABLE',
  'DATA_DIR_LOCKED',
  'SECRET_KEY_MISSING',
  'SECRET_KEY_INVALID',
  'MIGRATION_FAILED',
  'MIGRATION_CHECKSUM_MISMATCH',
  'MIGRATION_UNKNOWN',
]);

/** Prints an error and returns the exit code it deserves. */
export function reportError(io: Io, error: unknown): number {
  if (isPulseError(error)) {
    io.stderr.write(`Error ${error.code}: ${error.message}\nHint: ${error.hint}\n`);
    return startupCodes.has(error.code) ? exitCodes.startup : exitCodes.failed;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `Error INTERNAL: ${message}\nHint: This is a bug in Pulse; run again with LOG_LEVEL=debug and report it.\n`,
  );
  if (io.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack)
    io.stderr.write(error.stack + '\n');
  return exitCodes.failed;
}

export function printTable(io: Io, headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd() + '\n';
  io.stdout.write(line(headers));
  for (const row of rows) io.stdout.write(line(row));
}
