/**
 * The egress policy against real sockets: a real HTTP server on 127.0.0.1 stands for an internal
 * service. Every SSRF form must be refused before a connection is made (the server sees zero
 * requests), and the same request must go through once the operator allows 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEgressPolicy,
  createHttpClient,
  type EgressPolicy,
  type HttpClientOptions,
} from '@pulse/connectors';

interface Fake {
  readonly url: string;
  readonly port: number;
  readonly requests: { url: string; authorization: string | undefined }[];
  /** Bytes the handler managed to write (streamed bodies). */
  written: number;
  close(): Promise<void>;
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()!();
});

async function fake(
  handler: (req: IncomingMessage, res: ServerResponse, fake: Fake) => void = (_req, res) =>
    res.end('{"ok":true}'),
  host = '127.0.0.1',
  port = 0,
): Promise<Fake> {
  const server: Server = createServer((req, res) => {
    self.requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    handler(req, res, self);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as AddressInfo).port;
  const self: Fake = {
    url: `http://${host}:${bound}`,
    port: bound,
    requests: [],
    written: 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(self.close);
  return self;
}

function policy(options: Parameters<typeof createEgressPolicy>[0] = {}): EgressPolicy {
  const made = createEgressPolicy(options);
  open.push(() => made.close());
  return made;
}

function client(egress: EgressPolicy, baseUrl: string, extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ egress, baseUrl, maxRetries: 0, sleep: () => Promise.resolve(), ...extra });
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error as Error & { code: string },
  );

describe('connect-time address checks', () => {
  const forms = [
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}`],
    ['localhost', (port: number) => `http://localhost:${port}`],
    ['hex 0x7f000001', (port: number) => `http://0x7f000001:${port}`],
    ['decimal 2130706433', (port: number) => `http://2130706433:${port}`],
    ['octal 0177.0.0.1', (port: number) => `http://0177.0.0.1:${port}`],
    ['IPv4-mapped [::ffff:127.0.0.1]', (port: number) => `http://[::ffff:127.0.0.1]:${port}`],
    ['IPv4-compatible [::127.0.0.1]', (port: number) => `http://[::127.0.0.1]:${port}`],
    ['NAT64 [64:ff9b::7f00:1]', (port: number) => `http://[64:ff9b::7f00:1]:${port}`],
    ['IPv6 loopback [::1]', (port: number) => `http://[::1]:${port}`],
    ['unspecified 0.0.0.0', (port: number) => `http://0.0.0.0:${port}`],
  ] as const;

  it.each(forms)('refuses %s by default: the internal server sees no request', async (_name, form) => {
    const server = await fake();
    const error = await failure(client(policy(), form(server.port)).request({ url: '/internal' }));
    expect(error.code).toBe('SOURCE_UNAVAILABLE');
    expect(error.message).toBe('GET /internal failed 1 times in a row; last: cannot connect.');
    expect(server.requests).toEqual([]);
  });

  it.each(forms.slice(0, 5))('lets %s through once the operator allows 127.0.0.1', async (_name, form) => {
    const server = await fake();
    const allowed = policy({ allow: '127.0.0.1, ::1' });
    const response = await client(allowed, form(server.port)).request({ url: '/internal' });
    expect(response.body).toEqual({ ok: true });
    expect(server.requests.map((r) => r.url)).toEqual(['/internal']);
  });

  it('checks every address a name resolves to, not only the first', async () => {
    const server = await fake();
    // 127.0.0.2 stands for a public address here (allowed by CIDR); 127.0.0.1 is the internal one.
    const egress = policy({
      allow: '127.0.0.2/32',
      resolve: () =>
        Promise.resolve([
          { address: '127.0.0.2', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ]),
    });
    const error = await failure(client(egress, `http://source.test:${server.port}`).request({ url: '/x' }));
    expect(error.code).toBe('SOURCE_UNAVAILABLE');
    expect(server.requests).toEqual([]);
  });

  it('DNS rebinding: a name that answered with an allowed address, then with 127.0.0.1, is refused at connect', async () => {
    const internal = await fake();
    // The "public" host: same port on another loopback address, closing each connection so the
    // next request has to resolve and connect again.
    const outside = await fake(
      (_req, res) => {
        res.setHeader('connection', 'close');
        res.end('{"outside":true}');
      },
      '127.0.0.2',
      internal.port,
    );
    const answers = ['127.0.0.2', '127.0.0.1'];
    let resolved = 0;
    const egress = policy({
      allow: '127.0.0.2/32',
      resolve: () => Promise.resolve([{ address: answers[Math.min(resolved++, 1)]!, family: 4 }]),
    });
    const http = client(egress, `http://rebind.test:${internal.port}`);
    expect((await http.request({ url: '/first' })).body).toEqual({ outside: true });
    const error = await failure(http.request({ url: '/second' }));
    expect(error.code).toBe('SOURCE_UNAVAILABLE');
    expect(resolved).toBe(2);
    expect(outside.requests.map((r) => r.url)).toEqual(['/first']);
    expect(internal.requests).toEqual([]);
  });

  it('a refused address and a closed port read the same to the tenant (no port-scanning oracle)', async () => {
    const server = await fake();
    await server.close();
    const denied = await failure(client(policy(), server.url).request({ url: '/probe' }));
    const closed = await failure(
      client(policy({ allow: '127.0.0.1' }), server.url).request({ url: '/probe' }),
    );
    expect(denied).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    expect({ code: denied.code, message: denied.message, hint: (denied as { hint?: string }).hint }).toEqual({
      code: closed.code,
      message: closed.message,
      hint: (closed as { hint?: string }).hint,
    });
  });

  it('tells the operator (onDenied) what was refused and why', async () => {
    const server = await fake();
    const denials: unknown[] = [];
    await failure(client(policy({ onDenied: (d) => denials.push(d) }), server.url).request({ url: '/x' }));
    expect(denials).toEqual([{ host: '127.0.0.1', address: '127.0.0.1', range: 'loopback' }]);
  });
});

