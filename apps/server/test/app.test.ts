/** The HTTP app through inject(): health endpoints and the error shape, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { migrate, openPglite } from '@pulse/db';
import { openSyncQueue } from '@pulse/sync';
import { buildApp, createLogger, SecretScrubber } from '@pulse/server';
import { describeEachDb } from '../../../test/support/databases.ts';

const log = createLogger({ level: 'silent', scrubber: new SecretScrubber() });
const keyring = createKeyring(parseSecretKey(generateSecretKey()));

describeEachDb('HTTP app', (handle) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: handle.db, log, keyring });
  });
  afterAll(() => app.close());

  it('answers /healthz and /readyz when the database is up and migrated', async () => {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('keeps the caller’s request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers['x-request-id']).toBe('trace-42');
  });

  it('answers unknown routes with the standard error body', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route GET /api/v1/nope.', hint: expect.any(String) },
    });
  });
});

describeEachDb('HTTP app with a sync queue', (handle) => {
  it('is ready only while its sync queue answers', async () => {
    const queue = await openSyncQueue(
      handle.db,
      handle.url === undefined ? {} : { connectionString: handle.url },
    );
    const app = await buildApp({ db: handle.db, log, keyring, sync: { queue } });
    try {
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.json()).toEqual({
        status: 'ready',
        checks: { database: 'ok', migrations: 'ok', queue: 'ok' },
      });
      // The queue's tables gone (a dropped schema): the node must not take traffic.
      await handle.db.exec('alter schema pgboss rename to pgboss_gone');
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        checks: { database: 'ok', migrations: 'ok', queue: 'fail' },
        error: { code: 'QUEUE_UNAVAILABLE' },
      });
      await handle.db.exec('alter schema pgboss_gone rename to pgboss');
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await queue.stop();
    }
  });
});

describeEachDb(
  'HTTP app before migrations',
  (handle) => {
    it('is not ready while migrations are pending, and says how to fix it', async () => {
      const app = await buildApp({ db: handle.db, log, keyring });
      try {
        const res = await app.inject({ method: 'GET', url: '/readyz' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({
          status: 'unavailable',
          checks: { database: 'ok', migrations: 'fail' },
          error: { code: 'MIGRATIONS_PENDING', hint: 'Run: pulse migrate' },
        });
        expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    });
  },
  { migrate: false },
);

describe('HTTP app without a database', () => {
  it('stays alive but not ready when the database stops answering', async () => {
    const db = await openPglite();
    await migrate(db);
    const app = await buildApp({ db, log, keyring });
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await db.close();
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        checks: { database: 'fail' },
        error: { code: 'DATABASE_UNREACHABLE' },
      });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
