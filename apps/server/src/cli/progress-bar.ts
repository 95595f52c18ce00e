/**
 * The sync progress bar on stderr: redrawn in place on a terminal, one line every few seconds
 * otherwise (CI logs, pipes).
 */
import type { RunProgress } from '@pulse/sync';

export interface ProgressBar {
  update(progress: RunProgress): void;
  done(): void;
}

export function progressBar(
  stream: { write(text: string): unknown; isTTY?: boolean },
  everyMs = 5000,
): ProgressBar {
  let last = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = Date.now();
      if (stream.isTTY) {
        stream.write(`\r${formatProgress(progress)}\x1b[K`);
        drawn = true;
      } else if (now - last >= everyMs) {
        stream.write(formatProgress(progress) + '\n');
        last = now;
      }
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

/** `[########------------]  8/20 partitions · 1,204 records · 37 requests · ETA 1m 10s` */
export function formatProgress(p: RunProgress): string {
  const total = p.partitionsTotal ?? 0;
  const done = p.partitionsDone ?? 0;
  const width = 20;
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  const parts = [
    `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} partitions`,
    `${(p.records ?? 0).toLocaleString('en')} records`,
    `${(p.requests ?? 0).toLocaleString('en')} requests`,
  ];
  if ((p.partitionsFailed ?? 0) > 0) parts.push(`${p.partitionsFailed} failed`);
  if ((p.rateLimitWaits ?? 0) > 0)
    parts.push(`rate-limit waits ${p.rateLimitWaits} (${duration((p.rateLimitWaitMs ?? 0) / 1000)})`);
  if (p.etaSeconds != null) parts.push(`ETA ${duration(p.etaSeconds)}`);
  if (p.stream) parts.push(p.stream);
  return parts.join(' · ');
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}
