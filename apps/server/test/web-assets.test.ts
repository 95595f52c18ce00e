/**
 * The dashboard's static files through the real app: files with their types and caching, the
 * gzip twin when accepted, index.html for client routes, JSON 404s kept for the API, and no way
 * out of the folder. Uses a small built-like folder, not the real build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { openPglite, type Db } from '@pulse/db';
import { buildApp, createLogger, SecretScrubber } from '@pulse/server';

const log = createLogger({ level: 'silent', scrubber: new SecretScrubber() });
const keyring = createKeyring(parseSecretKey(generateSecretKey()));
const indexHtml = '<!doctype html><div id="root"></div><script src="/assets/app-1a2b.js"></script>';
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

describe('dashboard assets', () => {
  const root = mkdtempSync(join(tmpdir(), 'pulse-web-'));
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), indexHtml);
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'assets', 'app-1a2b.js'), script);
    writeFileSync(join(root, 'assets', 'app-1a2b.js.gz'), gzipSync(script));
    writeFileSync(join(tmpdir(), 'pulse-web-secret.txt'), 'outside');
    db = await openPglite();
    app = await buildApp({ db, log, keyring, webRoot: root });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes with their query, never cached', async () => {
    for (const url of ['/', '/dora?team=core&period=30d', '/deployments/42', '/admin/integrations']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(indexHtml);
    }
  });

  it('serves hashed assets for a year, gzipped when the browser accepts it', async () => {
    const plain = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    const gzipped = await app.inject({
      method: 'GET',
      url: '/assets/app-1a2b.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(Number(gzipped.headers['content-length'])).toBeLessThan(script.length / 10);
    const svg = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
  });

  it('keeps JSON 404s for API and operations paths and for missing files', async () => {
    for (const url of ['/api/v1/nope', '/api/v2', '/metrics/x', '/assets/missing.js', '/healthz/deep']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('never serves a file outside its folder', async () => {
    for (const url of [
      '/../pulse-web-secret.txt',
      '/%2e%2e/pulse-web-secret.txt',
      '/assets/%2e%2e/%2e%2e/pulse-web-secret.txt',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('outside');
    }
    // A malformed escape is refused (Fastify answers 400 before routing), not served as the app.
    const bad = await app.inject({ method: 'GET', url: '/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain('id="root"');
  });

  it('says how to build the dashboard when it is missing', async () => {
    const empty = await buildApp({ db, log, keyring, webRoot: join(root, 'nowhere') });
    try {
      const res = await empty.inject({ method: 'GET', url: '/dora' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build -w @pulse/web');
    } finally {
      await empty.close();
    }
  });
});
