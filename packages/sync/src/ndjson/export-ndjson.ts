/**
 * `exportNdjson`: writes a tenant's records as NDJSON (docs/import-format.md): the header line,
 * then every stored record, referenced types first, read page by page. Importing the file into
 * an empty tenant reproduces the same domain rows (ids and Pulse's own timestamps aside).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { RecordType } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';
import { readRecordLines } from '../store/read/read-records.ts';
import { writeOrder } from '../store/write-records.ts';
import { headerLine } from './parse-line.ts';

export interface ExportOptions {
  /** Only these record types (default: all). */
  readonly types?: readonly RecordType[];
}

export interface ExportResult {
  readonly records: number;
  readonly byType: Partial<Record<RecordType, number>>;
}

/** Streams the records of `tenantId` into `out` (which is not ended). */
export async function exportNdjson(
  db: Db,
  tenantId: string,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const wanted = new Set(options.types ?? writeOrder);
  const byType: Partial<Record<RecordType, number>> = {};
  let records = 0;
  await write(out, JSON.stringify(headerLine) + '\n');
  // One transaction: on PostgreSQL every page sees committed data as of its own statement, and
  // the tenant's rows are read under row-level security like any other tenant access.
  await withTenant(db, tenantId, async (tx) => {
    for (const type of writeOrder) {
      if (!wanted.has(type) || type === 'deletion') continue;
      for await (const lines of readRecordLines(tx, tenantId, type)) {
        await write(out, lines.join('\n') + '\n');
        byType[type] = (byType[type] ?? 0) + lines.length;
        records += lines.length;
      }
    }
  });
  return { records, byType };
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
