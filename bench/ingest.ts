/**
 * The ingest benchmark on PostgreSQL: `npx tsx bench/ingest.ts [--rows 200000] [--page 1000]`.
 *
 * In a fresh database (dropped afterwards) it writes `rows` normalised records (half
 * pull_request, half commit, one repository, a few hundred authors) with writeRecords in pages
 * of `page`, one transaction per page as the sync runner does; writes them all again (the
 * idempotent re-sync case); and COPYs the same rows straight into the same tables as the
 * yardstick. The figure of merit is upsert rows/s ÷ COPY rows/s (goal ≥ 0.5). Prints a table
 * and writes test-artifacts/bench-ingest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTenant, migrate, openPostgres, withTenant, type Db } from '@pulse/db';
import { StatisticsSchedule, writeRecords } from '@pulse/sync';
import { adminQuery, createDatabase } from './database.ts';
import { copyLoader } from './ingest/copy-baseline.ts';
import { benchPages, repositoryRecord } from './ingest/records.ts';
import { timed } from './measure.ts';

export interface IngestBenchOptions {
  readonly rows?: number;
  readonly pageSize?: number;
  readonly log?: (message: string) => void;
}

export interface IngestBenchResult {
  readonly rows: number;
  readonly pageSize: number;
  readonly postgres: string;
  readonly cpus: number;
  readonly upsert: { ms: number; rowsPerSecond: number; written: number };
  readonly rewrite: { ms: number; rowsPerSecond: number; unchanged: number };
  readonly copy: { ms: number; rowsPerSecond: number };
  /** upsert rows/s ÷ COPY rows/s. */
  readonly ratio: number;
  readonly goal: number;
}

/** Runs the benchmark in its own database and returns the figures. */
export async function runIngestBench(options: IngestBenchOptions = {}): Promise<IngestBenchResult> {
  const rows = options.rows ?? 200_000;
  const pageSize = options.pageSize ?? 1000;
  const log = options.log ?? (() => {});
  const database = await createDatabase();
  let db: Db | undefined;
  try {
    db = await openPostgres({ url: database.url, poolMax: 2 });
    await migrate(db);
    const [server] = await adminQuery<{ version: string }>(
      "select current_setting('server_version') as version",
    );
    const tenant = await createTenant(db, { slug: 'bench', name: 'Ingest benchmark' }, 'bench');
    const yardstick = await createTenant(db, { slug: 'copy', name: 'COPY yardstick' }, 'bench');
    const ctx = { tenantId: tenant.id, integrationId: null };
    log(`generating ${rows} records`);
    const pages = [...benchPages(rows, pageSize)];
    const writeAll = async () => {
      let written = 0;
      let unchanged = 0;
      // As the importer does: statistics after pages 1, 2, 4, … (see store/statistics.ts).
      const statistics = new StatisticsSchedule(db!);
      for (const page of pages) {
        const result = await withTenant(db!, tenant.id, (tx) => writeRecords(tx, ctx, page));
        written += result.written;
        unchanged += result.unchanged;
        await statistics.pageWritten(['pull_request', 'commit']);
      }
      return { written, unchanged };
    };
    await withTenant(db, tenant.id, (tx) => writeRecords(tx, ctx, [repositoryRecord]));
    log('writeRecords, first write');
    const upsert = await timed(writeAll);
    log('writeRecords, same records again');
    const rewrite = await timed(writeAll);
    log('COPY yardstick');
    const load = await copyLoader(db, yardstick.id, 300);
    const copy = await timed(async () => {
      // The same statistics schedule: without it the yardstick's own foreign-key checks of
      // commit_parents degrade as commits grows (store/statistics.ts), flattering the ratio.
      const statistics = new StatisticsSchedule(db!);
      for (const page of pages) {
        await load(page);
        await statistics.pageWritten(['pull_request', 'commit']);
      }
    });
    const rate = (ms: number) => Math.round((rows / ms) * 1000);
    return {
      rows,
      pageSize,
      postgres: server?.version ?? 'unknown',
      cpus: os.cpus().length,
      upsert: { ms: Math.round(upsert.ms), rowsPerSecond: rate(upsert.ms), written: upsert.value.written },
      rewrite: {
        ms: Math.round(rewrite.ms),
        rowsPerSecond: rate(rewrite.ms),
        unchanged: rewrite.value.unchanged,
      },
      copy: { ms: Math.round(copy.ms), rowsPerSecond: rate(copy.ms) },
      ratio: Math.round((copy.ms / upsert.ms) * 100) / 100,
      goal: 0.5,
    };
  } finally {
    await db?.close();
    await database.drop();
  }
}

function printTable(r: IngestBenchResult): void {
  const lines: [string, string][] = [
    ['records', `${r.rows.toLocaleString('en')} (pull_request + commit), pages of ${r.pageSize}`],
    ['machine', `${r.cpus} cores, PostgreSQL ${r.postgres}`],
    ['writeRecords (new rows)', `${r.upsert.rowsPerSecond.toLocaleString('en')} rows/s (${r.upsert.ms} ms)`],
    [
      'writeRecords (unchanged)',
      `${r.rewrite.rowsPerSecond.toLocaleString('en')} rows/s (${r.rewrite.ms} ms)`,
    ],
    ['raw COPY, same pages', `${r.copy.rowsPerSecond.toLocaleString('en')} rows/s (${r.copy.ms} ms)`],
    ['upsert ÷ COPY', `${r.ratio} (goal ≥ ${r.goal}) ${r.ratio >= r.goal ? 'met' : 'NOT met'}`],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  for (const [label, value] of lines) console.log(`${label.padEnd(width)}  ${value}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, page: { type: 'string' } } });
  const rows = Number(values.rows ?? 200_000);
  const pageSize = Number(values.page ?? 1000);
  if (!(rows >= 2 && pageSize >= 1)) throw new Error('--rows must be ≥ 2 and --page ≥ 1');
  const log = (message: string) =>
    console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
  const result = await runIngestBench({ rows, pageSize, log });
  printTable(result);
  mkdirSync(new URL('../test-artifacts/', import.meta.url), { recursive: true });
  const file = new URL('../test-artifacts/bench-ingest.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`figures written to ${file.pathname}`);
}
