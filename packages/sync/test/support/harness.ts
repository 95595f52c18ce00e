/** Runner dependencies for tests: a real keyring, the given connectors, a silent log, no HTTP. */
import { randomBytes } from 'node:crypto';
import { createKeyring, parseSecretKey } from '@pulse/core';
import type { HttpClient } from '@pulse/connectors';
import { createTenant, type Db } from '@pulse/db';
import { connectorRegistry, type AnyConnector, type ProgressEvent, type RunnerDeps } from '@pulse/sync';

/** One fixed key for every test process, so a child process can open what its parent sealed. */
const testKeyring = createKeyring(parseSecretKey(Buffer.alloc(32, 7).toString('base64')));

export const silentLog = { debug: () => {}, info: () => {}, warn: () => {} };

const noHttp: HttpClient = {
  request: () => Promise.reject(new Error('this connector makes no HTTP requests')),
  stats: { requests: 0, retries: 0, notModified: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 },
};

export function testDeps(
  db: Db,
  connectors: readonly AnyConnector[],
  extra: Partial<Omit<RunnerDeps, 'db'>> & { events?: ProgressEvent[] } = {},
): RunnerDeps {
  const events = extra.events;
  return {
    db,
    registry: connectorRegistry(connectors),
    keyring: testKeyring,
    log: silentLog,
    workerId: `test-${randomBytes(4).toString('hex')}`,
    createHttp: () => noHttp,
    orphanAfterMs: 0,
    ...extra,
    ...(events === undefined ? {} : { onProgress: (event: ProgressEvent) => void events.push(event) }),
  };
}

export async function newTenant(db: Db, prefix = 't'): Promise<string> {
  const tenant = await createTenant(
    db,
    { slug: `${prefix}-${randomBytes(4).toString('hex')}`, name: 'Test' },
    'test',
  );
  return tenant.id;
}
