import { afterEach, describe, expect, it } from 'vitest';
import { githubConnector } from '../../src/github/index.ts';
import { pullRequestsStream } from '../../src/github/streams/pull-requests.ts';
import { generateOrganisation } from './fake/generate.ts';
import { startFakeGithub, type FakeGithubServer } from './fake/server.ts';
import { githubContext, ofType, readPartition } from './support.ts';

let server: FakeGithubServer | undefined;
afterEach(async () => {
  expect(server?.violations ?? []).toEqual([]);
  await server?.close();
  server = undefined;
});

const api = { key: 'acme/api', data: { defaultBranch: 'main' } };

describe('check()', () => {
  it('is ok with a good token', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 1 }));
    expect(await githubConnector.check(githubContext(server, {}))).toEqual({
      ok: true,
      detail: 'authenticated as alice',
    });
  });

  it('reports a bad token with a hint naming the scopes, without the token', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 1 }));
    const result = await githubConnector.check(githubContext(server, {}, { token: 'ghp_wrong_token_value' }));
    expect(result).toMatchObject({
      ok: false,
      code: 'SOURCE_AUTH_FAILED',
      hint: expect.stringContaining('read:org'),
    });
    expect(JSON.stringify(result)).not.toContain('ghp_wrong_token_value');
  });

  it('reports an unreachable host as SOURCE_UNAVAILABLE', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 1 }));
    const ctx = githubContext(
      server,
      { baseUrl: 'http://127.0.0.1:1' },
      { http: { baseUrl: 'http://127.0.0.1:1', maxRetries: 1 } },
    );
    expect(await githubConnector.check(ctx)).toMatchObject({ ok: false, code: 'SOURCE_UNAVAILABLE' });
  });
});

describe('rate limits and failures', () => {
  it.each([
    ['primary-limit', 'github primary limit'],
    ['secondary-limit', 'secondary'],
    ['secondary-limit-429', 'secondary'],
  ] as const)('waits out a %s answer and goes on', async (kind, _reason) => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 5 }));
    server.faults.push({ kind, path: /graphql/ });
    const sleeps: number[] = [];
    const ctx = githubContext(server, {}, { sleeps });
    const result = await readPartition(ctx, pullRequestsStream, api);
    expect(ofType(result.records, 'pull_request')).toHaveLength(5);
    expect(ctx.http.stats.rateLimitWaits).toBe(1);
    expect(sleeps.some((ms) => ms >= (kind === 'primary-limit' ? 1000 : 59_000))).toBe(true);
    expect(server.requests.filter((r) => r.operation === 'PullRequests').map((r) => r.status)).toEqual([
      kind === 'secondary-limit-429' ? 429 : 403,
      200,
    ]);
  });

  it.each(['server-error', 'truncated-json'] as const)('retries a %s answer', async (kind) => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 5 }));
    server.faults.push({ kind, path: /graphql/, times: 2 });
    const ctx = githubContext(server, {});
    const result = await readPartition(ctx, pullRequestsStream, api);
    expect(ofType(result.records, 'pull_request')).toHaveLength(5);
    expect(ctx.http.stats.retries).toBe(2);
  });

  it('never sends the token anywhere but the Authorization header', async () => {
    server = await startFakeGithub(generateOrganisation({ repositories: 1, pullsPerRepository: 2 }));
    await readPartition(githubContext(server, {}), pullRequestsStream, api);
    expect(JSON.stringify(server.requests)).not.toContain(server.token);
  });
});
