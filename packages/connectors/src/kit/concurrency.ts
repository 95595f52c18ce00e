/**
 * A counting semaphore: at most `limit` holders at once, the rest wait in FIFO order.
 * Own code rather than p-limit: it is twenty lines and must honour an AbortSignal while queued.
 */
export interface Semaphore {
  /** Resolves with a release function once a slot is free; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Holders right now (for tests and progress). */
  readonly active: number;
}

/** Creates a semaphore with `limit` slots (limit ≥ 1). */
export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`semaphore limit must be a positive integer, got ${limit}`);
  let active = 0;
  const waiting: Array<() => void> = [];

  const releaseOnce = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      // Hand the slot straight to the next waiter so a newcomer cannot overtake the queue.
      if (next) next();
      else active--;
    };
  };

  return {
    get active() {
      return active;
    },
    acquire(signal) {
      signal?.throwIfAborted();
      if (active < limit) {
        active++;
        return Promise.resolve(releaseOnce());
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(releaseOnce());
        };
        const onAbort = () => {
          waiting.splice(waiting.indexOf(grant), 1);
          reject(signal?.reason);
        };
        waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
