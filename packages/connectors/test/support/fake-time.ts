/**
 * A fake clock and sleep for HTTP client tests: sleeping records the delay and advances the clock
 * at once, so tests assert exact waits (Retry-After, rate-limit resets, backoff) without waiting.
 */
export interface FakeTime {
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Every delay slept, in order. */
  readonly sleeps: number[];
}

/** Starts the clock at `start` (epoch ms; default 2025-03-01T12:00:00Z, a whole second). */
export function fakeTime(start = Date.parse('2025-03-01T12:00:00Z')): FakeTime {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep(ms, signal) {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}
