import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/index.ts';
import { startFakeServer, type FakeServer } from '../support/fake-server.ts';
import { loopbackEgress } from '../support/egress.ts';

let server: FakeServer;

beforeEach(async () => {
  server = await startFakeServer();
});
afterEach(() => server.close());

describe('requests', () => {
  it('joins relative URLs onto a base URL with a path prefix (GitHub Enterprise Server)', async () => {
    server.route('GET', '/api/v3/repos/:owner/:repo', (req) => ({ json: req.params }));
    const http = createHttpClient({ egress: loopbackEgress, baseUrl: `${server.url}/api/v3/` });

    const response = await http.request({ url: '/repos/acme/api' });

    expect(response.body).toEqual({ owner: 'acme', repo: 'api' });
    expect(response.url).toBe(`${server.url}/api/v3/repos/acme/api`);
  });

  it('sends default headers, the user agent, and JSON bodies', async () => {
    server.route('POST', '/graphql', (req) => ({ json: { echoed: JSON.parse(req.body) as unknown } }));
    const http = createHttpClient({
      egress: loopbackEgress,
      baseUrl: server.url,
      headers: { authorization: 'Bearer t0ken-value', accept: 'application/vnd.github+json' },
      userAgent: 'pulse-test/1.0',
    });

    const response = await http.request({
      method: 'POST',
      url: '/graphql',
      json: { query: '{ viewer { login } }' },
    });

    expect(response.body).toEqual({ echoed: { query: '{ viewer { login } }' } });
    const headers = server.requests[0]?.headers;
    expect(headers).toMatchObject({
      authorization: 'Bearer t0ken-value',
      accept: 'application/vnd.github+json',
      'user-agent': 'pulse-test/1.0',
      'content-type': 'application/json',
    });
  });

  it('returns null for an empty 204', async () => {
    server.route('DELETE', '/items/1', { status: 204 });
    const response = await createHttpClient({ egress: loopbackEgress, baseUrl: server.url }).request({
      method: 'DELETE',
      url: '/items/1',
    });
    expect(response).toMatchObject({ status: 204, body: null, notModified: false });
  });
});

describe('conditional requests', () => {
  it('sends If-None-Match and turns a 304 into notModified with a null body', async () => {
    server.route('GET', '/repos/acme/api/pulls', (req) =>
      req.headers['if-none-match'] === '"v1"'
        ? { status: 304, headers: { etag: '"v1"' } }
        : { json: [{ number: 1 }], headers: { etag: '"v1"' } },
    );
    const http = createHttpClient({ egress: loopbackEgress, baseUrl: server.url });

    const first = await http.request({ url: '/repos/acme/api/pulls' });
    const second = await http.request({ url: '/repos/acme/api/pulls', etag: first.etag ?? '' });

    expect(first).toMatchObject({ status: 200, etag: '"v1"', notModified: false, body: [{ number: 1 }] });
    expect(second).toMatchObject({ status: 304, etag: '"v1"', notModified: true, body: null });
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(http.stats).toMatchObject({ requests: 2, notModified: 1 });
  });
});

describe('concurrency', () => {
  it.each([1, 3])('never has more than %i requests in flight', async (limit) => {
    server.route('GET', '/slow/:n', (req) => ({ json: { n: Number(req.params.n) }, delayMs: 30 }));
    const http = createHttpClient({ egress: loopbackEgress, baseUrl: server.url, concurrency: limit });

    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, n) => http.request<{ n: number }>({ url: `/slow/${n}` })),
    );

    expect(responses.map((r) => r.body.n)).toEqual([...Array(12).keys()]);
    expect(server.maxInFlight).toBe(limit);
    expect(http.stats.requests).toBe(12);
  });

  it('frees the slot of a request during its backoff so others proceed', async () => {
    server.route('GET', '/ok', { json: 'ok' });
    server.fault({ status: 500 }, { path: '/flaky' });
    server.route('GET', '/flaky', { json: 'flaky' });
    const sleeps: number[] = [];
    const http = createHttpClient({
      egress: loopbackEgress,
      baseUrl: server.url,
      concurrency: 1,
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((resolve) => setTimeout(resolve, 100));
      },
    });

    await Promise.all([http.request({ url: '/flaky' }), http.request({ url: '/ok' })]);

    expect(server.requests.map((r) => r.path)).toEqual(['/flaky', '/ok', '/flaky']);
    expect(sleeps).toEqual([500]);
  });
});
