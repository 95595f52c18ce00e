/**
 * The fairness benchmark on PostgreSQL:
 * `npm run bench:fairness [-- --seconds 10 --days 365 --heavy 16 --store database]`.
 *
 * `--store memory` counts rate limits in the process instead, to see what the shared counters cost.
 *
 * Loads two demo organisations into a fresh database (dropped afterwards): tenant `demo`, whose
 * readers are measured, and tenant `heavy`, which floods uncached DORA reports. It serves the real
 * app on 127.0.0.1 (rate limits on, counted in PostgreSQL, set high enough not to refuse the
 * readers) and runs, each for --seconds with autocannon in this process:
 *
 *   1. a hello-world route added to the same server, 200 connections: the baseline;
 *   2. 200 readers of `demo`: 100 on GET /metrics/dora (a cached report) and 100 on GET
 *      /pull-requests, each connection alternating an API key and a user's access token;
 *   3. the same readers while `heavy` asks for --heavy distinct, uncached DORA reports at a time.
 *
 * It reports p50/p99, req/s, errors and non-2xx per group, 429s separately (the limiter's or the
 * report slots'), and readers' req/s as a ratio of hello-world. Writes test-artifacts/bench-fairness.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { migrate, openPostgres, type Db } from '@pulse/db';
import { loadDemo } from '@pulse/demo';
import { refreshFacts } from '@pulse/metrics';
import {
  buildApp,
  createApiKey,
  createLogger,
  SecretScrubber,
  signAccessToken,
  tokenKeys,
} from '@pulse/server';
import { createDatabase } from './database.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    days: { type: 'string', default: '365' },
    heavy: { type: 'string', default: '16' },
    store: { type: 'string', default: 'database' },
  },
});
const seconds = Number(values.seconds);
const days = Number(values.days);
const heavyClients = Number(values.heavy);
const store = values.store;
if (!(seconds >= 1 && days >= 7 && heavyClients >= 1) || (store !== 'database' && store !== 'memory'))
  throw new Error('--seconds ≥ 1, --days ≥ 7, --heavy ≥ 1 and --store database|memory are needed');
const readers = 100; // per group: DORA and listings
const log = (message: string) =>
  console.error(`[bench fairness ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Figures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** Answers other than 2xx and 429. */
  readonly failed: number;
  readonly tooMany: number;
}

function figures(result: autocannon.Result): Figures {
  const tooMany = result.statusCodeStats?.['429' as keyof typeof result.statusCodeStats]?.count ?? 0;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    failed: result.non2xx - tooMany,
    tooMany,
  };
}

/** `connections` clients for the bench's duration; each connection cycles through `requests`. */
function load(base: string, connections: number, requests: autocannon.Request[]): Promise<autocannon.Result> {
  return autocannon({ url: base, connections, duration: seconds, requests });
}

/** Distinct, uncached DORA reports of `heavy`, `clients` at a time, until `until`. */
async function flood(url: (n: number) => string, token: string, clients: number, until: number) {
  const counts = { ok: 0, busy: 0, other: 0, latencies: [] as number[] };
  let n = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const started = Date.now();
        const res = await fetch(url((n += 1)), { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (res.status === 200) {
          counts.ok += 1;
          counts.latencies.push(Date.now() - started);
        } else if (res.status === 429) {
          counts.busy += 1;
          // A refused report waits as it is told to, as a well-behaved client would (capped at 1 s).
          const wait = Math.min(1000, Number(res.headers.get('retry-after') ?? '1') * 1000);
          await new Promise((resolve) => setTimeout(resolve, wait));
        } else counts.other += 1;
      }
    }),
  );
  const sorted = counts.latencies.sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return { ok: counts.ok, busy: counts.busy, other: counts.other, p50Ms: p50 };
}

