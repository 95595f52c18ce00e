/**
 * Drives a git stream the way the sync runner does: read pages, map each item, and keep every
 * record (checked against the normalised record schema) and the cursor of each page.
 */
import { normalisedRecord, type NormalisedRecord } from '@pulse/core';
import type { ConnectorContext, Json, Logger, Partition, Stream, SyncMode } from '@pulse/connectors';
import {
  createGitConnector,
  type GitConfig,
  type GitConnectorOptions,
  type GitSecrets,
} from '@pulse/connectors';

import { testRoot, testTenant } from './test-repo.ts';

export type GitStreamName = 'repositories' | 'refs' | 'commits';

/** The git connector confined to the test root (see test-repo.ts), with `options` added. */
export function testConnector(options: GitConnectorOptions = {}) {
  return createGitConnector({ roots: [testRoot()], ...options });
}

/**
 * A context of the test tenant for `config` (parsed by the connector's schema); git needs no
 * HTTP, so http throws.
 */
export function gitContext(
  config: unknown,
  log: Logger = silentLog,
  tenant: { id: string; slug: string } | null = testTenant,
): ConnectorContext<GitConfig, GitSecrets> {
  return {
    ...(tenant === null ? {} : { tenant }),
    config: createGitConnector().configSchema.parse(config),
    secrets: {},
    http: {
      request: () => Promise.reject(new Error('the git connector must not make HTTP requests')),
      stats: { requests: 0, retries: 0, notModified: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 },
    },
    log,
    signal: new AbortController().signal,
    now: () => new Date('2024-06-01T00:00:00Z'),
    memo: new Map(),
  };
}

export const silentLog: Logger = { debug: () => {}, info: () => {}, warn: () => {} };

export interface ReadResult {
  readonly pages: { readonly records: NormalisedRecord[]; readonly cursor: Json }[];
  readonly records: NormalisedRecord[];
  /** The cursor of the last page (what the runner would store). */
  readonly cursor: Json;
}

/** Reads one partition of `streamName` to the end. */
export async function readStream(
  ctx: ConnectorContext<GitConfig, GitSecrets>,
  streamName: GitStreamName,
  input: { partition?: Partition; cursor?: Json; mode?: SyncMode; options?: GitConnectorOptions } = {},
): Promise<ReadResult> {
  const stream = streamOf(streamName, input.options);
  const partition = input.partition ?? (await stream.partitions(ctx))[0]!;
  const pages: ReadResult['pages'][number][] = [];
  for await (const page of stream.read(ctx, {
    partition,
    cursor: input.cursor ?? null,
    mode: input.mode ?? 'incremental',
  })) {
    const records = page.items.flatMap((item) => stream.map(item.payload, { config: ctx.config, partition }));
    for (const record of records) normalisedRecord.parse(record);
    pages.push({ records, cursor: page.cursor });
  }
  return { pages, records: pages.flatMap((p) => p.records), cursor: pages.at(-1)?.cursor ?? null };
}

/** The named stream of a connector built with `options`. */
export function streamOf(
  name: GitStreamName,
  options: GitConnectorOptions = {},
): Stream<GitConfig, GitSecrets> {
  const stream = testConnector(options).streams.find((s) => s.name === name);
  if (stream === undefined) throw new Error(`no stream ${name}`);
  return stream;
}
