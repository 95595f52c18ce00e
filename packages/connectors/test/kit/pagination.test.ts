import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, paginateLink, type HttpClient } from '../../src/index.ts';
import { startFakeServer, type FakeServer, type FakeRequest } from '../support/fake-server.ts';
import { loopbackEgress } from '../support/egress.ts';

let server: FakeServer;
let http: HttpClient;

/** Pages of 2 over items 1..5, linked like GitHub does (absolute URLs). */
function pagedItems(req: FakeRequest) {
  const page = Number(req.query.get('page') ?? '1');
  const items = [1, 2, 3, 4, 5].slice((page - 1) * 2, page * 2);
  const link =
    page < 3
      ? `<${server.url}/items?per_page=2&page=${page + 1}>; rel="next", <${server.url}/items?per_page=2&page=3>; rel="last"`
      : undefined;
  return { json: items, headers: { etag: `"p${page}"`, ...(link && { link }) } };
}

beforeEach(async () => {
  server = await startFakeServer();
  server.route('GET', '/items', pagedItems);
  http = createHttpClient({ egress: loopbackEgress, baseUrl: server.url });
});
afterEach(() => server.close());

describe('paginateLink', () => {
  it('yields each page until there is no rel="next"', async () => {
    const pages: number[][] = [];
    for await (const page of paginateLink<number[]>(http, '/items?per_page=2')) pages.push(page.body);

    expect(pages).toEqual([[1, 2], [3, 4], [5]]);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/items?per_page=2',
      '/items?per_page=2&page=2',
      '/items?per_page=2&page=3',
    ]);
  });

  it('sends the ETag with the first page only and stops on 304', async () => {
    server.route('GET', '/items', (req) =>
      req.headers['if-none-match'] === '"p1"' ? { status: 304 } : pagedItems(req),
    );

    const pages = [];
    for await (const page of paginateLink(http, '/items?per_page=2', { etag: '"p1"' })) pages.push(page);

    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ notModified: true, etag: '"p1"' });
  });

  it('stops after maxPages, and the caller can stop early by breaking', async () => {
    const seen: unknown[] = [];
    for await (const page of paginateLink(http, '/items?per_page=2', { maxPages: 2 })) seen.push(page.body);
    expect(seen).toHaveLength(2);

    for await (const page of paginateLink(http, '/items?per_page=2')) {
      seen.push(page.body);
      break;
    }
    expect(server.requests).toHaveLength(3);
  });

  it('fails instead of looping when a page links back to itself', async () => {
    server.route('GET', '/loop', { json: [], headers: { link: `<${server.url}/loop>; rel="next"` } });
    const walk = async () => {
      for await (const _ of paginateLink(http, `${server.url}/loop`)) void _;
    };
    await expect(walk()).rejects.toThrow('pagination loop: /loop was already read');
  });

  it('passes headers and the signal to every page', async () => {
    const controller = new AbortController();
    for await (const _ of paginateLink(http, '/items?per_page=2', {
      headers: { accept: 'application/vnd.github+json' },
      signal: controller.signal,
    }))
      void _;
    expect(server.requests.map((r) => r.headers.accept)).toEqual(
      Array(3).fill('application/vnd.github+json'),
    );
  });
});