describe('address ranges', () => {
  const egress = createEgressPolicy({ allow: '10.20.0.0/16, ghe.corp.example, .jira.corp.example' });
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['192.0.2.1', 'reserved'],
  ])('denies %s (%s)', (address, range) => {
    expect(egress.verdict('source.test', address)).toEqual({ host: 'source.test', address, range });
  });

  it.each(['8.8.8.8', '140.82.112.3', '2606:4700::1111', '64:ff9b::808:808', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => expect(egress.verdict('source.test', address)).toBeUndefined(),
  );

  it('allows what the operator lists: CIDR ranges, exact hosts and host suffixes', () => {
    expect(egress.verdict('x.test', '10.20.3.4')).toBeUndefined();
    expect(egress.verdict('x.test', '::ffff:10.20.3.4')).toBeUndefined();
    expect(egress.verdict('x.test', '10.21.0.1')).toMatchObject({ range: 'private' });
    expect(egress.verdict('ghe.corp.example', '10.99.0.1')).toBeUndefined();
    expect(egress.verdict('evil-ghe.corp.example', '10.99.0.1')).toMatchObject({ range: 'private' });
    expect(egress.verdict('eu.jira.corp.example', '192.168.0.7')).toBeUndefined();
  });

  it('refuses an allow list entry that is neither a host nor an address range', () => {
    expect(() => createEgressPolicy({ allow: 'ghe.corp.example, http://x/y' })).toThrow(
      expect.objectContaining({ code: 'EGRESS_ALLOW_INVALID' }),
    );
    expect(() => createEgressPolicy({ allow: '10.0.0.0/33' })).toThrow(
      expect.objectContaining({ code: 'EGRESS_ALLOW_INVALID' }),
    );
  });
});

