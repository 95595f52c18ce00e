/**
 * Transactions that lose a race (deadlock, serialization failure) are rolled back by PostgreSQL
 * as a whole, so running them again is safe; this does, a few times, with a short random pause.
 */

/** SQLSTATEs of a transaction PostgreSQL aborted because of another one. */
const transientCodes = new Set(['40P01', '40001']);

export function isTransientConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && transientCodes.has(code);
}

/** Runs `fn` (a whole transaction) again when it failed with a transient conflict. */
export async function retryTransient<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
    }
  }
}

/**
 * SQLSTATE classes and codes of a lost or refused connection: 08 (connection exception), 57P01-03
 * (the server is shutting down, crashed, or is starting up / in recovery).
 */
const connectionCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);
const connectionMessages =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when `error` says the database connection was lost or refused (a restart, an upgrade, a
 * network cut), not that a statement was wrong: the work can be done again once the server is back.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let e = error, depth = 0; e != null && depth < 5; depth += 1) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (connectionCodes.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && connectionMessages.test(message)) return true;
    e = cause;
  }
  return false;
}

/** Waits until `probe` succeeds (the database answers again), backing off up to `maxDelayMs`. */
export async function waitUntilReachable(
  probe: () => Promise<unknown>,
  options: { signal?: AbortSignal; maxDelayMs?: number } = {},
): Promise<boolean> {
  for (let delay = 100; !options.signal?.aborted; delay = Math.min(delay * 2, options.maxDelayMs ?? 5000)) {
    try {
      await probe();
      return true;
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
    }
    await sleep(delay, options.signal);
  }
  return false;
}

/** A pause that ends early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
