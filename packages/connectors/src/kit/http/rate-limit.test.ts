import { describe, expect, it } from 'vitest';
import { githubRateLimitPolicy } from './github-rate-limit.ts';
import { parseRetryAfter, retryAfterRateLimitPolicy } from './rate-limit.ts';

const now = Date.parse('2025-03-01T12:00:00Z');
const answer = (status: number, headers: Record<string, string>, body: unknown = null) => ({
  status,
  headers: new Headers(headers),
  body,
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores garbage', () => {
    expect(parseRetryAfter('120', now)).toBe(now + 120_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:10 GMT', now)).toBe(now + 10_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(now); // past date: go now
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('retryAfterRateLimitPolicy', () => {
  it('honours Retry-After on 429, 503 and 403 only', () => {
    const ctx = { now, consecutive: 0 };
    expect(retryAfterRateLimitPolicy(answer(429, { 'retry-after': '3' }), ctx)).toEqual({
      until: now + 3000,
      retry: true,
      reason: 'retry-after',
    });
    expect(retryAfterRateLimitPolicy(answer(503, { 'retry-after': '3' }), ctx)?.until).toBe(now + 3000);
    expect(retryAfterRateLimitPolicy(answer(403, { 'retry-after': '3' }), ctx)?.until).toBe(now + 3000);
    expect(retryAfterRateLimitPolicy(answer(500, { 'retry-after': '3' }), ctx)).toBeUndefined();
    expect(retryAfterRateLimitPolicy(answer(429, {}), ctx)).toBeUndefined();
  });
});

describe('githubRateLimitPolicy', () => {
  const reset = String(now / 1000 + 600);

  it('prefers retry-after over the reset time, as GitHub documents', () => {
    const decision = githubRateLimitPolicy(
      answer(403, { 'retry-after': '30', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }),
      { now, consecutive: 0 },
    );
    expect(decision).toEqual({ until: now + 30_000, retry: true, reason: 'retry-after' });
  });

  it('grows the secondary-limit wait from one minute, doubling per refusal in a row', () => {
    const secondary = answer(403, {}, { message: 'You have exceeded a secondary rate limit.' });
    expect(
      [0, 1, 2].map((consecutive) => githubRateLimitPolicy(secondary, { now, consecutive })?.until),
    ).toEqual([now + 60_000, now + 120_000, now + 240_000]);
  });

  it('recognises the older "abuse detection" wording of GitHub Enterprise Server', () => {
    const abuse = answer(403, {}, { message: 'You have triggered an abuse detection mechanism.' });
    expect(githubRateLimitPolicy(abuse, { now, consecutive: 0 })?.reason).toBe('github secondary limit');
  });

  it('holds the next request after an answer that spent the quota, even a 404', () => {
    const spent = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset };
    expect(githubRateLimitPolicy(answer(200, spent), { now, consecutive: 0 })).toEqual({
      until: now + 601_000,
      retry: false,
      reason: 'github primary limit',
    });
    expect(githubRateLimitPolicy(answer(404, spent), { now, consecutive: 0 })?.retry).toBe(false);
  });

  it('ignores answers with quota left, stale resets and permission 403s', () => {
    const ctx = { now, consecutive: 0 };
    expect(
      githubRateLimitPolicy(answer(200, { 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': reset }), ctx),
    ).toBeUndefined();
    expect(
      githubRateLimitPolicy(
        answer(200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 - 60) }),
        ctx,
      ),
    ).toBeUndefined();
    expect(
      githubRateLimitPolicy(answer(403, { 'x-ratelimit-remaining': '4000' }, { message: 'Forbidden' }), ctx),
    ).toBeUndefined();
  });
});

describe('githubRateLimitPolicy on a 503', () => {
  it('honours Retry-After like the generic policy', () => {
    const decision = githubRateLimitPolicy(answer(503, { 'retry-after': '20' }), { now, consecutive: 0 });
    expect(decision).toEqual({ until: now + 20_000, retry: true, reason: 'retry-after' });
  });
});
