/**
 * One HTTP exchange: send, read the whole body and parse it, all under the attempt's signal
 * (caller abort + per-attempt timeout). Parsing happens here, inside the retry loop, because a
 * connection cut mid-body often still yields a 200 with truncated JSON.
 */

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly url: string;
  /** Parsed JSON; the raw text for a non-JSON error body; null when empty. */
  readonly body: unknown;
  /** A 2xx whose body is not valid JSON (truncated, or an HTML page from a proxy). */
  readonly invalidJson: boolean;
}

export interface Outgoing {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
  readonly signal: AbortSignal;
}

/** Sends one request; network errors, timeouts and aborts reject (fetch's own errors). */
export async function sendOnce(outgoing: Outgoing): Promise<Answer> {
  const { url, method, headers, body, signal } = outgoing;
  const response = await fetch(url, { method, headers, signal, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  const base = { status: response.status, headers: response.headers, url: response.url || url };
  if (text.trim() === '') return { ...base, body: null, invalidJson: false };
  try {
    return { ...base, body: JSON.parse(text), invalidJson: false };
  } catch {
    const ok = response.status >= 200 && response.status < 300;
    return { ...base, body: ok ? null : text, invalidJson: ok };
  }
}

/** A short, secret-free description of a network error: 'ECONNRESET', 'timeout after 30000 ms'. */
export function describeNetworkError(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timeout after ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
