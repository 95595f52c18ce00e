/**
 * GitHub's REST rate-limit rules, in the order GitHub documents them:
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#handle-rate-limit-errors-appropriately
 *
 * 1. `retry-after` present → wait that many seconds.
 * 2. `x-ratelimit-remaining: 0` → primary limit: wait until `x-ratelimit-reset` (epoch seconds).
 * 3. Otherwise a secondary limit ("secondary rate limit" in the message) → wait at least one
 *    minute, growing exponentially while the limit persists.
 * A 403 matching none of these is a permission problem, not a limit, so it is left to the client.
 *
 * GraphQL answers a spent budget differently: HTTP 200 with `errors[].type` `RATE_LIMIT` (older
 * servers `RATE_LIMITED`) and no data. That is a primary limit when `x-ratelimit-remaining` is 0
 * (wait until `x-ratelimit-reset`), otherwise a secondary one (points per minute, concurrency):
 * https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api
 */
import { parseRetryAfter, retryAfterRateLimitPolicy, type RateLimitPolicy } from './rate-limit.ts';

/** Added to x-ratelimit-reset: GitHub's clock and ours differ, and the reset second is inclusive. */
const resetMarginMs = 1000;
const secondaryMinimumMs = 60_000;

/** The policy the GitHub connector uses (cloud and Enterprise Server). */
export const githubRateLimitPolicy: RateLimitPolicy = (response, { now, consecutive }) => {
  const { status, headers } = response;
  const remaining = headers.get('x-ratelimit-remaining');
  const resetAt = resetTime(headers.get('x-ratelimit-reset'));
  if (status === 403 || status === 429) {
    const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
    const secondary = isSecondaryLimit(response.body);
    if (retryAfter !== undefined) {
      return { until: retryAfter, retry: true, reason: secondary ? 'github secondary limit' : 'retry-after' };
    }
    if (remaining === '0' && resetAt !== undefined) {
      return { until: Math.max(now, resetAt + resetMarginMs), retry: true, reason: 'github primary limit' };
    }
    if (secondary || status === 429) {
      const until = now + secondaryMinimumMs * 2 ** consecutive;
      return { until, retry: true, reason: 'github secondary limit' };
    }
    return undefined; // a 403 that is about permissions
  }
  if (status === 200 && isGraphqlRateLimit(response.body)) {
    const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
    if (retryAfter !== undefined) return { until: retryAfter, retry: true, reason: 'github graphql limit' };
    if (remaining === '0' && resetAt !== undefined) {
      return { until: Math.max(now, resetAt + resetMarginMs), retry: true, reason: 'github graphql limit' };
    }
    return {
      until: now + secondaryMinimumMs * 2 ** consecutive,
      retry: true,
      reason: 'github graphql limit',
    };
  }
  if (status === 503) return retryAfterRateLimitPolicy(response, { now, consecutive });
  // Proactive: this answer spent the last request of the window; the next one would be refused.
  if (remaining === '0' && resetAt !== undefined && resetAt + resetMarginMs > now) {
    return { until: resetAt + resetMarginMs, retry: false, reason: 'github primary limit' };
  }
  return undefined;
};

function resetTime(value: string | null): number | undefined {
  if (value == null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value) * 1000;
}

const graphqlLimitTypes = new Set(['RATE_LIMIT', 'RATE_LIMITED']);

function isGraphqlRateLimit(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((e) => graphqlLimitTypes.has((e as { type?: unknown } | null)?.type as string))
  );
}

function isSecondaryLimit(body: unknown): boolean {
  const message = typeof body === 'string' ? body : (body as { message?: unknown } | null)?.message;
  // Older GitHub Enterprise Server versions still say "abuse detection mechanism".
  return typeof message === 'string' && /secondary rate limit|abuse detection/i.test(message);
}
