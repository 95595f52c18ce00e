/**
 * Jira's rate limits, Cloud and Data Center:
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
 * https://confluence.atlassian.com/adminjiraserver/improving-instance-stability-with-rate-limiting-983794911.html
 *
 * 1. 429 (or 503) with Retry-After → wait that many seconds (both flavours send it).
 * 2. 429 without it, with X-RateLimit-Reset (Cloud: an ISO 8601 time) → wait until then.
 * 3. 429 with neither → wait 10 s, doubling while the limit persists.
 * 4. Data Center's token bucket: an answer with X-RateLimit-Remaining: 0 spent the last token;
 *    the next request waits until one refills (X-RateLimit-Interval-Seconds / X-RateLimit-FillRate).
 * A 403 is a permission problem on Jira, never a limit.
 */
import { parseRetryAfter, type RateLimitPolicy } from './rate-limit.ts';

const fallbackMs = 10_000;

export const jiraRateLimitPolicy: RateLimitPolicy = (response, { now, consecutive }) => {
  const { status, headers } = response;
  if (status === 429 || status === 503) {
    const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
    if (retryAfter !== undefined) return { until: retryAfter, retry: true, reason: 'jira retry-after' };
    if (status === 503) return undefined; // an outage, retried with backoff
    const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
    if (!Number.isNaN(reset) && reset > now)
      return { until: reset, retry: true, reason: 'jira rate limit reset' };
    return { until: now + fallbackMs * 2 ** consecutive, retry: true, reason: 'jira rate limit' };
  }
  if (status < 400 && headers.get('x-ratelimit-remaining')?.trim() === '0') {
    const interval = Number(headers.get('x-ratelimit-interval-seconds') ?? '');
    const fill = Number(headers.get('x-ratelimit-fillrate') ?? '');
    if (interval > 0 && fill > 0)
      return { until: now + Math.ceil((interval / fill) * 1000), retry: false, reason: 'jira token bucket' };
  }
  return undefined;
};
