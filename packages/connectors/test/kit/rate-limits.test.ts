import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  githubRateLimitPolicy,
  type HttpClientOptions,
  type HttpEvent,
} from '../../src/index.ts';
import { startFakeServer, type FakeServer } from '../support/fake-server.ts';
import { fakeTime, type FakeTime } from '../support/fake-time.ts';
import { loopbackEgress } from '../support/egress.ts';

let server: FakeServer;
let time: FakeTime;
let events: HttpEvent[];

beforeEach(async () => {
  server = await startFakeServer();
  server.route('GET', '/items', { json: [{ id: 1 }] });
  time = fakeTime(); // 2025-03-01T12:00:00Z
  events = [];
});
afterEach(() => server.close());

function client(options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    egress: loopbackEgress,
    baseUrl: server.url,
    sleep: time.sleep,
    now: time.now,
    onEvent: (e) => events.push(e),
    ...options,
  });
}

const epochSeconds = (iso: string) => String(Date.parse(iso) / 1000);

describe('generic Retry-After policy', () => {
  it('waits exactly Retry-After seconds on a 429, without counting a retry', async () => {
    server.fault({ status: 429, headers: { 'retry-after': '7' }, json: { message: 'slow down' } });
    const http = client();

    const response = await http.request({ url: '/items' });

    expect(response.body).toEqual([{ id: 1 }]);
    expect(time.sleeps).toEqual([7000]);
    expect(http.stats).toEqual({
      requests: 2,
      retries: 0,
      notModified: 0,
      rateLimitWaits: 1,
      rateLimitWaitMs: 7000,
    });
    expect(events).toEqual([
      { type: 'rate_limit_wait', ms: 7000, until: '2025-03-01T12:00:07.000Z', reason: 'retry-after' },
    ]);
  });

  it('waits until a Retry-After HTTP date', async () => {
    server.fault({ status: 503, headers: { 'retry-after': 'Sat, 01 Mar 2025 12:02:30 GMT' } });
    const http = client();

    await http.request({ url: '/items' });

    expect(time.sleeps).toEqual([150_000]);
    expect(http.stats.retries).toBe(0);
  });

  it('does not let rate-limit waits use up the retries', async () => {
    for (let i = 0; i < 3; i++) server.fault({ status: 429, headers: { 'retry-after': '1' } });
    server.fault({ status: 500 });
    const http = client({ maxRetries: 1, random: () => 0 });

    await expect(http.request({ url: '/items' })).resolves.toMatchObject({ status: 200 });
    expect(http.stats).toMatchObject({ requests: 5, retries: 1, rateLimitWaits: 3, rateLimitWaitMs: 3000 });
  });

  it('fails with SOURCE_RATE_LIMITED, saying when the limit resets, instead of waiting too long', async () => {
    server.fault({ status: 429, headers: { 'retry-after': '7200' } });
    const error = await client()
      .request({ url: '/items' })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    expect((error as Error).message).toBe(
      'GET /items: retry-after asks to wait 120 min (until 2025-03-01T14:00:00.000Z), longer than the 60 min Pulse waits at most.',
    );
    expect((error as { hint: string }).hint).toContain('resets at 2025-03-01T14:00:00.000Z');
    expect(time.sleeps).toEqual([]);
  });

  it('gives up after maxRateLimitWaits refusals in a row', async () => {
    server.fault({ status: 429, headers: { 'retry-after': '1' } }, { times: 10 });
    const error = await client({ maxRateLimitWaits: 3 })
      .request({ url: '/items' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    expect(server.requests).toHaveLength(4);
  });
});

describe('GitHub policy', () => {
  const github = (options: Partial<HttpClientOptions> = {}) =>
    client({ rateLimit: githubRateLimitPolicy, ...options });

  it.each([403, 429])(
    'waits out the primary limit (%i, remaining 0) until x-ratelimit-reset + 1 s',
    async (status) => {
      server.fault({
        status,
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': epochSeconds('2025-03-01T12:10:00Z'),
        },
        json: { message: 'API rate limit exceeded for user ID 1.' },
      });
      const http = github();

      await http.request({ url: '/items' });

      expect(time.sleeps).toEqual([601_000]);
      expect(events).toEqual([
        {
          type: 'rate_limit_wait',
          ms: 601_000,
          until: '2025-03-01T12:10:01.000Z',
          reason: 'github primary limit',
        },
      ]);
      expect(http.stats).toMatchObject({ requests: 2, retries: 0, rateLimitWaits: 1 });
    },
  );

  // GraphQL reports a spent budget as HTTP 200 with errors and no data, not as 403/429.
  it.each(['RATE_LIMIT', 'RATE_LIMITED'])(
    'waits out a GraphQL primary limit (200 with errors[].type %s) until x-ratelimit-reset + 1 s',
    async (type) => {
      server.fault({
        status: 200,
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': epochSeconds('2025-03-01T12:20:00Z'),
        },
        json: { errors: [{ type, message: 'API rate limit exceeded for user ID 1.' }] },
      });
      const http = github();

      const response = await http.request({ url: '/items' });

      expect(response.body).toEqual([{ id: 1 }]);
      expect(time.sleeps).toEqual([1_201_000]);
      expect(events).toEqual([
        {
          type: 'rate_limit_wait',
          ms: 1_201_000,
          until: '2025-03-01T12:20:01.000Z',
          reason: 'github graphql limit',
        },
      ]);
      expect(http.stats).toMatchObject({ requests: 2, retries: 0, rateLimitWaits: 1 });
    },
  );

  it('waits a GraphQL secondary limit (200, RATE_LIMIT, budget left) one minute, then longer', async () => {
    server.fault(
      {
        status: 200,
        headers: { 'x-ratelimit-remaining': '4000' },
        json: { errors: [{ type: 'RATE_LIMIT', message: 'You have exceeded a secondary rate limit.' }] },
      },
      { times: 2 },
    );
    const http = github();

    await http.request({ url: '/items' });

    expect(time.sleeps).toEqual([60_000, 120_000]);
    expect(http.stats).toMatchObject({ requests: 3, retries: 0, rateLimitWaits: 2 });
  });

  it('passes GraphQL errors that are not limits through to the caller', async () => {
    server.fault({ status: 200, json: { errors: [{ type: 'NOT_FOUND', message: 'no such repository' }] } });
    const http = github();

    const response = await http.request({ url: '/items' });

    expect(response.body).toEqual({ errors: [{ type: 'NOT_FOUND', message: 'no such repository' }] });
    expect(time.sleeps).toEqual([]);
  });

  it('waits retry-after on a secondary limit', async () => {
    server.fault({
      status: 403,
      headers: { 'retry-after': '45', 'x-ratelimit-remaining': '4000' },
      json: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
    });
    await github().request({ url: '/items' });

    expect(time.sleeps).toEqual([45_000]);
    expect(events[0]).toMatchObject({ reason: 'github secondary limit' });
  });

  it('waits one minute, then exponentially longer, on a secondary limit without retry-after', async () => {
    const secondary = {
      status: 403,
      headers: { 'x-ratelimit-remaining': '4000' },
      json: {
        message:
          'You have exceeded a secondary rate limit and have been temporarily blocked from content creation.',
      },
    };
    server.fault(secondary, { times: 3 });
    const http = github();

    await http.request({ url: '/items' });

    expect(time.sleeps).toEqual([60_000, 120_000, 240_000]);
    expect(http.stats).toMatchObject({
      requests: 4,
      retries: 0,
      rateLimitWaits: 3,
      rateLimitWaitMs: 420_000,
    });
  });

  it('treats a 403 without limit signs as a permission failure', async () => {
    server.fault({
      status: 403,
      headers: { 'x-ratelimit-remaining': '4999' },
      json: { message: 'Must have admin rights to Repository.' },
    });
    const error = await github()
      .request({ url: '/items' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOURCE_AUTH_FAILED' });
    expect((error as Error).message).toBe('GET /items answered 403.');
  });

  it('returns a good answer that spent the quota, then holds the next request until the reset', async () => {
    server.fault({
      json: [{ id: 0 }],
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epochSeconds('2025-03-01T12:00:30Z') },
    });
    const http = github();

    const first = await http.request({ url: '/items' });
    expect(first.body).toEqual([{ id: 0 }]);
    expect(time.sleeps).toEqual([]);

    await http.request({ url: '/items' });
    expect(time.sleeps).toEqual([31_000]);
    expect(server.requests).toHaveLength(2);
    expect(http.stats).toMatchObject({ requests: 2, rateLimitWaits: 1, rateLimitWaitMs: 31_000 });
  });

  it('fails with SOURCE_RATE_LIMITED when the primary reset is beyond maxRateLimitWaitMs', async () => {
    server.fault({
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epochSeconds('2025-03-01T12:30:00Z') },
      json: { message: 'API rate limit exceeded' },
    });
    const error = await github({ maxRateLimitWaitMs: 10 * 60_000 })
      .request({ url: '/items' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOURCE_RATE_LIMITED' });
    expect((error as { hint: string }).hint).toContain('2025-03-01T12:30:01.000Z');
  });

  it('makes every request of the client wait for a limit one of them hit', async () => {
    server.fault({ status: 429, headers: { 'retry-after': '5' } }, { path: '/items' });
    server.route('GET', '/other', { json: { ok: true } });
    const http = github({ concurrency: 1 });

    const [a, b] = await Promise.all([http.request({ url: '/items' }), http.request({ url: '/other' })]);

    expect([a.status, b.status]).toEqual([200, 200]);
    // /items was refused; /other, queued behind it, waited for the same gate (counted once).
    expect(server.requests.map((r) => r.path)).toEqual(['/items', '/other', '/items']);
    expect(time.sleeps).toEqual([5000]);
    expect(http.stats.rateLimitWaits).toBe(1);
  });
});

describe('abort', () => {
  it('stops a rate-limit wait at once when the caller aborts', async () => {
    server.fault({ status: 429, headers: { 'retry-after': '30' } });
    const http = createHttpClient({ egress: loopbackEgress, baseUrl: server.url }); // real clock and sleep
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);

    const error = await http.request({ url: '/items', signal: controller.signal }).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });
});
