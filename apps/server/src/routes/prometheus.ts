/**
 * Prometheus metrics at /metrics: HTTP latency histograms by route, the process's own metrics
 * (event-loop lag, memory, CPU), and the sync engine's totals read from the database at scrape
 * time, so every API node reports the work of all workers. Only platform-wide aggregates: no
 * tenant, name or label from stored data appears here.
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { readAsOperator, type Db } from '@pulse/db';
import { runStates } from '@pulse/sync';

export function registerPrometheus(app: FastifyInstance, deps: { db: Db }): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pulse_' });
  const duration = new Histogram({
    name: 'pulse_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'pulse_http_requests_total',
    help: 'HTTP requests by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'],
    registers: [registry],
  });
  new Gauge({
    name: 'pulse_sync_runs',
    help: 'Sync runs by state, across tenants (queued = the queue depth).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const rows = await readAsOperator(deps.db, (tx) =>
        tx.query<{ state: string; n: number }>(
          'select state, count(*)::int as n from sync_runs group by state',
        ),
      );
      this.reset();
      for (const state of runStates) this.set({ state }, rows.rows.find((r) => r.state === state)?.n ?? 0);
    },
  });
  const totals = new Gauge({
    name: 'pulse_sync_totals',
    help: 'Sums over all sync runs kept: records written, source requests, rate-limit waits and seconds waited.',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const rows = await readAsOperator(deps.db, (tx) =>
        tx.query<{ records: number; requests: number; waits: number; wait_ms: number }>(
          `select coalesce(sum((progress->>'records')::bigint), 0)::float8 as records,
                  coalesce(sum((progress->>'requests')::bigint), 0)::float8 as requests,
                  coalesce(sum((progress->>'rateLimitWaits')::bigint), 0)::float8 as waits,
                  coalesce(sum((progress->>'rateLimitWaitMs')::bigint), 0)::float8 as wait_ms
           from sync_runs`,
        ),
      );
      const row = rows.rows[0]!;
      totals.set({ kind: 'records' }, row.records);
      totals.set({ kind: 'requests' }, row.requests);
      totals.set({ kind: 'rate_limit_waits' }, row.waits);
      totals.set({ kind: 'rate_limit_wait_seconds' }, row.wait_ms / 1000);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids and query strings would explode the label set.
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    duration.observe(labels, reply.elapsedTime / 1000);
    requests.inc(labels);
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
  return registry;
}
