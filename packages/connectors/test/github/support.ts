/** Drives the GitHub connector's streams against the fake server, the way the sync runner does. */
import type { NormalisedRecord } from '@pulse/core';
import { githubRateLimitPolicy } from '../../src/kit/http/github-rate-limit.ts';
import { createHttpClient } from '../../src/kit/http/create-http-client.ts';
import type { HttpClientOptions } from '../../src/kit/http/options.ts';
import type { Json, Partition, Stream, SyncMode } from '../../src/kit/contract.ts';
import type { GithubContext } from '../../src/github/client.ts';
import {
  githubConfig,
  type GithubConfig,
  type GithubConfigInput,
  type GithubSecrets,
} from '../../src/github/config.ts';
import { githubConnector } from '../../src/github/index.ts';
import type { FakeGithubServer } from './fake/server.ts';

type AnyStream = Stream<GithubConfig, GithubSecrets, Json>;

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

export interface StreamResult {
  readonly records: NormalisedRecord[];
  readonly cursor: Json | null;
  readonly items: number;
}

/** Reads one partition of a stream and maps every item; returns the records and the last cursor. */
export async function readPartition(
  ctx: GithubContext,
  stream: AnyStream,
  partition: Partition,
  cursor: Json | null = null,
  mode: SyncMode = 'incremental',
): Promise<StreamResult> {
  const records: NormalisedRecord[] = [];
  let last = cursor;
  let items = 0;
  for await (const page of stream.read(ctx, { partition, cursor, mode })) {
    for (const item of page.items)
      records.push(...stream.map(item.payload, { config: ctx.config, partition }));
    items += page.items.length;
    last = page.cursor;
  }
  return { records, cursor: last, items };
}

export type Cursors = Record<string, Json | null>;

export interface SyncResult {
  readonly records: NormalisedRecord[];
  readonly cursors: Cursors;
  /** 'stream partition' → the error that failed it. */
  readonly failures: Record<string, unknown>;
}

/** One run over every stream and partition, dependencies first, like the runner. */
export async function syncAll(
  ctx: GithubContext,
  cursors: Cursors = {},
  mode: SyncMode = 'incremental',
  streams = githubConnector.streams as readonly AnyStream[],
): Promise<SyncResult> {
  const records: NormalisedRecord[] = [];
  const next: Cursors = { ...cursors };
  const failures: Record<string, unknown> = {};
  for (const stream of streams) {
    for (const partition of await stream.partitions(ctx)) {
      const key = `${stream.name} ${partition.key}`;
      try {
        const result = await readPartition(ctx, stream, partition, cursors[key] ?? null, mode);
        records.push(...result.records);
        next[key] = result.cursor;
      } catch (error) {
        failures[key] = error;
      }
    }
  }
  return { records, cursors: next, failures };
}

/** Records of one type, sorted by externalId (or by repository and name for refs) for comparison. */
export function ofType<T extends NormalisedRecord['type']>(
  records: readonly NormalisedRecord[],
  type: T,
): Extract<NormalisedRecord, { type: T }>[] {
  const key = (r: NormalisedRecord): string =>
    'externalId' in r
      ? (r.externalId ?? '')
      : `${JSON.stringify('repository' in r ? r.repository : '')}:${'name' in r ? r.name : ''}`;
  return records
    .filter((r): r is Extract<NormalisedRecord, { type: T }> => r.type === type)
    .sort((a, b) => key(a).localeCompare(key(b)));
}
