/**
 * A tiny fake HTTP server for connector tests, on node:http at 127.0.0.1 and a free port.
 * Tests talk to it over a real socket, so the client under test runs unchanged (no mocked fetch).
 *
 * - routes: method + path pattern ('/repos/:owner/:repo/pulls', a trailing '*' matches the rest)
 *   → a reply or a handler; the first matching route answers; unmatched requests get a 404.
 * - requests: every request received (method, url, headers, body) for assertions.
 * - faults: `fault(reply)` makes the next matching request(s) get `reply` instead of the route:
 *   any status/headers/body, a delay, a truncated body, a connection reset, or no answer at all.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRequest {
  readonly method: string;
  /** Path and query, as sent ('/repos/a/b/pulls?page=2'). */
  readonly url: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Values of the route's ':name' segments. */
  readonly params: Readonly<Record<string, string>>;
}

export interface FakeReply {
  /** Default 200. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /** Sent as application/json. */
  readonly json?: unknown;
  /** Sent as is (wins over json); use for broken JSON or HTML error pages. */
  readonly body?: string;
  /** Wait before answering. */
  readonly delayMs?: number;
  /** Announce the full Content-Length, send only this many bytes (true: half), then cut the connection. */
  readonly truncate?: boolean | number;
  /** Send the headers and this many bytes of the body, then stall with the connection open. */
  readonly stallAfter?: number;
  /** Destroy the connection without answering (the client sees ECONNRESET / "socket hang up"). */
  readonly reset?: boolean;
  /** Never answer (until close()); for timeout tests. */
  readonly hang?: boolean;
}

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FaultMatch {
  readonly method?: string;
  /** Exact path, or a RegExp tested against path + query. */
  readonly path?: string | RegExp;
  /** How many matching requests get the fault. Default 1. */
  readonly times?: number;
}

export interface FakeServer {
  /** 'http://127.0.0.1:PORT', no trailing slash. */
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Requests being answered right now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Adds a route (replacing one with the same method and pattern). Method '*' matches any. */
  route(method: string, pattern: string, answer: FakeHandler | FakeReply): FakeServer;
  /** Queues a fault for the next matching request(s); faults are used before routes. */
  fault(reply: FakeReply, match?: FaultMatch): FakeServer;
  close(): Promise<void>;
}

interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly regex: RegExp;
  readonly names: string[];
  readonly answer: FakeHandler | FakeReply;
}

interface Fault {
  readonly reply: FakeReply;
  readonly match: FaultMatch;
  left: number;
}

/** Starts a fake server; call close() in afterEach/afterAll. */
export async function startFakeServer(): Promise<FakeServer> {
  const routes: Route[] = [];
  const faults: Fault[] = [];
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.on('close', finish);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const base = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const fault = takeFault(faults, base);
      const found = fault ? undefined : findRoute(routes, base.method, base.path);
      const request: FakeRequest = { ...base, params: found?.params ?? {} };
      requests.push(request);
      void answer(request, fault?.reply, found?.route, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake server handler failed: ${String(error)}`);
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    route(method, pattern, answer) {
      const index = routes.findIndex((r) => r.method === method.toUpperCase() && r.pattern === pattern);
      const route = { method: method.toUpperCase(), pattern, answer, ...compile(pattern) };
      if (index >= 0) routes[index] = route;
      else routes.push(route);
      return fake;
    },
    fault(reply, match = {}) {
      faults.push({ reply, match, left: match.times ?? 1 });
      return fake;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), names };
}

function findRoute(routes: readonly Route[], method: string, path: string) {
  for (const route of routes) {
    if (route.method !== '*' && route.method !== method) continue;
    const match = route.regex.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(
      route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
    );
    return { route, params };
  }
  return undefined;
}

function takeFault(
  faults: Fault[],
  request: { method: string; url: string; path: string },
): Fault | undefined {
  const fault = faults.find(({ match }) => {
    if (match.method && match.method.toUpperCase() !== request.method) return false;
    if (typeof match.path === 'string') return match.path === request.path;
    return match.path ? match.path.test(request.url) : true;
  });
  if (fault && --fault.left <= 0) faults.splice(faults.indexOf(fault), 1);
  return fault;
}

async function answer(
  request: FakeRequest,
  fault: FakeReply | undefined,
  route: Route | undefined,
  res: ServerResponse,
): Promise<void> {
  const reply: FakeReply =
    fault ??
    (route === undefined
      ? { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }
      : typeof route.answer === 'function'
        ? await route.answer(request)
        : route.answer);
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (reply.hang) return;
  if (reply.reset) {
    res.socket?.destroy();
    return;
  }
  const body = reply.body ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  const bytes = Buffer.from(body, 'utf8');
  const headers: Record<string, string | readonly string[]> = { ...reply.headers };
  if (reply.json !== undefined && reply.body === undefined && !hasHeader(headers, 'content-type')) {
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(bytes.length);
  res.writeHead(reply.status ?? 200, headers as Record<string, string | string[]>);
  if (reply.stallAfter !== undefined) {
    res.write(bytes.subarray(0, reply.stallAfter));
    return;
  }
  if (reply.truncate) {
    const cut = reply.truncate === true ? Math.floor(bytes.length / 2) : reply.truncate;
    res.write(bytes.subarray(0, cut), () => res.socket?.destroy());
    return;
  }
  res.end(bytes);
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}
