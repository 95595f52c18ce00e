import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../support/fake-server.ts';

let server: FakeServer;

beforeEach(async () => {
  server = await startFakeServer();
});
afterEach(() => server.close());

describe('fake server', () => {
  it('listens on 127.0.0.1, routes by method and pattern, and logs requests', async () => {
    server.route('GET', '/repos/:owner/:repo', (req) => ({ json: { ...req.params, q: req.query.get('q') } }));
    server.route('GET', '/static/*', { body: 'anything', headers: { 'content-type': 'text/plain' } });

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const repo = await fetch(`${server.url}/repos/acme/my%20api?q=1`, { headers: { 'x-test': 'yes' } });
    expect(await repo.json()).toEqual({ owner: 'acme', repo: 'my api', q: '1' });
    expect(await (await fetch(`${server.url}/static/a/b.txt`)).text()).toBe('anything');
    expect((await fetch(`${server.url}/repos/acme/api`, { method: 'POST' })).status).toBe(404);

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /repos/acme/my%20api?q=1',
      'GET /static/a/b.txt',
      'POST /repos/acme/api',
    ]);
    expect(server.requests[0]?.headers['x-test']).toBe('yes');
  });

  it('applies a fault to the matching requests only, as many times as asked', async () => {
    server.route('GET', '/a', { json: 'a' });
    server.route('GET', '/b', { json: 'b' });
    server.fault({ status: 500, json: { message: 'down' } }, { path: '/b', times: 2 });

    const statuses = [];
    for (const path of ['/a', '/b', '/a', '/b', '/b']) statuses.push((await fetch(server.url + path)).status);

    expect(statuses).toEqual([200, 500, 200, 500, 200]);
  });

  it('truncates a body under a full Content-Length and resets connections', async () => {
    server.route('GET', '/cut', { json: { text: 'x'.repeat(100) }, truncate: 10 });
    server.route('GET', '/reset', { reset: true });

    const cut = await fetch(`${server.url}/cut`);
    expect(cut.headers.get('content-length')).toBe('111');
    await expect(cut.text()).rejects.toThrow();
    await expect(fetch(`${server.url}/reset`)).rejects.toThrow('fetch failed');
  });

  it('replaces a route registered again and closes despite hanging requests', async () => {
    server.route('GET', '/x', { json: 1 });
    server.route('GET', '/x', { json: 2 });
    expect(await (await fetch(`${server.url}/x`)).json()).toBe(2);

    server.route('GET', '/hang', { hang: true });
    const pending = fetch(`${server.url}/hang`).catch(() => 'closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.inFlight).toBe(1);
    await server.close();
    expect(await pending).toBe('closed');
  });
});
