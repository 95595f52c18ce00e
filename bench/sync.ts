/**
 * The sync memory benchmark: `npx tsx bench/sync.ts [--prs 100000] [--steps 10000,50000,100000]
 * [--repositories 20]` (without --steps: a tenth, half and all of --prs).
 *
 * For each size it serves a generated organisation from the fake GitHub (in a child process, so
 * its memory is not counted), runs one full sync through the whole engine (runner, HTTP client,
 * writer) into a fresh PostgreSQL database, in a fresh child process whose RSS and heap are
 * sampled every 100 ms. Goal (the issue): peak RSS ≤ 300 MB at 100 k pull requests, and not
 * growing with history — hence several sizes side by side. Prints a table and writes
 * test-artifacts/bench-sync.json; databases are dropped afterwards, also on failure or Ctrl-C.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adminQuery } from './database.ts';
import { stopChild, type Resources } from './sync/children.ts';
import { runSize, type SizeResult } from './sync/run-size.ts';
import { printTable } from './sync/table.ts';

export interface SyncBenchOptions {
  /** Sizes in pull requests, run in order (default 10,000, 50,000 and 100,000). */
  readonly steps?: readonly number[];
  readonly repositories?: number;
  /** Where the JSON goes; null to skip writing (default test-artifacts/bench-sync.json). */
  readonly output?: URL | null;
  readonly log?: (message: string) => void;
}

export interface SyncBenchResult {
  readonly date: string;
  readonly machine: { cpus: number; memoryBytes: number; node: string; postgres: string };
  readonly goalPeakRssBytes: number;
  readonly sizes: readonly SizeResult[];
}

const goalPeakRssBytes = 300 * 1024 * 1024;

/** Runs every size, prints the table and returns (and writes) the figures. */
export async function runSyncBench(options: SyncBenchOptions = {}): Promise<SyncBenchResult> {
  const steps = options.steps ?? [10_000, 50_000, 100_000];
  const repositories = options.repositories ?? 20;
  const log = options.log ?? ((m: string) => console.error(`[bench sync ${clock()}] ${m}`));
  const resources: Resources = { children: new Set(), databases: new Set() };
  const interrupted = () => {
    log('interrupted: stopping the child processes and dropping the benchmark database');
    process.on('unhandledRejection', () => {});
    void cleanUp(resources).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const [server] = await adminQuery<{ version: string }>(
      "select current_setting('server_version') as version",
    );
    const sizes: SizeResult[] = [];
    for (const prs of steps) {
      log(`${prs.toLocaleString('en')} pull requests over ${repositories} repositories`);
      const size = await runSize(resources, prs, repositories, log);
      log(
        `${size.state}: ${size.records.toLocaleString('en')} records in ${(size.syncMs / 1000).toFixed(0)} s, ` +
          `peak RSS ${(size.memory.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      sizes.push(size);
    }
    const result: SyncBenchResult = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        memoryBytes: os.totalmem(),
        node: process.version,
        postgres: server?.version ?? 'unknown',
      },
      goalPeakRssBytes,
      sizes,
    };
    printTable(result);
    const output =
      options.output === undefined
        ? new URL('../test-artifacts/bench-sync.json', import.meta.url)
        : options.output;
    if (output !== null) {
      mkdirSync(new URL('./', output), { recursive: true });
      writeFileSync(output, `${JSON.stringify(result, null, 2)}\n`);
      log(`figures written to ${fileURLToPath(output)}`);
    }
    return result;
  } finally {
    await cleanUp(resources);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

async function cleanUp(resources: Resources): Promise<void> {
  await Promise.allSettled([...resources.children].map(stopChild));
  await Promise.allSettled([...resources.databases].map((d) => d.drop()));
}

function clock(): string {
  return new Date().toISOString().slice(11, 19);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      prs: { type: 'string' },
      steps: { type: 'string' },
      repositories: { type: 'string' },
    },
  });
  // Without --steps: a tenth, half and all of --prs, so growth with history shows.
  const prs = Number(values.prs ?? 100_000);
  const steps = values.steps
    ? values.steps.split(',').map(Number)
    : [Math.round(prs / 10), Math.round(prs / 2), prs];
  if (steps.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--steps and --prs take positive whole numbers, not ${values.steps ?? values.prs}`);
  const result = await runSyncBench({
    steps,
    ...(values.repositories ? { repositories: Number(values.repositories) } : {}),
  });
  if (result.sizes.some((s) => s.state !== 'succeeded')) process.exitCode = 1;
}
