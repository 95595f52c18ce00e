/**
 * The API benchmark on PostgreSQL: `npm run bench:api [-- --seconds 10 --connections 10]`.
 *
 * Loads the demo organisation into a fresh database (dropped afterwards), serves the real app on
 * 127.0.0.1 and, with autocannon in the same process, measures requests/s and latency of
 * GET /api/v1/metrics/dora (a cached report, authenticated with an API key: the full request path
 * of authentication, role lookup, validation and the cache) against a hello-world route added to
 * the same server, one after the other, same connections and duration. Goal: dora ÷ hello ≥ 0.5.
 * Prints a table and writes test-artifacts/bench-api.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { migrate, openPostgres, type Db } from '@pulse/db';
import { loadDemo } from '@pulse/demo';
import { refreshFacts } from '@pulse/metrics';
import { buildApp, createApiKey, createLogger, SecretScrubber } from '@pulse/server';
import { createDatabase } from './database.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (!(seconds >= 1 && connections >= 1)) throw new Error('--seconds and --connections must be ≥ 1');
const log = (message: string) =>
  console.error(`[bench api ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

async function load(url: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

const database = await createDatabase();
let db: Db | undefined;
try {
  db = await openPostgres({ url: database.url, poolMax: 8 });
  await migrate(db);
  const day = 86_400_000;
  const end = new Date(Math.floor(Date.now() / day) * day);
  log('loading the demo organisation');
  const demo = await loadDemo(db, {
    tenantSlug: 'demo',
    seed: 1,
    end,
    days: 365,
    passwordHash: null,
    actor: 'bench',
  });
  await refreshFacts(db, demo.tenant.id);
  const key = await createApiKey(db, demo.tenant.id, { name: 'bench', scopes: ['read'], createdBy: null });
  const app = await buildApp({
    db,
    log: createLogger({ level: 'silent', scrubber: new SecretScrubber() }),
    keyring: createKeyring(parseSecretKey(generateSecretKey())),
  });
  app.get('/hello', async () => ({ hello: 'world' }));
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const from = new Date(end.getTime() - 90 * day).toISOString().slice(0, 10);
  const doraUrl = `${base}/api/v1/metrics/dora?from=${from}&to=${end.toISOString().slice(0, 10)}`;
  const auth = { authorization: `Bearer ${key.key}` };
  const first = await fetch(doraUrl, { headers: auth });
  const firstBody = await first.text();
  if (first.status !== 200) throw new Error(`dora answered ${first.status}: ${firstBody}`);
  log(`hello-world route, ${connections} connections, ${seconds} s`);
  const hello = await load(`${base}/hello`, {});
  log(`GET /api/v1/metrics/dora (cached), ${connections} connections, ${seconds} s`);
  const dora = await load(doraUrl, auth);
  await app.close();
  const ratio = Math.round((dora.requestsPerSecond / hello.requestsPerSecond) * 100) / 100;
  const doraBytes = Buffer.byteLength(firstBody);
  const results = { cpus: os.cpus().length, seconds, connections, hello, dora, doraBytes, ratio, goal: 0.5 };
  const rows: [string, string][] = [
    ['machine', `${results.cpus} cores, Node ${process.version}`],
    ['hello-world route', `${hello.requestsPerSecond} req/s, p50 ${hello.p50Ms} ms, p99 ${hello.p99Ms} ms`],
    [
      'GET /metrics/dora (cached)',
      `${dora.requestsPerSecond} req/s, p50 ${dora.p50Ms} ms, p99 ${dora.p99Ms} ms`,
    ],
    ['errors / non-2xx', `${hello.errors + dora.errors} / ${hello.non2xx + dora.non2xx}`],
    ['dora ÷ hello (req/s)', `${ratio} (goal ≥ 0.5) ${ratio >= 0.5 ? 'met' : 'NOT met'}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  mkdirSync(new URL('../test-artifacts/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('../test-artifacts/bench-api.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  if (hello.non2xx + dora.non2xx + hello.errors + dora.errors > 0) throw new Error('some requests failed');
} finally {
  await db?.close();
  await database.drop();
}
