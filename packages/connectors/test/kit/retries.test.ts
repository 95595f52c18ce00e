import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PulseError } from '@pulse/core';
import { createHttpClient, type HttpClientOptions, type HttpEvent } from '../../src/index.ts';
import { startFakeServer, type FakeServer } from '../support/fake-server.ts';
import { fakeTime, type FakeTime } from '../support/fake-time.ts';
import { loopbackEgress } from '../support/egress.ts';

let server: FakeServer;
let time: FakeTime;
let events: HttpEvent[];

beforeEach(async () => {
  server = await startFakeServer();
  server.route('GET', '/items', { json: [{ id: 1 }] });
  time = fakeTime();
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

describe('retries', () => {
  it.each([
    ['500', { status: 500, json: { message: 'boom' } }],
    ['502', { status: 502, body: '<html>Bad gateway</html>' }],
    ['503 without Retry-After', { status: 503, body: '' }],
    ['504', { status: 504, body: '' }],
    ['a 200 with truncated JSON', { status: 200, body: '[{"id": 1}, {"i' }],
    [
      'a body cut off mid-transfer',
      { status: 200, json: [{ id: 1, title: 'x'.repeat(500) }], truncate: true },
    ],
    ['a connection reset', { reset: true }],
  ])('retries after %s and returns the next good answer', async (_name, fault) => {
    server.fault(fault, { times: 2 });
    const http = client();

    const response = await http.request({ url: '/items' });

    expect(response.body).toEqual([{ id: 1 }]);
    expect(server.requests).toHaveLength(3);
    expect(http.stats).toMatchObject({ requests: 3, retries: 2, rateLimitWaits: 0 });
    expect(events.map((e) => e.type)).toEqual(['retry', 'retry']);
  });

  it('backs off exponentially with full jitter: each delay is uniform in [0, base·2^(n-1))', async () => {
    server.fault({ status: 500 }, { times: 4 });
    const draws = [0.999, 0.5, 0, 0.25];
    const http = client({ random: () => draws.shift() ?? 0, retryBaseMs: 1000, retryMaxDelayMs: 5000 });

    await http.request({ url: '/items' });

    // ceilings 1000, 2000, 4000, then capped at 5000
    expect(time.sleeps).toEqual([999, 1000, 0, 1250]);
    expect(events).toEqual([
      { type: 'retry', attempt: 1, status: 500, delayMs: 999 },
      { type: 'retry', attempt: 2, status: 500, delayMs: 1000 },
      { type: 'retry', attempt: 3, status: 500, delayMs: 0 },
      { type: 'retry', attempt: 4, status: 500, delayMs: 1250 },
    ]);
  });

  it('keeps every delay within the jitter bounds with the real random source', async () => {
    server.fault({ status: 502 }, { times: 5 });
    await client({ retryBaseMs: 100, retryMaxDelayMs: 1000 }).request({ url: '/items' });

    expect(time.sleeps).toHaveLength(5);
    time.sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(Math.min(1000, 100 * 2 ** i));
    });
  });

  it('gives up after maxRetries with SOURCE_UNAVAILABLE naming the request and the last failure', async () => {
    server.fault({ status: 503 }, { times: 10 });
    const http = client({ maxRetries: 2 });

    const error = await http.request({ url: '/items?page=2&token=abc' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PulseError);
    expect(error).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect((error as Error).message).toBe('GET /items failed 3 times in a row; last: status 503.');
    expect(server.requests).toHaveLength(3);
  });

  it('reports a network error by its code when retries run out', async () => {
    server.fault({ reset: true }, { times: 10 });
    const error = await client({ maxRetries: 1 })
      .request({ url: '/items' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect((error as Error).message).toMatch(
      /^GET \/items failed 2 times in a row; last: (ECONNRESET|UND_ERR_SOCKET|other side closed)/,
    );
  });

  it('fails with SOURCE_RESPONSE_INVALID when the JSON stays broken', async () => {
    server.fault({ status: 200, body: '{"total_count": 3, "items": [' }, { times: 10 });
    const error = await client({ maxRetries: 1 })
      .request({ url: '/items' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOURCE_RESPONSE_INVALID' });
    expect((error as Error).message).toContain('GET /items answered 200 with a body that is not valid JSON');
  });

  it.each([404, 422, 400, 410])(
    'does not retry a %i and throws SOURCE_HTTP_ERROR with the status and path, never the source body',
    async (status) => {
      server.fault({
        status,
        json: {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
        },
      });
      const error = await client()
        .request({ url: '/items?access_token=secret123' })
        .catch((e: unknown) => e);

      expect(error).toMatchObject({ code: 'SOURCE_HTTP_ERROR', status: 502 });
      expect((error as Error).message).toBe(`GET /items answered ${status}.`);
      expect(server.requests).toHaveLength(1);
      expect(time.sleeps).toEqual([]);
    },
  );

  it('keeps Jira-style error bodies out of the message', async () => {
    server.fault({
      status: 400,
      json: { errorMessages: ["Field 'x' does not exist."], errors: { jql: 'bad' } },
    });
    const error = await client()
      .request({ method: 'POST', url: '/rest/api/3/search', json: { jql: 'x' } })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('POST /rest/api/3/search answered 400.');
  });

  it.each([
    [401, /token is missing, expired or revoked/],
    [403, /scopes or repository access/],
  ])('turns a %i into SOURCE_AUTH_FAILED with a hint', async (status, hint) => {
    server.fault({
      status,
      json: { message: status === 401 ? 'Bad credentials' : 'Resource not accessible by integration' },
    });
    const error = await client()
      .request({ url: '/items' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOURCE_AUTH_FAILED' });
    expect((error as PulseError).hint).toMatch(hint);
    expect(server.requests).toHaveLength(1);
  });

  it('returns an accepted status as a value, with its JSON body or null', async () => {
    server.fault({ status: 404, json: { message: 'Not Found' } });
    server.fault({ status: 409, body: 'conflict page' });
    const http = client();

    const notFound = await http.request({ url: '/items', acceptStatus: [404] });
    const conflict = await http.request({ url: '/items', acceptStatus: [409] });

    expect(notFound).toMatchObject({ status: 404, body: { message: 'Not Found' }, notModified: false });
    expect(conflict).toMatchObject({ status: 409, body: null });
  });
});
