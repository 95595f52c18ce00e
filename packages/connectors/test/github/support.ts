/** Drives the GitHub connector's streams against the fake server, the way the sync runner does. */
import { githubRateLimitPolicy } from '../../src/kit/http/github-rate-limit.ts';
import { createHttpClient } from '../../src/kit/http/create-http-client.ts';
import type { HttpClientOptions } from '../../src/kit/http/options.ts';
import type { Json, Stream, SyncMode } from '../../src/kit/contract.ts';
import { syncStreams, type Cursors, type SyncResult } from '../support/sync-streams.ts';
import type { GithubContext } from '../../src/github/client.ts';
import {
  githubConfig,
  type GithubConfig,
  type GithubConfigInput,
  type GithubSecrets,
} from '../../src/github/config.ts';
import { githubConnector } from '../../src/github/index.ts';
import type { FakeGithubServer } from './fake/server.ts';

export interface ContextOptions {
  readonly token?: string;
  readonly http?: Partial<HttpClientOptions>;
  /** Sleeps the client asked for (rate-limit waits and retry backoff), in ms. */
  readonly sleeps?: number[];
}

const quietLog = { debug() {}, info() {}, warn() {} };

/** A connector context for one sync run against the fake (a fresh memo, like a new run). */
export function githubContext(
  server: FakeGithubServer,
  config: Partial<GithubConfigInput>,
  options: ContextOptions = {},
): GithubContext {
  const parsed = githubConfig.parse({
    baseUrl: server.baseUrl,
    repositories: { org: server.model.org },
    ...config,
  });
  const secrets = { token: options.token ?? server.token };
  const settings = githubConnector.httpSettings!(parsed, secrets);
  const sleeps = options.sleeps;
  const http = createHttpClient({
    egress: loopbackEgress,
    baseUrl: settings.baseUrl,
    headers: settings.headers ?? {},
    rateLimit: githubRateLimitPolicy,
    retryBaseMs: 1,
    sleep: async (ms) => void sleeps?.push(ms),
    ...options.http,
  });
  return {
    config: parsed,
    secrets,
    http,
    log: quietLog,
    signal: new AbortController().signal,
    now: () => new Date(),
    memo: new Map(),
  };
}

export {
  readPartition,
  ofType,
  type StreamResult,
  type Cursors,
  type SyncResult,
} from '../support/sync-streams.ts';
import { loopbackEgress } from '../support/egress.ts';

/** One run over every GitHub stream (or `streams`), like the runner. */
export function syncAll(
  ctx: GithubContext,
  cursors: Cursors = {},
  mode: SyncMode = 'incremental',
  streams = githubConnector.streams as readonly Stream<GithubConfig, GithubSecrets, Json>[],
): Promise<SyncResult> {
  return syncStreams(ctx, streams, cursors, mode);
}