describe('base URLs', () => {
  it.each([
    ['a trailing ?', (url: string) => `${url}/internal/admin?`],
    ['a query', (url: string) => `${url}/api?x=1`],
    ['a fragment', (url: string) => `${url}/internal#`],
    ['user:password@', (url: string) => url.replace('http://', 'http://user:pw@')],
    ['another scheme', () => 'file:///etc/passwd'],
  ])('refuses a base URL with %s before sending anything', async (_name, form) => {
    const server = await fake();
    const allowed = policy({ allow: '127.0.0.1' });
    expect(() => client(allowed, form(server.url))).toThrow(
      expect.objectContaining({ code: 'EGRESS_URL_INVALID' }),
    );
    expect(server.requests).toEqual([]);
  });

  it('keeps the base path: /api/v3 + /user is /api/v3/user, and ../ cannot climb out of it', async () => {
    const server = await fake();
    const http = client(policy({ allow: '127.0.0.1' }), `${server.url}/api/v3`);
    await http.request({ url: '/user' });
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v3/user']);
    await expect(http.request({ url: '/../../admin' })).rejects.toMatchObject({ code: 'EGRESS_URL_INVALID' });
    expect(server.requests).toHaveLength(1);
  });

  it('sends no request to an absolute URL of another origin (a Link header pointing elsewhere)', async () => {
    const [home, elsewhere] = [await fake(), await fake()];
    const http = client(policy({ allow: '127.0.0.1' }), home.url, {
      headers: { authorization: 'Bearer tok-secret' },
    });
    await expect(http.request({ url: `${elsewhere.url}/next` })).rejects.toMatchObject({
      code: 'EGRESS_URL_INVALID',
    });
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('redirects', () => {
  const auth = { authorization: 'Bearer tok-secret-123' };

  it('follows a same-origin redirect with the credentials', async () => {
    const server = await fake((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else res.end('{"moved":true}');
    });
    const response = await client(policy({ allow: '127.0.0.1' }), server.url, { headers: auth }).request({
      url: '/old',
    });
    expect(response.body).toEqual({ moved: true });
    expect(server.requests).toEqual([
      { url: '/old', authorization: auth.authorization },
      { url: '/new', authorization: auth.authorization },
    ]);
  });

  it('does not follow a redirect to another origin, so the token never leaves', async () => {
    const other = await fake();
    const server = await fake((_req, res) => res.writeHead(302, { location: `${other.url}/steal` }).end());
    const error = await failure(
      client(policy({ allow: '127.0.0.1' }), server.url, { headers: auth }).request({ url: '/start' }),
    );
    expect(error.code).toBe('EGRESS_REDIRECT_DENIED');
    expect(error.message).not.toContain(other.url);
    expect(other.requests).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('stops after the policy’s redirect count', async () => {
    const server = await fake((req, res) => res.writeHead(302, { location: `${req.url}x` }).end());
    const error = await failure(
      client(policy({ allow: '127.0.0.1', maxRedirects: 3 }), server.url).request({ url: '/r' }),
    );
    expect(error.code).toBe('EGRESS_REDIRECT_DENIED');
    expect(server.requests).toHaveLength(4);
  });
});

describe('response limits', () => {
  it('aborts a 300 MB streamed body at the size limit: bounded bytes read and memory', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const total = 300 * 1024 * 1024;
    const server = await fake((_req, res, self) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        while (self.written < total) {
          self.written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const before = process.memoryUsage().rss;
    const error = await failure(
      client(policy({ allow: '127.0.0.1' }), server.url, { maxResponseBytes: 1024 * 1024 }).request({
        url: '/huge',
      }),
    );
    const grown = process.memoryUsage().rss - before;
    expect(error.code).toBe('EGRESS_RESPONSE_TOO_LARGE');
    expect(server.requests).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Socket buffers on both ends hold a few MB; the 300 MB never arrive.
    expect(server.written).toBeLessThan(32 * 1024 * 1024);
    expect(grown).toBeLessThan(96 * 1024 * 1024);
  });

  it('refuses an announced Content-Length above the limit without reading the body', async () => {
    const server = await fake((_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('{');
    });
    const error = await failure(
      client(policy({ allow: '127.0.0.1', maxResponseBytes: 4096 }), server.url).request({ url: '/big' }),
    );
    expect(error.code).toBe('EGRESS_RESPONSE_TOO_LARGE');
  });

  it.each([
    ['never answers', (_req: IncomingMessage, _res: ServerResponse) => {}],
    [
      'sends headers, then hangs in the body',
      (_req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items": [');
      },
    ],
  ])('gives up on a server that %s at the time limit', async (_name, handler) => {
    const server = await fake(handler);
    const started = Date.now();
    const error = await failure(
      client(policy({ allow: '127.0.0.1', timeoutMs: 300 }), server.url).request({ url: '/slow' }),
    );
    expect(error.code).toBe('SOURCE_UNAVAILABLE');
    expect(error.message).toContain('timeout after 300 ms');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
