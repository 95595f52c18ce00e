/**
 * `importNdjson`: streams an NDJSON file (docs/import-format.md) into a tenant. Lines are read
 * one at a time, validated, and written in batches (one transaction each) by the record writer.
 * Invalid lines are reported by number and skipped; the valid ones are kept.
 *
 * Order within the file does not matter: inside a batch the writer stores referenced types
 * first, and a record naming something not stored yet (a review before its pull request, in an
 * earlier batch) is set aside and written again after the whole file, pass after pass while
 * passes make progress. What is still unresolved then is reported as an invalid line.
 */
import { PulseError, type RecordType } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';
import { StatisticsSchedule } from '../store/statistics.ts';
import { writeRecords } from '../store/write-records.ts';
import { DeferredRecords, type NumberedRecord } from './deferred.ts';
import { formatName, formatVersion, parseLine, type LineIssue } from './parse-line.ts';
import { readLines } from './read-lines.ts';

export interface ImportOptions {
  /** Stamped on repositories and work items (null: an import belongs to no integration). */
  readonly integrationId?: number | null;
  readonly batchSize?: number;
  readonly maxLineBytes?: number;
  /** Errors kept in the result (all are counted). */
  readonly maxErrors?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  readonly lines: number;
  readonly written: number;
  readonly unchanged: number;
  readonly invalid: number;
  /** Valid records stored after NUL characters or lone surrogates were taken out of their text. */
  readonly cleaned: number;
  readonly deferred: number;
}

export interface LineError extends LineIssue {
  readonly line: number;
}

export interface ImportResult extends ImportProgress {
  /** Valid records read (each counted once, however many passes it took). */
  readonly records: number;
  readonly byType: Partial<Record<RecordType, number>>;
  /** The first `maxErrors` invalid lines, in line order of discovery. */
  readonly errors: readonly LineError[];
}

export const maxLineBytesDefault = 10 * 1024 * 1024;

/** Imports the NDJSON `stream` into `tenantId`; see the module comment for the guarantees. */
export async function importNdjson(
  db: Db,
  tenantId: string,
  stream: AsyncIterable<Uint8Array | string>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  const maxErrors = options.maxErrors ?? 1000;
  const ctx = { tenantId, integrationId: options.integrationId ?? null };
  const statistics = new StatisticsSchedule(db);
  const deferred = new DeferredRecords();
  const tally = { lines: 0, records: 0, written: 0, unchanged: 0, invalid: 0, cleaned: 0 };
  const byType: Partial<Record<RecordType, number>> = {};
  const errors: LineError[] = [];
  const fail = (line: number, issue: LineIssue) => {
    tally.invalid += 1;
    if (errors.length < maxErrors) errors.push({ line, ...issue });
  };
  const progress = () => options.onProgress?.({ ...tally, deferred: deferred.count });

  /**
   * Writes records in one transaction; unresolved ones are set aside (or, on the last pass,
   * reported). When the database refuses the data (a value it cannot store), the batch is split
   * in halves until the refused record stands alone and is reported as its line: one bad record
   * never costs the valid ones around it.
   */
  const store = async (items: readonly NumberedRecord[], last: boolean): Promise<number> => {
    const records = items.map((item) => item.record);
    let result: Awaited<ReturnType<typeof writeRecords>>;
    try {
      result = await withTenant(db, tenantId, (tx) =>
        writeRecords(tx, ctx, records, { unknownReferences: 'report' }),
      );
    } catch (error) {
      if (!isDataError(error)) throw error;
      if (items.length === 1) {
        fail(items[0]!.line, {
          path: '(record)',
          message: `the database refused it: ${(error as Error).message}`,
        });
        return 0;
      }
      const half = Math.ceil(items.length / 2);
      return (await store(items.slice(0, half), last)) + (await store(items.slice(half), last));
    }
    tally.written += result.written;
    tally.unchanged += result.unchanged;
    for (const [type, n] of Object.entries(result.byType))
      byType[type as RecordType] = (byType[type as RecordType] ?? 0) + n;
    for (const u of result.unresolved) {
      const item = items[u.index]!;
      if (last)
        fail(item.line, {
          path: u.path,
          message: `refers to ${u.reference}, which is neither stored nor in the file`,
        });
      else await deferred.add(item);
    }
    await statistics.pageWritten(new Set(records.map((r) => r.type)));
    return result.written + result.unchanged;
  };

  /** Writes a batch and empties it. */
  const flush = async (batch: NumberedRecord[], last: boolean): Promise<number> => {
    if (batch.length === 0) return 0;
    const stored = await store(batch, last);
    batch.length = 0;
    progress();
    return stored;
  };

  try {
    const batch: NumberedRecord[] = [];
    let seenContent = false;
    for await (const line of readLines(stream, options.maxLineBytes ?? maxLineBytesDefault)) {
      tally.lines = line.number;
      if ('tooLong' in line) {
        fail(line.number, {
          path: '(line)',
          message: `longer than the limit of ${options.maxLineBytes ?? maxLineBytesDefault} bytes (${line.tooLong} bytes)`,
        });
        seenContent = true;
        continue;
      }
      if ('badUtf8' in line) {
        fail(line.number, { path: '(line)', message: 'not valid UTF-8 text' });
        seenContent = true;
        continue;
      }
      const parsed = parseLine(line.text);
      if (parsed.kind === 'blank') continue;
      if (parsed.kind === 'header') {
        if (seenContent)
          fail(line.number, { path: 'type', message: 'a header is only allowed as the first line' });
        else checkHeader(parsed.format, parsed.version);
      } else if (parsed.kind === 'invalid') fail(line.number, parsed.issue);
      else {
        tally.records += 1;
        if (parsed.cleaned) tally.cleaned += 1;
        batch.push({ line: line.number, record: parsed.record });
        if (batch.length >= batchSize) await flush(batch, false);
      }
      seenContent = true;
    }
    await flush(batch, false);
    // Retry passes over the set-aside records while they make progress; then report the rest.
    while (deferred.count > 0) {
      let stored = 0;
      for await (const item of deferred.drain()) {
        batch.push(item);
        if (batch.length >= batchSize) stored += await flush(batch, false);
      }
      stored += await flush(batch, false);
      if (stored > 0) continue;
      for await (const item of deferred.drain()) {
        batch.push(item);
        if (batch.length >= batchSize) await flush(batch, true);
      }
      await flush(batch, true);
    }
  } finally {
    deferred.dispose();
  }
  errors.sort((a, b) => a.line - b.line);
  return { ...tally, deferred: 0, byType, errors };
}

/**
 * An error of the data, not of the database: SQLSTATE class 22 (data exception: a value out of
 * range, an untranslatable character) or 23 (a constraint). A lost connection is not one; it
 * still ends the import.
 */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

function checkHeader(format: unknown, version: unknown): void {
  if (format === formatName && version === formatVersion) return;
  throw new PulseError('IMPORT_FORMAT_UNSUPPORTED', {
    message: `The file's header says format ${JSON.stringify(format)} version ${JSON.stringify(version)}; this Pulse reads ${formatName} version ${formatVersion}.`,
  });
}
