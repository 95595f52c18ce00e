/**
 * The local git connector benchmark: `npx tsx bench/git.ts [--commits 100000]`.
 *
 * Generates a repository with N commits (git fast-import: mainline, periodic merges, varied
 * authors), then measures the commits stream read + map throughput with and without line
 * statistics, the peak RSS of this process while reading (flat memory is the goal), and an
 * incremental read after 100 new commits. Prints a table and writes test-artifacts/bench-git.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createGitConnector,
  type ConnectorContext,
  type GitConfig,
  type GitSecrets,
  type Json,
} from '@pulse/connectors';
import { importHistory } from './git/history.ts';
import { sampleRss } from './git/rss-sampler.ts';

export interface GitBenchOptions {
  /** Commits in the generated history (default 100,000). */
  readonly commits?: number;
  /** Where the JSON results go; null to skip writing (default test-artifacts/bench-git.json). */
  readonly output?: URL | null;
  readonly log?: (message: string) => void;
}

export interface ReadFigures {
  readonly commits: number;
  readonly pages: number;
  readonly ms: number;
  readonly commitsPerSecond: number;
  /** CPU time of this process (parsing, mapping); git's own CPU time is not included. */
  readonly nodeCpuMs: number;
  readonly peakRssBytes: number;
  /** Peak RSS minus RSS when the read started: what reading the history cost in memory. */
  readonly rssGrowthBytes: number;
}

/** Generates the repository, measures, prints a table and returns (and writes) the figures. */
export async function runGitBench(options: GitBenchOptions = {}) {
  const commits = options.commits ?? 100_000;
  const log = options.log ?? ((m: string) => console.error(`[bench git] ${m}`));
  const dir = mkdtempSync(join(os.tmpdir(), 'pulse-bench-git-'));
  try {
    const path = join(dir, 'history.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', path]);
    log(`generating ${commits.toLocaleString('en')} commits with git fast-import`);
    const generation = await timed(() => importHistory(path, { commits }));
    const sizeKib = Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]);

    log(`reading with statistics (numstat)`);
    const withStats = await measureRead(path, true, null);
    log(`reading without statistics`);
    const withoutStats = await measureRead(path, false, null);

    const tip = execFileSync('git', ['-C', path, 'rev-parse', 'main'], { encoding: 'utf8' }).trim();
    await importHistory(path, { commits: 100, parent: tip, startEpoch: 1_900_000_000, tagPrefix: 'next-' });
    log('reading the 100 new commits incrementally');
    const incremental = await measureRead(path, true, withStats.cursor);

    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryBytes: os.totalmem(),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        git: execFileSync('git', ['--version'], { encoding: 'utf8' }).trim(),
        // Other work on the machine slows every figure; the load average says how busy it was.
        loadAverage: os.loadavg(),
      },
      repository: { commits, generationMs: generation.ms, sizeBytes: sizeKib * 1024 },
      fullRead: withStats.figures,
      fullReadWithoutStats: withoutStats.figures,
      incrementalRead: incremental.figures,
    };
    printTable(results);
    if (options.output !== null) {
      const file = options.output ?? new URL('../test-artifacts/bench-git.json', import.meta.url);
      mkdirSync(new URL('.', file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
      log(`figures written to ${file.pathname}`);
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads the commits stream of the repository at `path` to the end, mapping every item. */
async function measureRead(path: string, stats: boolean, cursor: Json) {
  // The benchmark's repository is granted to its tenant: the connector reads nothing else.
  const connector = createGitConnector({ grants: [{ tenant: benchTenant.slug, path }] });
  const ctx = context({ repositories: [{ path, name: 'bench/history' }], stats });
  const stream = connector.streams.find((s) => s.name === 'commits')!;
  const [partition] = await stream.partitions(ctx);
  global.gc?.();
  const rss = sampleRss();
  const cpu = process.cpuUsage();
  const start = performance.now();
  let count = 0;
  let pages = 0;
  let last: Json = null;
  for await (const page of stream.read(ctx, { partition: partition!, cursor, mode: 'incremental' })) {
    for (const item of page.items)
      count += stream.map(item.payload, { config: ctx.config, partition: partition! }).length;
    pages += 1;
    last = page.cursor;
  }
  const ms = performance.now() - start;
  const cpuUsed = process.cpuUsage(cpu);
  const memory = rss.stop();
  const figures: ReadFigures = {
    commits: count,
    pages,
    ms,
    commitsPerSecond: count / (ms / 1000),
    nodeCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    peakRssBytes: memory.peakBytes,
    rssGrowthBytes: memory.peakBytes - memory.startBytes,
  };
  return { figures, cursor: last };
}

const benchTenant = { id: '00000000-0000-4000-8000-0000000be4c4', slug: 'bench' };

function context(config: unknown): ConnectorContext<GitConfig, GitSecrets> {
  return {
    tenant: benchTenant,
    config: createGitConnector().configSchema.parse(config),
    secrets: {},
    http: {
      request: () => Promise.reject(new Error('git needs no HTTP')),
      stats: { requests: 0, retries: 0, notModified: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 },
    },
    log: { debug: () => {}, info: () => {}, warn: (obj, msg) => console.error(msg, obj) },
    signal: new AbortController().signal,
    now: () => new Date(),
    memo: new Map(),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function printTable(r: Awaited<ReturnType<typeof runGitBench>>): void {
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const read = (f: ReadFigures) =>
    `${f.commits.toLocaleString('en')} commits in ${(f.ms / 1000).toFixed(2)} s = ${Math.round(f.commitsPerSecond).toLocaleString('en')}/s, ` +
    `Node CPU ${(f.nodeCpuMs / 1000).toFixed(2)} s, peak RSS ${mib(f.peakRssBytes)} (+${mib(f.rssGrowthBytes)})`;
  const lines: [string, string][] = [
    ['machine', `${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.git}, Node ${r.machine.node}`],
    ['load average (1, 5, 15 min)', r.machine.loadAverage.map((l) => l.toFixed(1)).join(', ')],
    [
      'history',
      `${r.repository.commits.toLocaleString('en')} commits, ${mib(r.repository.sizeBytes)} on disk`,
    ],
    ['generation (fast-import)', `${(r.repository.generationMs / 1000).toFixed(1)} s`],
    ['full read + map, statistics on', read(r.fullRead)],
    ['full read + map, statistics off', read(r.fullReadWithoutStats)],
    [
      'incremental read, 100 new commits',
      `${r.incrementalRead.commits} commits in ${r.incrementalRead.ms.toFixed(0)} ms`,
    ],
  ];
  const width = Math.max(...lines.map(([k]) => k.length));
  console.log(lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { commits: { type: 'string', default: '100000' } } });
  const commits = Number(values.commits);
  if (!Number.isInteger(commits) || commits < 1)
    throw new Error(`--commits must be a positive integer, not ${values.commits}`);
  await runGitBench({ commits });
}
