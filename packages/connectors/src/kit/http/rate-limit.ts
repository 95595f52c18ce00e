/**
 * Rate-limit policies: pure functions that read a response and say how long the source wants us
 * to wait. The client applies the decision to the whole client (all in-flight requests share the
 * source's quota), so one 429 pauses every request of the integration, not only the one that got it.
 */

/** What a policy sees of a response. `body` is parsed JSON, the raw text if it is not JSON, or null. */
export interface RateLimitResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface RateLimitContext {
  /** Epoch milliseconds (the client's clock). */
  readonly now: number;
  /** How many rate-limited answers this request got in a row before this one (0 the first time). */
  readonly consecutive: number;
}

export interface RateLimitDecision {
  /** Epoch milliseconds before which no request may be sent. */
  readonly until: number;
  /**
   * true: this response was refused by the limit and the request is sent again after the wait.
   * false: this response is good, but the quota is spent, so the next request waits (proactive).
   */
  readonly retry: boolean;
  /** Short and log-safe, e.g. 'retry-after', 'github primary limit'. */
  readonly reason: string;
}

/** Reads a response; undefined when it says nothing about rate limits. */
export type RateLimitPolicy = (
  response: RateLimitResponse,
  context: RateLimitContext,
) => RateLimitDecision | undefined;

/**
 * Parses Retry-After (delay-seconds or an HTTP date, RFC 9110 §10.2.3) into an epoch-ms deadline.
 * Returns undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return now + Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(now, date);
}

const retryAfterStatuses = new Set([403, 429, 503]);

/** The generic policy: honours Retry-After on 403, 429 and 503 (Jira and most REST APIs). */
export const retryAfterRateLimitPolicy: RateLimitPolicy = (response, { now }) => {
  if (!retryAfterStatuses.has(response.status)) return undefined;
  const until = parseRetryAfter(response.headers.get('retry-after'), now);
  return until === undefined ? undefined : { until, retry: true, reason: 'retry-after' };
};
