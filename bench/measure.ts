/** Timing, percentiles, memory and a sampler of what the database is busy with. */
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Linear interpolation between closest ranks (as percentile_cont). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export interface Latency {
  readonly coldMs: number;
  readonly calls: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * One cold call, then up to `calls` warm calls; once the warm calls took `budgetMs` it stops at 10.
 * Returns the figures and the cold call's result.
 */
export async function latency<T>(
  fn: () => Promise<T>,
  calls: number,
  budgetMs = 60_000,
): Promise<{ latency: Latency; first: T }> {
  const cold = await timed(fn);
  const warm: number[] = [];
  let spent = 0;
  while (warm.length < calls && (warm.length < 10 || spent < budgetMs)) {
    const call = await timed(fn);
    warm.push(call.ms);
    spent += call.ms;
  }
  return {
    first: cold.value,
    latency: {
      coldMs: cold.ms,
      calls: warm.length,
      p50Ms: percentile(warm, 0.5),
      p95Ms: percentile(warm, 0.95),
      minMs: Math.min(...warm),
      maxMs: Math.max(...warm),
    },
  };
}

/** Peak resident set size of this process so far, in bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Samples pg_stat_activity every `intervalMs` for the busy connections of database `dbName` and
 * adds the time since the previous sample to each one's label (`classify` turns state and query
 * text into a label): an approximate profile of where the database time went.
 */
export async function watchActivity(
  url: string,
  dbName: string,
  classify: (state: string, query: string) => string,
  intervalMs = 100,
): Promise<() => Promise<Record<string, number>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const seconds: Record<string, number> = {};
  let running = true;
  let last = performance.now();
  const loop = (async () => {
    while (running) {
      const rows = await client.query<{ state: string; query: string }>(
        `select state, query from pg_stat_activity
          where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()
            and state <> 'idle'`,
        [dbName],
      );
      const now = performance.now();
      for (const row of rows.rows) {
        const label = classify(row.state, row.query);
        seconds[label] = (seconds[label] ?? 0) + (now - last) / 1000;
      }
      last = now;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await client.end();
    return seconds;
  };
}
