import { describe, expect, it } from 'vitest';
import { jiraRateLimitPolicy } from './jira-rate-limit.ts';

const now = Date.parse('2026-03-02T10:00:00Z');
const answer = (status: number, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  body: null,
});

describe('Jira rate-limit policy', () => {
  it('waits as long as Retry-After says on 429 and 503', () => {
    expect(jiraRateLimitPolicy(answer(429, { 'retry-after': '7' }), { now, consecutive: 0 })).toEqual({
      until: now + 7000,
      retry: true,
      reason: 'jira retry-after',
    });
    expect(jiraRateLimitPolicy(answer(503, { 'retry-after': '2' }), { now, consecutive: 0 })?.until).toBe(
      now + 2000,
    );
  });

  it('without Retry-After, waits for X-RateLimit-Reset, else backs off from 10 s', () => {
    const reset = '2026-03-02T10:00:30Z';
    expect(
      jiraRateLimitPolicy(answer(429, { 'x-ratelimit-reset': reset }), { now, consecutive: 0 })?.until,
    ).toBe(Date.parse(reset));
    expect(jiraRateLimitPolicy(answer(429), { now, consecutive: 0 })?.until).toBe(now + 10_000);
    expect(jiraRateLimitPolicy(answer(429), { now, consecutive: 2 })?.until).toBe(now + 40_000);
  });

  it('waits for a Data Center token once the bucket is empty, without repeating the request', () => {
    const headers = {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-interval-seconds': '2',
      'x-ratelimit-fillrate': '4',
      'x-ratelimit-limit': '20',
    };
    expect(jiraRateLimitPolicy(answer(200, headers), { now, consecutive: 0 })).toEqual({
      until: now + 500,
      retry: false,
      reason: 'jira token bucket',
    });
    expect(
      jiraRateLimitPolicy(answer(200, { ...headers, 'x-ratelimit-remaining': '3' }), { now, consecutive: 0 }),
    ).toBe(undefined);
  });

  it('leaves 403 (a permission), 503 without Retry-After and plain answers alone', () => {
    expect(jiraRateLimitPolicy(answer(403, { 'retry-after': '5' }), { now, consecutive: 0 })).toBe(undefined);
    expect(jiraRateLimitPolicy(answer(503), { now, consecutive: 0 })).toBe(undefined);
    expect(jiraRateLimitPolicy(answer(200), { now, consecutive: 0 })).toBe(undefined);
  });
});
