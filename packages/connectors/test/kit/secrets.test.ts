import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, githubRateLimitPolicy, type Logger } from '../../src/index.ts';
import { startFakeServer, type FakeServer, type FakeReply } from '../support/fake-server.ts';
import { loopbackEgress } from '../support/egress.ts';

const token = 'ghp_S3cretTokenValue0123456789abcdef';
let server: FakeServer;

beforeEach(async () => {
  server = await startFakeServer();
});
afterEach(() => server.close());

/** A logger that keeps every entry, to search it for the token. */
function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (obj: object, msg?: string) => void lines.push(JSON.stringify({ obj, msg }));
  return { lines, debug: keep, info: keep, warn: keep };
}

describe('secrets stay out of errors and logs', () => {
  it.each<[string, FakeReply]>([
    ['401', { status: 401, json: { message: 'Bad credentials' } }],
    ['404 echoing the token', { status: 404, json: { message: `No token ${token} here` } }],
    ['403 echoing the bearer header', { status: 403, body: `forbidden for Bearer ${token}` }],
    ['persistent 502', { status: 502, body: 'bad gateway' }],
    ['too-long rate limit', { status: 429, headers: { 'retry-after': '999999' } }],
  ])('%s', async (_name, reply) => {
    server.fault(reply, { times: 10 });
    const log = recordingLog();
    const http = createHttpClient({
      egress: loopbackEgress,
      baseUrl: server.url,
      headers: { authorization: `Bearer ${token}` },
      rateLimit: githubRateLimitPolicy,
      maxRetries: 2,
      sleep: () => Promise.resolve(),
      log,
    });

    const error = await http
      .request({ url: `/repos/acme/api?access_token=${token}` })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    const text = [String(error), (error as Error).stack, JSON.stringify(error), ...log.lines].join('\n');
    expect(text).not.toContain(token);
    expect(text).not.toContain('S3cret');
  });
});
