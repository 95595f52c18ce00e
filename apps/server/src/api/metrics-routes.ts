/**
 * GET /metrics/dora and /metrics/prs: the same parameters and JSON as `pulse metrics dora|prs
 * --json`. They read the metric facts as they are: the server refreshes them in the background
 * after data changes (facts-refresher.ts); `refresh=true` waits for a refresh first.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db } from '@pulse/db';
import { doraSummary, prSummary, reportQuery, type BenchmarkYear } from '@pulse/metrics';
import type { FactsRefresher } from '../facts-refresher.ts';
import { ReportsBusyError, type ReportSlots } from '../limits/report-slots.ts';
import type { StreamBus } from '../stream/bus.ts';
import { assertRange, defaultLimits, timeInput, withStatementTimeout, type ApiLimits } from './limits.ts';
import { MetricsCache } from './metrics-cache.ts';
import { route, type ApiRoute } from './route.ts';

const many = z
  .union([z.string().min(1), z.array(z.string().min(1))])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const period = {
  from: timeInput.optional().describe('Start, YYYY-MM-DD or ISO timestamp (default: 90 days before `to`).'),
  to: timeInput.optional().describe('End, exclusive (default: now).'),
  timeZone: z.string().default('UTC').describe('IANA time zone of days, weeks and months.'),
  granularity: z.enum(['day', 'week', 'month']).default('week').describe('Series bucket.'),
  team: z.string().optional().describe('Only this team (key or name).'),
  repository: many
    .optional()
    .describe('Only these repositories (owner/name or name); repeat the parameter for several.'),
  refresh: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Wait for the metric facts to be brought up to date first (seconds on large tenants).'),
};

const doraQuery = z.strictObject({
  ...period,
  environment: z.string().optional().describe('Deployments to this environment (default: production ones).'),
  benchmark: z
    .enum(['2021', '2023', '2024'])
    .default('2024')
    .transform((v) => Number(v) as BenchmarkYear)
    .describe('DORA report year of the bands.'),
});
const prsQuery = z.strictObject(period);

type PeriodQuery = z.infer<typeof prsQuery>;

export function metricsRoutes(deps: {
  db: Db;
  facts: FactsRefresher;
  stream: StreamBus;
  limits?: ApiLimits | undefined;
  reportSlots: ReportSlots;
}): ApiRoute[] {
  const limits = deps.limits ?? defaultLimits;
  // Reports run under a statement timeout; the facts refresh (refresh=true) does not.
  const reports = withStatementTimeout(deps.db, limits.reportTimeoutMs);
  const cache = new MetricsCache();
  // Facts refreshed here, or data changed by any process (a worker's refresh included).
  deps.facts.onRefreshed((tenantId) => cache.invalidate(tenantId));
  deps.stream.onData((tenantId) => cache.invalidate(tenantId));
  /**
   * The report of `query` as JSON text, from the cache unless it asked for a refresh. The text is
   * cached, not the object: serialising a report costs more than finding it. A computation takes
   * one of the tenant's report slots (limits/report-slots.ts); a cached answer takes none.
   */
  const cached = async (
    reply: FastifyReply,
    tenantId: string,
    family: string,
    query: PeriodQuery,
    compute: () => Promise<unknown>,
  ) => {
    if (query.refresh) await deps.facts.now(tenantId);
    // Without from/to the period moves with the clock: such reports are keyed by the minute.
    const key = JSON.stringify([family, query, query.to === undefined ? Math.floor(Date.now() / 60_000) : 0]);
    try {
      const text = await cache.get(tenantId, key, () =>
        deps.reportSlots.run(tenantId, async () => JSON.stringify(await compute())),
      );
      void reply.type('application/json; charset=utf-8');
      return text;
    } catch (error) {
      if (error instanceof ReportsBusyError)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  };
  const prepare = async (tenantId: string, q: PeriodQuery) => {
    const query = await reportQuery(reports, tenantId, { ...q, repositories: q.repository });
    assertRange(query.from, query.to, limits);
    return query;
  };
  return [
    route<z.infer<typeof doraQuery>>({
      method: 'GET',
      path: '/metrics/dora',
      summary:
        'The five DORA metrics over a period, with benchmark bands and a series (as `pulse metrics dora --json`).',
      tag: 'metrics',
      auth: 'viewer',
      query: doraQuery,
      response: z.looseObject({}).describe('A DORA report: docs/metrics.md describes every field.'),
      handler: ({ principal, query, reply }) =>
        cached(reply, principal.tenantId, 'dora', query, async () =>
          doraSummary(reports, principal.tenantId, {
            ...(await prepare(principal.tenantId, query)),
            environment: query.environment ?? null,
            benchmark: query.benchmark,
          }),
        ),
    }),
    route<PeriodQuery>({
      method: 'GET',
      path: '/metrics/prs',
      summary: 'Pull request stages, throughput and size over a period (as `pulse metrics prs --json`).',
      tag: 'metrics',
      auth: 'viewer',
      query: prsQuery,
      response: z.looseObject({}).describe('A pull request report: docs/metrics.md describes every field.'),
      handler: ({ principal, query, reply }) =>
        cached(reply, principal.tenantId, 'prs', query, async () =>
          prSummary(reports, principal.tenantId, await prepare(principal.tenantId, query)),
        ),
    }),
  ];
}
