/**
 * Replays recorded HTTP exchanges (nock's recording format, as published by @octokit/fixtures)
 * through a fake server, so clients are tested against responses a real source really sent.
 * Absolute URLs of the recorded origin in Link and Location headers are rewritten to the fake server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FakeReply, FakeRequest, FakeServer } from './fake-server.ts';

export interface RecordedExchange {
  readonly scope: string;
  readonly method: string;
  /** Path and query as requested. */
  readonly path: string;
  readonly body?: unknown;
  readonly status: number;
  readonly response: unknown;
  readonly headers: Readonly<Record<string, string | number>>;
  readonly reqheaders?: Readonly<Record<string, string | number>>;
}

/** Loads scenario `name` of @octokit/fixtures (scenarios/api.github.com/<name>/normalized-fixture.json). */
export function loadOctokitScenario(name: string): RecordedExchange[] {
  const root = dirname(createRequire(import.meta.url).resolve('@octokit/fixtures/package.json'));
  const file = join(root, 'scenarios', 'api.github.com', name, 'normalized-fixture.json');
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedExchange[];
}

/** Headers the fake server must compute itself for the body it actually sends. */
const dropped = new Set(['content-length', 'connection', 'transfer-encoding', 'content-encoding']);

export interface Replay {
  /** Exchanges no request has matched yet (a complete replay leaves none). */
  pending(): RecordedExchange[];
  /** Requests that matched no recorded exchange. */
  readonly unmatched: FakeRequest[];
}

/**
 * Serves `exchanges` from `server`: each request takes the first unused exchange with the same
 * method and path + query; a request with none left gets a 501 naming it.
 */
export function replayRecording(server: FakeServer, exchanges: readonly RecordedExchange[]): Replay {
  const left = [...exchanges];
  const unmatched: FakeRequest[] = [];
  server.route('*', '/*', (request): FakeReply => {
    const index = left.findIndex((e) => e.method.toUpperCase() === request.method && e.path === request.url);
    const exchange = left[index];
    if (exchange === undefined) {
      unmatched.push(request);
      return { status: 501, json: { message: `no recorded exchange for ${request.method} ${request.url}` } };
    }
    left.splice(index, 1);
    return replyFor(exchange, server.url);
  });
  return { pending: () => [...left], unmatched };
}

function replyFor(exchange: RecordedExchange, serverUrl: string): FakeReply {
  const origin = new URL(exchange.scope).origin; // 'https://api.github.com:443' → 'https://api.github.com'
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(exchange.headers)) {
    if (dropped.has(name.toLowerCase())) continue;
    headers[name] = /^(link|location)$/i.test(name)
      ? String(value).split(origin).join(serverUrl)
      : String(value);
  }
  const { response } = exchange;
  return typeof response === 'string'
    ? { status: exchange.status, headers, body: response }
    : { status: exchange.status, headers, json: response };
}
