import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/index.ts';
import { startFakeServer, type FakeServer } from '../support/fake-server.ts';
import { loopbackEgress } from '../support/egress.ts';

let server: FakeServer;

beforeEach(async () => {
  server = await startFakeServer();
  server.route('GET', '/items', { json: [{ id: 1 }] });
});
afterEach(() => server.close());

const noBackoff = { sleep: () => Promise.resolve(), random: () => 0 };

describe('timeouts', () => {
  it('times out an attempt that never answers, retries, and reports the timeout', async () => {
    server.fault({ hang: true }, { times: 10 });
    const http = createHttpClient({
      egress: loopbackEgress,
      baseUrl: server.url,
      timeoutMs: 100,
      maxRetries: 1,
      ...noBackoff,
    });
    const started = Date.now();

    const error = await http.request({ url: '/items' }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect((error as Error).message).toBe('GET /items failed 2 times in a row; last: timeout after 100 ms.');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(http.stats).toMatchObject({ requests: 2, retries: 1 });
  });

  it('applies the timeout per attempt: a slow first attempt does not doom the retry', async () => {
    server.fault({ delayMs: 400, json: [] });
    const http = createHttpClient({
      egress: loopbackEgress,
      baseUrl: server.url,
      timeoutMs: 150,
      ...noBackoff,
    });

    await expect(http.request({ url: '/items' })).resolves.toMatchObject({ body: [{ id: 1 }] });
    expect(http.stats.retries).toBe(1);
  });

  it('covers reading the body, not only the headers', async () => {
    server.route('GET', '/slow-body', { json: { items: [1, 2, 3] }, stallAfter: 5 });
    const http = createHttpClient({
      egress: loopbackEgress,
      baseUrl: server.url,
      timeoutMs: 200,
      maxRetries: 0,
      ...noBackoff,
    });
    const error = await http.request({ url: '/slow-body' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect((error as Error).message).toContain('timeout after 200 ms');
  });
});

describe('abort', () => {
  it('rejects with an AbortError when the caller aborts a request in flight, without retrying', async () => {
    server.fault({ hang: true });
    const http = createHttpClient({ egress: loopbackEgress, baseUrl: server.url, ...noBackoff });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const error = await http.request({ url: '/items', signal: controller.signal }).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'AbortError' });
    expect(http.stats).toMatchObject({ requests: 1, retries: 0 });
  });

  it('stops a backoff sleep when the caller aborts', async () => {
    server.fault({ status: 500 }, { times: 10 });
    const http = createHttpClient({
      egress: loopbackEgress,
      baseUrl: server.url,
      retryBaseMs: 60_000,
      random: () => 0.99,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();

    await expect(http.request({ url: '/items', signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const http = createHttpClient({ egress: loopbackEgress, baseUrl: server.url });
    await expect(http.request({ url: '/items', signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(server.requests).toHaveLength(0);
  });
});
