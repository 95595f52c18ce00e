/**
 * The HTTP client behind the `HttpClient` port (client.ts), on Node's built-in fetch.
 *
 * One request runs this loop: wait for a concurrency slot → wait out any rate-limit gate → send
 * and parse under a per-attempt timeout → decide. Rate-limited answers wait exactly as the source
 * says and are not retries; network errors, timeouts, 500/502/503/504 and truncated JSON are
 * retried with full-jitter backoff; other 4xx fail at once unless the caller accepts the status.
 */
import { isPulseError } from '@pulse/core';
import type { HttpClient, HttpRequest, HttpResponse, HttpStats } from './client.ts';
import { createSemaphore } from '../concurrency.ts';
import { abortError, guard } from './abort.ts';
import { normaliseBaseUrl } from './egress/base-url.ts';
import { describeRequest, exhausted, stillLimited, type Failure, type NetworkFailure } from './failures.ts';
import { buildHeaders, resolveUrl, secretValues } from './outgoing.ts';
import { settle } from './settle.ts';
import type { HttpClientOptions } from './options.ts';
import { retryAfterRateLimitPolicy } from './rate-limit.ts';
import { createRateGate } from './rate-gate.ts';
import { describeNetworkError, sendOnce, type Answer } from './send-once.ts';
import { abortableSleep, backoffDelay } from './timing.ts';

/** Builds a client for one integration; see HttpClientOptions for the defaults. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const { egress } = options;
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? egress.limits.timeoutMs;
  const maxBytes = options.maxResponseBytes ?? egress.limits.maxResponseBytes;
  const maxRetries = options.maxRetries ?? 5;
  const maxRateLimitWaits = options.maxRateLimitWaits ?? 20;
  const policy = options.rateLimit ?? retryAfterRateLimitPolicy;
  const { log, onEvent } = options;
  const secrets = secretValues(options.headers ?? {});
  const stats: HttpStats = { requests: 0, retries: 0, notModified: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 };
  const semaphore = createSemaphore(options.concurrency ?? 4);
  const gate = createRateGate({
    now,
    sleep,
    maxWaitMs: options.maxRateLimitWaitMs ?? 3_600_000,
    onWait(ms, until, reason) {
      stats.rateLimitWaits++;
      stats.rateLimitWaitMs += ms;
      log?.warn({ ms, until: new Date(until).toISOString(), reason }, 'waiting for the source rate limit');
      onEvent?.({ type: 'rate_limit_wait', ms, until: new Date(until).toISOString(), reason });
    },
  });

  async function exchange(
    outgoing: Omit<Parameters<typeof sendOnce>[0], 'signal' | 'egress' | 'maxBytes'>,
    where: string,
    isRetry: boolean,
    signal?: AbortSignal,
  ): Promise<Answer | NetworkFailure> {
    const release = await guard(semaphore.acquire(signal), signal);
    try {
      await guard(gate.wait(where, signal), signal);
      stats.requests++;
      if (isRetry) stats.retries++;
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        const attempt = signal ? AbortSignal.any([signal, timeout]) : timeout;
        return await sendOnce({ ...outgoing, egress, maxBytes, signal: attempt });
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        // Oversized bodies and cross-origin redirects are answers, not network hiccups: no retry.
        if (isPulseError(error)) throw error;
        return { error: describeNetworkError(error, timeout.aborted, timeoutMs) };
      }
    } finally {
      release();
    }
  }

  async function request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    const method = req.method ?? 'GET';
    const url = resolveUrl(baseUrl, req.url);
    const where = describeRequest(method, url);
    const outgoing = {
      url,
      method,
      headers: buildHeaders(options, req),
      body: req.json === undefined ? undefined : JSON.stringify(req.json),
    };
    let retries = 0;
    let limited = 0;
    let isRetry = false;
    for (;;) {
      const answer = await exchange(outgoing, where, isRetry, req.signal);
      isRetry = false;
      let failure: Failure;
      if ('error' in answer) failure = answer;
      else {
        const decision = policy(answer, { now: now(), consecutive: limited });
        if (decision) gate.close(decision);
        if (decision?.retry) {
          if (++limited > maxRateLimitWaits) throw stillLimited(where, limited - 1);
          continue;
        }
        limited = 0;
        const done = settle<T>(answer, req, where, secrets);
        if (done) {
          if (done.notModified) stats.notModified++;
          return done;
        }
        failure = { status: answer.status, invalidJson: answer.invalidJson };
      }
      if (retries >= maxRetries) throw exhausted(where, failure, retries + 1);
      retries++;
      const delayMs = backoffDelay(
        retries,
        random,
        options.retryBaseMs ?? 1000,
        options.retryMaxDelayMs ?? 30_000,
      );
      const cause = 'error' in failure ? { error: failure.error } : { status: failure.status };
      log?.debug({ request: where, attempt: retries, ...cause, delayMs }, 'retrying request');
      onEvent?.({ type: 'retry', attempt: retries, ...cause, delayMs });
      await guard(sleep(delayMs, req.signal), req.signal);
      isRetry = true;
    }
  }

  return { request, stats };
}
