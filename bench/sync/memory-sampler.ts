/**
 * Samples this process's memory (RSS and V8 heap) at a fixed interval while a sync runs, noting
 * which stream was being read and how many records were stored, so a peak can be traced to its
 * cause and growth with history shows up as RSS rising with the record count.
 */
import { performance } from 'node:perf_hooks';

export interface MemorySample {
  readonly ms: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly records: number;
  readonly stream: string;
}

export interface MemoryFigures {
  readonly startRssBytes: number;
  readonly startHeapUsedBytes: number;
  /** Highest sampled RSS. */
  readonly peakRssBytes: number;
  readonly peakHeapUsedBytes: number;
  /** The kernel's high-water mark for the process (catches peaks between samples). */
  readonly maxRssBytes: number;
  /** Highest RSS and heap while each stream ran (streams run one after another). */
  readonly peakByStream: Record<string, { rssBytes: number; heapUsedBytes: number }>;
  readonly samples: readonly MemorySample[];
}

/** Starts sampling now; `note` tells it the current stream and record count. */
export function sampleMemory(intervalMs = 100) {
  const t0 = performance.now();
  const samples: MemorySample[] = [];
  let stream = '(starting)';
  let records = 0;
  const take = () => {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({
      ms: Math.round(performance.now() - t0),
      rssBytes: rss,
      heapUsedBytes: heapUsed,
      records,
      stream,
    });
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    note(current: { stream?: string | undefined; records?: number | undefined }) {
      stream = current.stream ?? stream;
      records = current.records ?? records;
    },
    stop(): MemoryFigures {
      clearInterval(timer);
      take();
      const peakByStream: MemoryFigures['peakByStream'] = {};
      for (const s of samples) {
        const peak = (peakByStream[s.stream] ??= { rssBytes: 0, heapUsedBytes: 0 });
        peak.rssBytes = Math.max(peak.rssBytes, s.rssBytes);
        peak.heapUsedBytes = Math.max(peak.heapUsedBytes, s.heapUsedBytes);
      }
      return {
        startRssBytes: samples[0]!.rssBytes,
        startHeapUsedBytes: samples[0]!.heapUsedBytes,
        peakRssBytes: Math.max(...samples.map((s) => s.rssBytes)),
        peakHeapUsedBytes: Math.max(...samples.map((s) => s.heapUsedBytes)),
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        peakByStream,
        samples,
      };
    },
  };
}

/** Every `everyMs`-th sample (the last one always kept): a timeline small enough for the JSON. */
export function thin(samples: readonly MemorySample[], everyMs: number): MemorySample[] {
  let next = 0;
  const kept: MemorySample[] = [];
  samples.forEach((s, i) => {
    if (s.ms >= next || i === samples.length - 1) {
      kept.push(s);
      next = s.ms + everyMs;
    }
  });
  return kept;
}
