/** The sync benchmark's table: one column per size, so growth with history reads across a row. */
import type { SyncBenchResult } from '../sync.ts';

const mib = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const count = (n: number) => n.toLocaleString('en');

/** Prints the figures of every size side by side on stdout. */
export function printTable(result: SyncBenchResult): void {
  const sizes = result.sizes;
  const streams = [...new Set(sizes.flatMap((s) => Object.keys(s.memory.peakByStream)))];
  const rows: [string, ...string[]][] = [
    ['pull requests', ...sizes.map((s) => `${count(s.pullRequests)} (${s.repositories} repos)`)],
    [
      'run state',
      ...sizes.map((s) => `${s.state}${s.failedPartitions ? ` (${s.failedPartitions} failed)` : ''}`),
    ],
    ['RSS at start', ...sizes.map((s) => mib(s.memory.startRssBytes))],
    [
      'peak RSS (sampled / kernel max)',
      ...sizes.map((s) => `${mib(s.memory.peakRssBytes)} / ${mib(s.memory.maxRssBytes)}`),
    ],
    ['peak heap used', ...sizes.map((s) => mib(s.memory.peakHeapUsedBytes))],
    [
      'heap / RSS after sync + full GC',
      ...sizes.map((s) => `${mib(s.memory.heapAfterGcBytes)} / ${mib(s.memory.rssAfterGcBytes)}`),
    ],
    ...streams.map((stream): [string, ...string[]] => [
      `  peak RSS / heap in ${stream}`,
      ...sizes.map((s) => {
        const peak = s.memory.peakByStream[stream];
        return peak ? `${mib(peak.rssBytes)} / ${mib(peak.heapUsedBytes)}` : '–';
      }),
    ]),
    ['records stored', ...sizes.map((s) => count(s.records))],
    ...Object.keys(sizes[0]?.rows ?? {}).map((table): [string, ...string[]] => [
      `  rows: ${table}`,
      ...sizes.map((s) => count(s.rows[table] ?? 0)),
    ]),
    ['sync duration', ...sizes.map((s) => `${(s.syncMs / 1000).toFixed(1)} s`)],
    ['records/s', ...sizes.map((s) => count(s.recordsPerSecond))],
    [
      'GitHub requests (client / fake)',
      ...sizes.map((s) => `${count(s.requests)} / ${count(s.github.requests)}`),
    ],
    ['fake GitHub RSS (not counted)', ...sizes.map((s) => mib(s.github.rssBytes))],
    [
      `goal: peak RSS ≤ ${mib(result.goalPeakRssBytes)}`,
      ...sizes.map((s) => (s.memory.maxRssBytes <= result.goalPeakRssBytes ? 'met' : 'not met')),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n'));
}
