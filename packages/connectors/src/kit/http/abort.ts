/** Abort plumbing: whatever was interrupted, an aborted caller gets an AbortError. */

/** Awaits `work`; if the caller's signal aborted meanwhile, rejects with an AbortError instead. */
export async function guard<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    throw error;
  }
}

/** The AbortError the signal carries, else a new DOMException named AbortError. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The request was aborted.', 'AbortError');
}
