/**
 * The client against GitHub's real recorded responses (@octokit/fixtures), replayed through the
 * fake server: Link pagination, validation errors, a 404 and a renamed repository's redirect.
 * @octokit/fixtures has no rate-limit scenario; rate limits are covered in rate-limits.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, githubRateLimitPolicy, paginateLink, type HttpClient } from '../../src/index.ts';
import { startFakeServer, type FakeServer } from '../support/fake-server.ts';
import { loadOctokitScenario, replayRecording } from '../support/replay-recording.ts';
import { loopbackEgress } from '../support/egress.ts';

let server: FakeServer;
let http: HttpClient;

beforeEach(async () => {
  server = await startFakeServer();
  http = createHttpClient({
    egress: loopbackEgress,
    baseUrl: server.url,
    headers: {
      authorization: 'token 0000000000000000000000000000000000000001',
      accept: 'application/vnd.github.v3+json',
    },
    rateLimit: githubRateLimitPolicy,
    sleep: () => Promise.reject(new Error('no recorded scenario should make the client wait')),
  });
});
afterEach(() => server.close());

describe('@octokit/fixtures replay', () => {
  it('paginate-issues: follows rel="next" through all 5 recorded pages', async () => {
    const replay = replayRecording(server, loadOctokitScenario('paginate-issues'));
    const pages: number[][] = [];

    for await (const page of paginateLink<{ number: number }[]>(
      http,
      '/repos/octokit-fixture-org/paginate-issues/issues?per_page=3',
    )) {
      pages.push(page.body.map((issue) => issue.number));
    }

    expect(pages).toEqual([[13, 12, 11], [10, 9, 8], [7, 6, 5], [4, 3, 2], [1]]);
    expect(replay.pending()).toEqual([]);
    expect(replay.unmatched).toEqual([]);
    expect(http.stats).toMatchObject({ requests: 5, retries: 0, rateLimitWaits: 0 });
  });

  it('errors: a recorded 422 becomes SOURCE_HTTP_ERROR with the status and path, without GitHub’s body', async () => {
    replayRecording(server, loadOctokitScenario('errors'));

    const error = await http
      .request({
        method: 'POST',
        url: '/repos/octokit-fixture-org/errors/labels',
        json: { name: 'foo', color: 'invalid' },
      })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'SOURCE_HTTP_ERROR' });
    expect((error as Error).message).toBe('POST /repos/octokit-fixture-org/errors/labels answered 422.');
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ name: 'foo', color: 'invalid' });
  });

  it('branch-protection: a recorded 404 is returned as a value when accepted', async () => {
    replayRecording(server, loadOctokitScenario('branch-protection'));

    const response = await http.request<{ message: string }>({
      url: '/repos/octokit-fixture-org/branch-protection/branches/main/protection',
      acceptStatus: [404],
    });

    expect(response.status).toBe(404);
    expect(response.body.message).toBe('Branch not protected');
  });

  it('rename-repository: follows the recorded 301 of a renamed repository', async () => {
    const recorded = loadOctokitScenario('rename-repository');
    replayRecording(
      server,
      recorded.filter((e) => e.method === 'get'),
    );

    const response = await http.request<{ name: string; id: number }>({
      url: '/repos/octokit-fixture-org/rename-repository',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 1000, name: 'rename-repository-newname' });
    expect(response.url).toBe(`${server.url}/repositories/1000`);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/repos/octokit-fixture-org/rename-repository',
      '/repositories/1000',
    ]);
  });

  it('get-repository: exposes the recorded ETag and rate-limit headers', async () => {
    replayRecording(server, loadOctokitScenario('get-repository'));

    const response = await http.request<{ full_name: string }>({
      url: '/repos/octokit-fixture-org/hello-world',
    });

    expect(response.body.full_name).toBe('octokit-fixture-org/hello-world');
    expect(response.etag).toMatch(/^(W\/)?"[0-9a-f]+"$/);
    expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
  });
});
