/**
 * Browser-facing protections: security headers on every response, a CSP that admits the docs
 * page's one inline script by hash, CORS only for configured origins, and login attempts limited
 * per client address (behind a trusted proxy, per forwarded address).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { buildApp } from '@pulse/server';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { silentLog } from './fixture.ts';

const keyring = createKeyring(parseSecretKey(generateSecretKey()));
const login = { email: 'nobody@a.example', password: 'wrong password' };

describeEachDb('HTTP policy', (handle) => {
  let strict: FastifyInstance;
  let open: FastifyInstance;
  let elsewhere: FastifyInstance;
  beforeAll(async () => {
    // Trusts a proxy at 10.0.0.1 only; inject()'s 127.0.0.1 is an untrusted hop.
    elsewhere = await buildApp({
      db: handle.db,
      log: silentLog,
      keyring,
      http: { trustProxy: ['10.0.0.1', '192.168.0.0/16'], loginAttemptsPerMinute: 2 },
      // Its own count: on PostgreSQL the shared store would add strict's attempts from 127.0.0.1.
      rateLimits: { store: 'memory' },
    });
    strict = await buildApp({ db: handle.db, log: silentLog, keyring, http: { loginAttemptsPerMinute: 3 } });
    open = await buildApp({
      db: handle.db,
      log: silentLog,
      keyring,
      http: {
        corsOrigins: ['https://grafana.example.com'],
        contentSecurityPolicy: null,
        hstsSeconds: 31536000,
        // inject() connects from 127.0.0.1: that hop is the trusted proxy here.
        trustProxy: ['127.0.0.1'],
        loginAttemptsPerMinute: 2,
      },
    });
  });
  afterAll(async () => {
    await strict?.close();
    await open?.close();
    await elsewhere?.close();
  });

  it('sends the security headers and a CSP on every response; the docs script is admitted by hash', async () => {
    for (const url of ['/healthz', '/api/v1/me', '/nope']) {
      const res = await strict.inject({ method: 'GET', url });
      expect(res.headers, url).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringContaining("script-src 'self'"),
      });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    const docs = await strict.inject({ method: 'GET', url: '/docs' });
    const script = /<script>([\s\S]*?)<\/script>/.exec(docs.body)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    expect(docs.headers['content-security-policy']).toContain(`script-src 'self' 'sha256-${hash}'`);
    const scriptSrc = /script-src ([^;]*)/.exec(String(docs.headers['content-security-policy']))![1]!;
    expect(scriptSrc).not.toContain('unsafe-inline');
  });

  it('allows CORS for configured origins only, and answers their preflight', async () => {
    const allowed = await open.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { origin: 'https://grafana.example.com' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://grafana.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    expect(allowed.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(allowed.headers['content-security-policy']).toBeUndefined();
    const other = await open.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    const preflight = await open.inject({
      method: 'OPTIONS',
      url: '/api/v1/metrics/dora',
      headers: { origin: 'https://grafana.example.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    const refused = await open.inject({
      method: 'OPTIONS',
      url: '/api/v1/metrics/dora',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(refused.headers['access-control-allow-methods']).toBeUndefined();
    // Without configured origins, no CORS at all.
    const none = await strict.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { origin: 'https://grafana.example.com' },
    });
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits login attempts per client address, with Retry-After', async () => {
    const attempt = (app: FastifyInstance, forwardedFor?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: login,
        ...(forwardedFor === undefined ? {} : { headers: { 'x-forwarded-for': forwardedFor } }),
      });
    for (let i = 0; i < 3; i++) expect((await attempt(strict)).json().error.code).toBe('LOGIN_FAILED');
    const limited = await attempt(strict);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({
      code: 'LOGIN_RATE_LIMITED',
      hint: expect.stringContaining('Retry-After'),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Without a trusted proxy, a forged X-Forwarded-For does not escape the limit.
    expect((await attempt(strict, '203.0.113.9')).statusCode).toBe(429);

    // Behind a trusted proxy, each forwarded client has its own allowance.
    expect((await attempt(open, '198.51.100.1')).statusCode).toBe(401);
    expect((await attempt(open, '198.51.100.1')).statusCode).toBe(401);
    expect((await attempt(open, '198.51.100.1')).statusCode).toBe(429);
    expect((await attempt(open, '198.51.100.2')).statusCode).toBe(401);
    // The client writes the leftmost entries itself; only the hop the trusted proxy saw counts.
    expect((await attempt(open, '203.0.113.7, 198.51.100.2')).statusCode).toBe(401);
    expect((await attempt(open, '203.0.113.8, 198.51.100.2')).statusCode).toBe(429);

    // X-Forwarded-For sent by an untrusted hop is ignored: a new value each time does not reset the limit.
    expect((await attempt(elsewhere, '198.51.100.10')).statusCode).toBe(401);
    expect((await attempt(elsewhere, '198.51.100.11')).statusCode).toBe(401);
    expect((await attempt(elsewhere, '198.51.100.12')).statusCode).toBe(429);
  });
});
