/**
 * The fake GitHub server: REST and GraphQL over node:http on 127.0.0.1 (port 0), answering from a
 * mutable model. It behaves like GitHub where the connector depends on it: Link pagination
 * (per_page, page), ETag / If-None-Match → 304 (not counted against the limit), x-ratelimit-*
 * headers, 401 for a bad token, 404 for a deleted repository, and injected faults (rate limits,
 * 502, truncated JSON). Every body it serves is checked against GitHub's published schemas; the
 * problems are collected in `violations` for tests to assert empty.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateGraphqlResult } from '../schemas/validate-graphql.ts';
import { validateRestResponse } from '../schemas/validate-rest.ts';
import { faultStatus, writeFault, type Fault } from './faults.ts';
import { answerGraphql } from './graphql.ts';
import type { FakeGithub } from './model.ts';
import { routeRest } from './rest-routes.ts';

export interface LoggedRequest {
  readonly method: string;
  /** Path and query, without the Enterprise prefix. */
  readonly path: string;
  readonly status: number;
  /** GraphQL operation name (PullRequests, PullRequestCommits…). */
  readonly operation?: string;
}

export interface FakeGithubServer {
  /** What the connector's baseUrl should be (GHES: …/api/v3). */
  readonly baseUrl: string;
  readonly model: FakeGithub;
  readonly requests: LoggedRequest[];
  readonly violations: string[];
  readonly faults: Fault[];
  token: string;
  close(): Promise<void>;
}

export interface FakeGithubOptions {
  readonly token?: string;
  /** Serve as GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql. */
  readonly enterprise?: boolean;
  /** Check every body against GitHub's schemas (default true; the benchmark turns it off). */
  readonly validate?: boolean;
}

/** Starts a fake GitHub for `model`. */
export async function startFakeGithub(
  model: FakeGithub,
  options: FakeGithubOptions = {},
): Promise<FakeGithubServer> {
  const restPrefix = options.enterprise ? '/api/v3' : '';
  const graphqlPath = options.enterprise ? '/api/graphql' : '/graphql';
  const validate = options.validate ?? true;
  let remaining = 5000;
  const state = {
    model,
    requests: [] as LoggedRequest[],
    violations: [] as string[],
    faults: [] as Fault[],
    token: options.token ?? 'ghp_fake_token_0123456789',
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = `http://${req.headers.host}`;
    const isGraphql = req.method === 'POST' && url.pathname === graphqlPath;
    const path = isGraphql ? '/graphql' : url.pathname.slice(restPrefix.length) + url.search;
    const body = req.method === 'POST' ? await readBody(req) : '';
    const parsed = isGraphql
      ? (JSON.parse(body || '{}') as { query?: string; variables?: Record<string, unknown> })
      : {};
    const operation = parsed.query ? /(?:query|mutation)\s+(\w+)/.exec(parsed.query)?.[1] : undefined;
    const log = (status: number) =>
      state.requests.push({ method: req.method ?? 'GET', path, status, ...(operation ? { operation } : {}) });

    const fault = state.faults.find((f) => (f.times ?? 1) > 0 && (f.path === undefined || f.path.test(path)));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      log(faultStatus[fault.kind]);
      return writeFault(res, fault.kind, Math.floor(Date.now() / 1000));
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${state.token}` && auth !== `token ${state.token}`) {
      log(401);
      return send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
    }
    if (isGraphql) {
      const answer = await answerGraphql(model, parsed.query ?? '', parsed.variables ?? {});
      if (validate && !answer.errors)
        check(
          () => validateGraphqlResult(parsed.query ?? '', parsed.variables, answer.data),
          `POST /graphql ${operation}`,
        );
      log(200);
      return send(res, 200, answer);
    }
    if (req.method !== 'GET' || !url.pathname.startsWith(restPrefix)) {
      log(404);
      return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    const route = routeRest(
      model,
      `${origin}${restPrefix}`,
      url.pathname.slice(restPrefix.length),
      url.searchParams,
    );
    let payload = route.body;
    let link: string | undefined;
    if (route.status === 200 && route.list) {
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      const items = route.list.items.slice((page - 1) * perPage, page * perPage);
      payload = route.list.wrap ? route.list.wrap(items) : items;
      link = linkHeader(
        `${origin}${url.pathname}`,
        url.searchParams,
        page,
        Math.max(1, Math.ceil(route.list.items.length / perPage)),
      );
    }
    const etag = `W/"${createHash('sha1').update(JSON.stringify(payload)).digest('hex')}"`;
    const limitHeaders = () => ({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used': String(5000 - remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
    });
    if (route.status === 200 && req.headers['if-none-match'] === etag) {
      log(304);
      res.writeHead(304, { etag, ...limitHeaders() });
      return void res.end();
    }
    remaining = Math.max(1, remaining - 1);
    if (validate)
      check(
        () => validateRestResponse('GET', url.pathname.slice(restPrefix.length), route.status, payload),
        `GET ${path}`,
      );
    log(route.status);
    send(res, route.status, payload, {
      ...limitHeaders(),
      ...(route.status === 200 ? { etag } : {}),
      ...(link ? { link } : {}),
    });
  }

  function check(validation: () => void, what: string): void {
    try {
      validation();
    } catch (error) {
      state.violations.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      state.violations.push(`fake server error: ${error instanceof Error ? error.stack : String(error)}`);
      send(res, 500, { message: 'fake server error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    baseUrl: `http://127.0.0.1:${port}${restPrefix}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function linkHeader(base: string, params: URLSearchParams, page: number, last: number): string | undefined {
  const at = (n: number) => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    return `<${base}?${p.toString()}>`;
  };
  const links: string[] = [];
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`);
  return links.length ? links.join(', ') : undefined;
}
