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
