/**
 * `pulse serve` (the real CLI in a child process) on a PostgreSQL cluster of this test's own,
 * syncing the fake GitHub while PostgreSQL is restarted ten times (fast and immediate modes) under
 * API traffic: the process keeps running, /healthz stays 200, /readyz answers 503 while the
 * server is down and 200 once it is back, and the run resumes by itself and stores exactly the
 * fake's organisation.
 *
 * Needs pg_createcluster (Debian's postgresql-common). Skipped without it, except under CI=true.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, generateSecretKey, parseSecretKey } from '@pulse/core';
import { githubConnector } from '@pulse/connectors';
import { createTenant, migrate, openPostgres, withTenant } from '@pulse/db';
import { addIntegration, connectorRegistry } from '@pulse/sync';
import { generateOrganisation } from '../../../packages/connectors/test/github/fake/generate.ts';
import {
  startFakeGithub,
  type FakeGithubServer,
} from '../../../packages/connectors/test/github/fake/server.ts';
import { freePort, startPulse, tempDir, type PulseProcess } from './support/run-pulse.ts';

const run = promisify(execFile);
const hasClusterTools = (() => {
  try {
    execFileSync('which', ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasClusterTools && process.env.CI === 'true')
  throw new Error('pg_createcluster is not installed; under CI=true the PostgreSQL restart test must run.');

/** Each GitHub answer waits this long, so the sync lasts through ten restarts. */
const latencyMs = 400;
const restarts = 10;

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A proxy to the fake GitHub that delays every answer by `latencyMs`. */
function slowProxy(target: URL): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    setTimeout(() => {
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    }, latencyMs);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