const database = await createDatabase();
let db: Db | undefined;
try {
  db = await openPostgres({ url: database.url, poolMax: 10 });
  await migrate(db);
  const day = 86_400_000;
  const end = new Date(Math.floor(Date.now() / day) * day);
  const common = { end, days, passwordHash: null, actor: 'bench' } as const;
  log(`loading two demo organisations of ${days} days`);
  const demo = await loadDemo(db, { ...common, tenantSlug: 'demo', seed: 1 });
  const heavy = await loadDemo(db, { ...common, tenantSlug: 'heavy', tenantName: 'Heavy', seed: 2 });
  await refreshFacts(db, demo.tenant.id);
  await refreshFacts(db, heavy.tenant.id);
  const keyring = createKeyring(parseSecretKey(generateSecretKey()));
  const keys = tokenKeys(keyring);
  const apiKey = await createApiKey(db, demo.tenant.id, { name: 'bench', scopes: ['read'], createdBy: null });
  const userToken = await signAccessToken(keys, { sub: demo.user.id, tid: demo.tenant.id, op: false });
  const heavyToken = await signAccessToken(keys, { sub: heavy.user.id, tid: heavy.tenant.id, op: false });
  const app = await buildApp({
    db,
    log: createLogger({ level: 'silent', scrubber: new SecretScrubber() }),
    keyring,
    webRoot: null,
    // The limiter counts every request in PostgreSQL, as in production, but refuses none of the
    // readers: the figures are of serving, and any 429 is reported apart.
    rateLimits: { perMinute: 10_000_000, store },
  });
  app.get('/hello', async () => ({ hello: 'world' }));
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const iso = (at: Date) => at.toISOString().slice(0, 10);
  const from = iso(new Date(end.getTime() - 90 * day));
  const doraPath = `/api/v1/metrics/dora?from=${from}&to=${iso(end)}`;
  const listPath = '/api/v1/pull-requests?limit=50';
  const both = (path: string): autocannon.Request[] => [
    { method: 'GET', path, headers: { authorization: `Bearer ${apiKey.key}` } },
    { method: 'GET', path, headers: { authorization: `Bearer ${userToken}` } },
  ];
  for (const path of [doraPath, listPath]) {
    const res = await fetch(base + path, { headers: { authorization: `Bearer ${userToken}` } });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  }
  // Each heavy report is distinct (another start day), so none is answered from the cache.
  const heavyUrl = (n: number) =>
    `${base}/api/v1/metrics/dora?from=${iso(new Date(end.getTime() - (days - (n % (days - 1))) * day))}&to=${iso(end)}`;

  log(`hello-world route, ${2 * readers} connections, ${seconds} s`);
  const hello = figures(await load(base, 2 * readers, [{ method: 'GET', path: '/hello' }]));
  const readersRun = async () => {
    const [dora, listings] = await Promise.all([
      load(base, readers, both(doraPath)),
      load(base, readers, both(listPath)),
    ]);
    return { dora: figures(dora), listings: figures(listings) };
  };
  log(`${readers} DORA + ${readers} listing readers, quiet, ${seconds} s`);
  const quiet = await readersRun();
  log(`the same readers while tenant heavy runs ${heavyClients} uncached reports at a time, ${seconds} s`);
  const until = Date.now() + seconds * 1000;
  const [loaded, heavyFlood] = await Promise.all([
    readersRun(),
    flood(heavyUrl, heavyToken, heavyClients, until + 500),
  ]);
  await app.close();

  const ratio = (f: { dora: Figures; listings: Figures }) =>
    Math.round(((f.dora.requestsPerSecond + f.listings.requestsPerSecond) / hello.requestsPerSecond) * 100) /
    100;
  const results = {
    cpus: os.cpus().length,
    seconds,
    days,
    readers: 2 * readers,
    heavyClients,
    rateLimitStore: store,
    hello,
    quiet: { ...quiet, ratio: ratio(quiet) },
    withHeavyTenant: { ...loaded, ratio: ratio(loaded), heavy: heavyFlood },
    goal: { p99Ms: 300 },
  };
  const line = (f: Figures) =>
    `${f.requestsPerSecond} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, errors ${f.errors}, failed ${f.failed}, 429 ${f.tooMany}`;
  const rows: [string, string][] = [
    ['machine', `${results.cpus} cores, Node ${process.version}`],
    ['hello-world', line(hello)],
    ['quiet: DORA (cached)', line(quiet.dora)],
    ['quiet: pull requests', line(quiet.listings)],
    ['quiet: readers ÷ hello', String(results.quiet.ratio)],
    ['heavy: DORA (cached)', line(loaded.dora)],
    ['heavy: pull requests', line(loaded.listings)],
    ['heavy: readers ÷ hello', String(results.withHeavyTenant.ratio)],
    [
      'heavy tenant reports',
      `${heavyFlood.ok} computed (p50 ${heavyFlood.p50Ms} ms), ${heavyFlood.busy} refused 429 REPORTS_BUSY, ${heavyFlood.other} other`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  mkdirSync(new URL('../test-artifacts/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('../test-artifacts/bench-fairness.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  const readerGroups = [quiet.dora, quiet.listings, loaded.dora, loaded.listings];
  if (readerGroups.some((f) => f.errors + f.failed + f.tooMany > 0)) throw new Error('some readers failed');
} finally {
  await db?.close();
  await database.drop();
}
