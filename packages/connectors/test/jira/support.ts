/** Drives the Jira connector's streams against the fake Jira, the way the sync runner does. */
import type * as Version3Models from 'jira.js/version3/models';
import type * as Version2Models from 'jira.js/version2/models';
import type * as AgileModels from 'jira.js/agile/models';
import type { Json, Stream, SyncMode } from '../../src/kit/contract.ts';
import { createHttpClient } from '../../src/kit/http/create-http-client.ts';
import type { HttpClientOptions } from '../../src/kit/http/options.ts';
import { jiraRateLimitPolicy } from '../../src/kit/http/jira-rate-limit.ts';
import type { JiraContext } from '../../src/jira/client.ts';
import {
  jiraConfig,
  type JiraConfig,
  type JiraConfigInput,
  type JiraSecrets,
} from '../../src/jira/config.ts';
import { jiraConnector } from '../../src/jira/index.ts';
import type { JiraIssue, JiraSprint, JiraHistory } from '../../src/jira/payloads.ts';
import { syncStreams, type Cursors, type SyncResult } from '../support/sync-streams.ts';
import type { FakeJiraServer } from './fake/server.ts';
import { loopbackEgress } from '../support/egress.ts';

// What jira.js says Jira sends fits what the connector reads (a compile-time check).
type Fits<Reader, Sent extends Reader> = Sent;
export type IssueFits = [
  Fits<JiraIssue, Version3Models.Issue>,
  Fits<JiraIssue, Version2Models.Issue>,
  Fits<JiraSprint, AgileModels.Sprint>,
  Fits<JiraHistory, Version3Models.Changelog>,
];

export interface JiraContextOptions {
  readonly token?: string;
  readonly http?: Partial<HttpClientOptions>;
  /** Sleeps the client asked for (rate-limit waits, backoff), in ms. */
  readonly sleeps?: number[];
  readonly now?: () => Date;
}

const quietLog = { debug() {}, info() {}, warn() {} };

/** The integration config for the fake (projects PROJ and OPS unless overridden). */
export function fakeConfig(server: FakeJiraServer, config: Partial<JiraConfigInput> = {}): JiraConfigInput {
  return {
    baseUrl: server.baseUrl,
    deployment: server.flavour,
    ...(server.flavour === 'cloud' ? { email: server.email } : {}),
    projects: { keys: ['PROJ', 'OPS'] },
    pageSize: 10,
    ...config,
  };
}

/** A connector context for one run against the fake (a fresh memo, like a new run). */
export function jiraContext(
  server: FakeJiraServer,
  config: Partial<JiraConfigInput> = {},
  options: JiraContextOptions = {},
): JiraContext {
  const parsed = jiraConfig.parse(fakeConfig(server, config));
  const secrets = { token: options.token ?? server.token };
  const settings = jiraConnector.httpSettings!(parsed, secrets);
  const http = createHttpClient({
    egress: loopbackEgress,
    baseUrl: settings.baseUrl,
    headers: settings.headers ?? {},
    rateLimit: jiraRateLimitPolicy,
    retryBaseMs: 1,
    sleep: async (ms) => void options.sleeps?.push(ms),
    ...options.http,
  });
  return {
    config: parsed,
    secrets,
    http,
    log: quietLog,
    signal: new AbortController().signal,
    now: options.now ?? (() => new Date()),
    memo: new Map(),
  };
}

/** One run over every Jira stream, like the runner. */
export function syncJira(
  ctx: JiraContext,
  cursors: Cursors = {},
  mode: SyncMode = 'incremental',
): Promise<SyncResult> {
  return syncStreams(
    ctx,
    jiraConnector.streams as readonly Stream<JiraConfig, JiraSecrets, Json>[],
    cursors,
    mode,
  );
}