describe.skipIf(!hasClusterTools)('pulse serve through PostgreSQL restarts', () => {
  const cluster = `pulse_restart_${randomBytes(4).toString('hex')}`;
  const dir = tempDir('pulse-restart-');
  const secretKey = generateSecretKey();
  let created = false;
  let databaseUrl = '';
  let fake: FakeGithubServer;
  let proxy: { server: Server; url: string };
  let serve: PulseProcess | undefined;
  let base = '';
  let tenantId = '';
  /** The API traffic loop runs while this is true (cleared in afterAll too, on failure). */
  let traffic = false;

  /** One query on a fresh connection; undefined while the server is down. */
  const peek = async <R>(sql: string, params: unknown[] = []): Promise<R[] | undefined> => {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.query(sql, params)).rows as R[];
    } catch {
      return undefined;
    } finally {
      await client.end().catch(() => {});
    }
  };
  const status = async (path: string) => {
    if (serve?.child.exitCode != null || serve?.child.signalCode != null)
      throw new Error(
        `pulse serve exited (${serve.child.exitCode ?? serve.child.signalCode}):\n${serve.stderr()}\n${serve.stdout().slice(-4000)}`,
      );
    try {
      return (await fetch(`${base}${path}`, { signal: AbortSignal.timeout(5000) })).status;
    } catch {
      return 0;
    }
  };

  beforeAll(async () => {
    const port = await freePort();
    await run('pg_createcluster', ['15', cluster, '-p', String(port), '--', '--auth=trust']);
    created = true;
    await run('pg_ctlcluster', ['15', cluster, 'start']);
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('create database pulse');
    await admin.end();
    databaseUrl = `postgres://postgres@127.0.0.1:${port}/pulse`;

    fake = await startFakeGithub(generateOrganisation({ repositories: 16, pullsPerRepository: 12 }));
    proxy = await slowProxy(new URL(fake.baseUrl));
    const db = await openPostgres({ url: databaseUrl, poolMax: 2 });
    try {
      await migrate(db);
      const tenant = await createTenant(db, { slug: 'acme' }, 'test');
      tenantId = tenant.id;
      await addIntegration(
        db,
        createKeyring(parseSecretKey(secretKey)),
        connectorRegistry([githubConnector]),
        tenant.id,
        {
          kind: 'github',
          name: 'gh',
          config: { baseUrl: proxy.url, repositories: { org: fake.model.org } },
          secrets: { token: fake.token },
        },
      );
    } finally {
      await db.close();
    }
    const httpPort = await freePort();
    base = `http://127.0.0.1:${httpPort}`;
    // The worker inside serve runs the scheduler at start, which queues the new integration.
    serve = startPulse(['serve', '--port', String(httpPort)], {
      cwd: dir.path,
      // The fake GitHub listens on loopback, which only the operator's allow list opens.
      env: {
        DATABASE_URL: databaseUrl,
        PULSE_SECRET_KEY: secretKey,
        LOG_LEVEL: 'info',
        PULSE_EGRESS_ALLOW: '127.0.0.1',
      },
    });
    await serve.waitForStdout(/Pulse is running at/, 60_000);
  });

  afterAll(async () => {
    traffic = false;
    if (serve !== undefined) {
      const killer = setTimeout(() => serve?.child.kill('SIGKILL'), 15_000);
      await serve.stop('SIGTERM');
      clearTimeout(killer);
    }
    await new Promise((resolve) => proxy?.server.close(resolve));
    await fake?.close();
    if (created) await run('pg_dropcluster', ['--stop', '15', cluster]).catch(() => {});
    dir.remove();
  });

  it(
    'keeps serving, reports readiness truthfully, and resumes the run with exact counts',
    { timeout: 230_000 },
    async () => {
      const runId = await until('the scheduled run', async () => {
        const rows = await peek<{ id: number }>("select id from sync_runs where state = 'running'");
        return rows?.[0]?.id;
      });
      // API traffic throughout: liveness must never fail, readiness is recorded.
      const healthz: number[] = [];
      traffic = true;
      const trafficLoop = (async () => {
        while (traffic) {
          // A dead serve is reported by the restart loop; this loop only records.
          healthz.push(await status('/healthz').catch(() => -1));
          await status('/api/v1/integrations').catch(() => -1);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();

      const pages = async () =>
        (
          await peek<{ n: number; state: string }>(
            `select coalesce(sum(p.pages), 0)::int as n, r.state from sync_runs r
             left join sync_partitions p on p.sync_run_id = r.id where r.id = $1 group by r.state`,
            [runId],
          )
        )?.[0];
      let lastPages = 0;
      const cycles: { mode: string; sawDown: boolean; pagesBefore: number }[] = [];
      for (let i = 0; i < restarts; i += 1) {
        // Restart only once the run has stored a page since the last restart: it is mid-sync.
        const progress = await until('a stored page', async () => {
          const now = await pages();
          return now !== undefined && (now.n > lastPages || now.state !== 'running') ? now : undefined;
        });
        expect(progress.state, `run still running before restart ${i + 1}`).toBe('running');
        lastPages = progress.n;
        const mode = i % 2 === 0 ? 'fast' : 'immediate';
        let restarting = true;
        let sawDown = false;
        const restart = run('pg_ctlcluster', ['15', cluster, 'restart', '-m', mode], {
          timeout: 60_000,
        }).finally(() => (restarting = false));
        while (restarting) {
          if ((await status('/readyz')) === 503) sawDown = true;
        }
        await restart;
        await until('/readyz 200 after the restart', async () =>
          (await status('/readyz')) === 200 ? true : undefined,
        );
        cycles.push({ mode, sawDown, pagesBefore: progress.n });
      }
      const finished = await until(
        'the run to finish',
        async () => {
          const rows = await peek<{
            state: string;
            summary: { records: number; failedPartitions: unknown[] };
          }>('select state, summary from sync_runs where id = $1', [runId]);
          const row = rows?.[0];
          return row !== undefined && !['queued', 'running'].includes(row.state) ? row : undefined;
        },
        120_000,
      );
      traffic = false;
      await trafficLoop;

      expect(cycles).toHaveLength(restarts);
      expect(cycles.filter((c) => !c.sawDown)).toEqual([]);
      expect(healthz.length).toBeGreaterThan(0);
      expect(healthz.filter((s) => s !== 200)).toEqual([]);
      expect(serve!.child.exitCode, serve!.stderr()).toBeNull();
      expect(serve!.stdout()).not.toContain('unhandled rejection');

      expect(finished.state).toBe('succeeded');
      expect(finished.summary.failedPartitions).toEqual([]);
      const partitionRecords = await peek<{ n: number }>(
        'select sum(records)::int as n from sync_partitions where sync_run_id = $1',
        [runId],
      );
      expect(finished.summary.records).toBe(partitionRecords?.[0]?.n);

      const repos = fake.model.repositories.filter((r) => !r.deleted);
      const pulls = repos.flatMap((r) => r.pulls.map((p) => `${r.name}#${p.number}`)).sort();
      const reviews = repos.flatMap((r) => r.pulls.flatMap((p) => p.reviews.map((v) => v.id))).sort();
      const stored = await withStored();
      expect(stored.repositories).toEqual(repos.map((r) => `${r.owner}/${r.name}`).sort());
      expect(stored.pullRequests).toEqual(pulls);
      expect(stored.reviews).toEqual(reviews);
      expect(stored.prCommits).toBe(
        repos.reduce((n, r) => n + r.pulls.reduce((m, p) => m + p.commits.length, 0), 0),
      );
    },
  );

  /** The synced rows, read under the tenant's row-level security. */
  async function withStored() {
    const db = await openPostgres({ url: databaseUrl, poolMax: 1 });
    try {
      return await withTenant(db, tenantId, async (tx) => {
        const list = async (sql: string) => (await tx.query<{ v: string }>(sql)).rows.map((r) => r.v);
        return {
          repositories: await list('select full_name as v from repositories order by 1'),
          pullRequests: await list(
            "select r.name || '#' || p.number as v from pull_requests p join repositories r on r.id = p.repository_id order by 1",
          ),
          reviews: await list('select external_id as v from pull_request_reviews order by 1'),
          prCommits: (await tx.query<{ n: number }>('select count(*)::int as n from pull_request_commits'))
            .rows[0]!.n,
        };
      });
    } finally {
      await db.close();
    }
  }
});
