/**
 * The connector contract. A connector extracts; the sync runner stores.
 *
 * Glossary:
 * - stream: one kind of source data (repositories, pull_requests, commits…), read per partition.
 * - partition: an independent slice of a stream, usually one repository; the unit of progress,
 *   checkpointing and failure ("one repository returns 404" fails that partition only).
 * - page: what a stream yields: raw items plus the cursor to save with them. The runner stores the
 *   page's records and its cursor in ONE transaction, so a crash resumes after the last stored page.
 * - cursor: JSON a stream uses to resume (an updatedAt high-water mark, an ETag, a page token).
 * - raw item: the source payload as fetched. Mappers turn raw items into normalised records; the
 *   runner keeps raw items (raw_records) so `pulse reprocess` can re-map them offline.
 */
import type { CheckResult, NormalisedRecord } from '@pulse/core';
import type { z } from 'zod';
import type { HttpClient } from './http/client.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface RawItem {
  /** Unique within the stream (GitHub node id, Jira issue id, commit sha). */
  readonly externalId: string;
  readonly payload: Json;
}

export interface Page<Cursor extends Json = Json> {
  readonly items: readonly RawItem[];
  /** Saved with the items; the next read of this partition starts from it. */
  readonly cursor: Cursor;
}

export interface Partition {
  /** Stable key, e.g. 'acme/api'; '' for a stream with a single partition. */
  readonly key: string;
  /** Whatever the stream needs to read the partition (owner/name, a path). */
  readonly data?: Json;
}

export type SyncMode = 'incremental' | 'full';

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** The tenant an integration belongs to (its slug never changes). */
export interface TenantRef {
  readonly id: string;
  readonly slug: string;
}

/** Everything a connector gets from the runner; no globals, no singletons. */
export interface ConnectorContext<Config, Secrets> {
  /**
   * The integration's tenant. Connectors that read the host (local git) confine what they read to
   * it and refuse everything when it is absent.
   */
  readonly tenant?: TenantRef;
  readonly config: Config;
  readonly secrets: Secrets;
  /** One client per integration: retries, rate limits, concurrency and request counts live in it. */
  readonly http: HttpClient;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly now: () => Date;
  /** Per-run scratch space a connector may use to share work between streams (e.g. the repo list). */
  readonly memo: Map<string, unknown>;
}

export interface StreamReadInput<Cursor extends Json> {
  readonly partition: Partition;
  /** null on the first sync, after `--full`, or when the stream has never finished this partition. */
  readonly cursor: Cursor | null;
  readonly mode: SyncMode;
}

export interface Stream<Config, Secrets, Cursor extends Json = Json> {
  readonly name: string;
  /** Streams that must finish (all partitions) before this one starts. */
  readonly dependsOn?: readonly string[];
  /** Raw payloads are kept unless false (e.g. local git, which can always be re-read). */
  readonly keepRaw?: boolean;
  partitions(ctx: ConnectorContext<Config, Secrets>): Promise<readonly Partition[]>;
  read(ctx: ConnectorContext<Config, Secrets>, input: StreamReadInput<Cursor>): AsyncIterable<Page<Cursor>>;
  /** Pure: the same payload always maps to the same records (reprocess relies on it). */
  map(payload: Json, ctx: MapContext<Config>): NormalisedRecord[];
}

export interface MapContext<Config> {
  readonly config: Config;
  readonly partition: Partition;
}

export interface ConnectorHttpSettings {
  readonly baseUrl: string;
  /** e.g. Authorization; the client never logs header values. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * 'github' applies GitHub's primary and secondary limit rules; 'jira' Jira's 429s and
   * X-RateLimit-* headers; 'generic' honours Retry-After.
   */
  readonly rateLimit?: 'generic' | 'github' | 'jira';
}

export interface Connector<Config = unknown, Secrets = unknown> {
  /** integrations.kind: 'github', 'git', 'jira'. */
  readonly kind: string;
  readonly title: string;
  readonly configSchema: z.ZodType<Config>;
  readonly secretsSchema: z.ZodType<Secrets>;
  /**
   * How the runner builds `ctx.http` for this integration: base URL, auth headers and which
   * rate-limit rules the source follows. Connectors without HTTP (local git) leave it out.
   */
  httpSettings?(config: Config, secrets: Secrets): ConnectorHttpSettings;
  /**
   * Where the credentials are sent (the normalised base URL or site). Stored credentials are
   * bound to it: a settings change that moves it must bring the credentials again, or a stored
   * token could be sent to a host of the editor's choosing.
   */
  secretTarget?(config: Config): string;
  /**
   * The connector maps source statuses and types through `config.mappings` ({ statuses: { name:
   * category }, types: { name: kind } }), which users edit (`pulse integrations mappings`).
   */
  readonly mappings?: boolean;
  /**
   * Checks of settings that depend on the host or the tenant, run when an integration is added or
   * changed (after the schema): throws a PulseError to refuse them (local git: paths outside the
   * tenant's folders).
   */
  checkConfig?(config: Config, tenant: TenantRef): Promise<void>;
  /** Checks credentials and reachability; expected failures are values, it never throws. */
  check(ctx: ConnectorContext<Config, Secrets>): Promise<CheckResult>;
  // Streams differ in cursor type; the runner treats cursors as opaque JSON.
  readonly streams: readonly Stream<Config, Secrets, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}
