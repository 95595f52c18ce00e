/**
 * The client-wide rate-limit gate: once the source says "wait until T", no request of this client
 * is sent before T. A limit is a property of the token, not of one request, so every in-flight
 * request honours it; the wait is counted (stats, event) once per gate, not once per waiter.
 */
import { PulseError } from '@pulse/core';
import type { RateLimitDecision } from './rate-limit.ts';

export interface RateGateOptions {
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly maxWaitMs: number;
  /** Called once per gate the first time a request has to wait for it. */
  readonly onWait: (ms: number, until: number, reason: string) => void;
}

export interface RateGate {
  /** Keeps requests out until `decision.until` (a later deadline wins). */
  close(decision: RateLimitDecision): void;
  /** Resolves when requests may go; SOURCE_RATE_LIMITED if the wait is longer than maxWaitMs. */
  wait(where: string, signal?: AbortSignal): Promise<void>;
}

interface Closed {
  readonly until: number;
  readonly reason: string;
  counted: boolean;
}

/** Creates an open gate. */
export function createRateGate(options: RateGateOptions): RateGate {
  const { now, sleep, maxWaitMs, onWait } = options;
  let closed: Closed | undefined;
  return {
    close(decision) {
      if (closed && closed.until >= decision.until) return;
      closed = { until: decision.until, reason: decision.reason, counted: false };
    },
    async wait(where, signal) {
      // Compared with the deadline we already slept to, not only the clock, so an injected clock
      // that does not advance cannot loop forever.
      let sleptUntil = -Infinity;
      for (;;) {
        const gate = closed;
        if (!gate || gate.until <= sleptUntil) return;
        const ms = gate.until - now();
        if (ms <= 0) return;
        if (ms > maxWaitMs) throw rateLimited(where, gate, ms, maxWaitMs);
        if (!gate.counted) {
          gate.counted = true;
          onWait(ms, gate.until, gate.reason);
        }
        await sleep(ms, signal);
        sleptUntil = gate.until;
      }
    },
  };
}

function rateLimited(where: string, gate: Closed, ms: number, maxWaitMs: number): PulseError {
  const resets = new Date(gate.until).toISOString();
  return new PulseError('SOURCE_RATE_LIMITED', {
    message: `${where}: ${gate.reason} asks to wait ${minutes(ms)} (until ${resets}), longer than the ${minutes(maxWaitMs)} Pulse waits at most.`,
    hint: `The limit resets at ${resets}. Run the sync again after that; it resumes from its checkpoint. A token with a higher limit, or fewer repositories per integration, avoids this.`,
  });
}

function minutes(ms: number): string {
  return `${Math.ceil(ms / 60_000)} min`;
}
