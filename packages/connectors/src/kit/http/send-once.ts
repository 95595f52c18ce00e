/**
 * One HTTP exchange: send, follow same-origin redirects, read the body under the size limit and
 * parse it, all under the attempt's signal (caller abort + the attempt's time limit, which covers
 * the headers AND the body). Parsing happens here, inside the retry loop, because a connection
 * cut mid-body often still yields a 200 with truncated JSON.
 *
 * Requests go through undici's fetch with the egress policy's dispatcher (connect-time address
 * checks). Redirects are handled here (`redirect: 'manual'`), not by fetch: fetch would follow
 * them to any host, and a redirect to another origin must never carry the Authorization header.
 */
import { PulseError } from '@pulse/core';
import { fetch } from 'undici';
import type { EgressPolicy } from './egress/policy.ts';
import { readLimitedText } from './egress/read-body.ts';
import { describeRequest } from './failures.ts';

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
  readonly egress: EgressPolicy;
  /** Largest body read; EGRESS_RESPONSE_TOO_LARGE past it. */
  readonly maxBytes: number;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Sends one request; network errors, timeouts and aborts reject (fetch's own errors). */
export async function sendOnce(outgoing: Outgoing): Promise<Answer> {
  const { headers, signal, egress, maxBytes } = outgoing;
  let { url, method, body } = outgoing;
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(url, {
      method,
      headers: headers as unknown as Record<string, string>,
      signal,
      redirect: 'manual',
      dispatcher: egress.dispatcher,
      ...(body === undefined ? {} : { body }),
    });
    const location = response.headers.get('location');
    if (redirectStatuses.has(response.status) && location !== null) {
      await response.body?.cancel().catch(() => {});
      const next = nextUrl(url, location, method);
      if (redirects >= egress.limits.maxRedirects) throw tooManyRedirects(method, url, redirects);
      url = next;
      // 303 (and 301/302 after a POST, as browsers do) turn into a GET without a body.
      if (
        response.status === 303 ||
        (method === 'POST' && response.status !== 307 && response.status !== 308)
      ) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    const text = await readLimitedText(response, maxBytes, describeRequest(method, url));
    const base = { status: response.status, headers: response.headers as unknown as Headers, url };
    if (text.trim() === '') return { ...base, body: null, invalidJson: false };
    try {
      return { ...base, body: JSON.parse(text), invalidJson: false };
    } catch {
      const ok = response.status >= 200 && response.status < 300;
      return { ...base, body: ok ? null : text, invalidJson: ok };
    }
  }
}

/** The redirect target; EGRESS_REDIRECT_DENIED when it leaves the origin (credentials stay home). */
function nextUrl(from: string, location: string, method: string): string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    next = new URL('invalid:');
  }
  if (next.origin !== new URL(from).origin || next.username !== '' || next.password !== '')
    throw new PulseError('EGRESS_REDIRECT_DENIED', {
      message: `${describeRequest(method, from)} redirected to another origin; Pulse does not follow it.`,
    });
  return next.href;
}

function tooManyRedirects(method: string, url: string, count: number): PulseError {
  return new PulseError('EGRESS_REDIRECT_DENIED', {
    message: `${describeRequest(method, url)} redirected more than ${count} times.`,
    hint: 'Set the base URL to the address the source finally answers at.',
  });
}

const connectionCodes = new Set([
  'EGRESS_DENIED',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * A short, secret-free description of a network error: 'ECONNRESET', 'timeout after 30000 ms'.
 * Every way of not getting a connection (refused, no such host, denied by the egress policy)
 * reads 'cannot connect', so the answer does not tell which addresses and ports exist.
 */
export function describeNetworkError(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timeout after ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return connectionCodes.has(cause.code) ? 'cannot connect' : cause.code;
  return 'network error';
}
