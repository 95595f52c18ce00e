/**
 * The metrics benchmark on PostgreSQL: `npm run bench [-- --scale 0.1]` (or BENCH_SCALE=0.1).
 *
 * Generates an organisation (scale 1 = 1,000,000 pull requests, 5,000,000 commits, 100,000
 * deployments, 20,000 incidents) in a fresh database, refreshes the metric facts, measures
 * doraSummary and prSummary over one year (cold and warm), runs the raw-table baseline on the same
 * data and checks it agrees, checks prSummary against its sorting path, prints a table and writes
 * test-artifacts/bench-metrics.json. The database is dropped afterwards, also on failure or Ctrl-C.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createTenant, migrate, openPostgres, withTenant, type Db, type Tx } from '@pulse/db';
import {
  doraSql,
  doraSummary,
  leadTimeFigures,
  prSummary,
  refreshFacts,
  type PrReport,
} from '@pulse/metrics';
import { baselineDora, type BaselineFigures } from './baseline.ts';
import { adminQuery, createDatabase } from './database.ts';
import { addDeployments, generate, shapeFor } from './generate.ts';
import { latency, peakRss, percentile, timed, watchActivity, type Latency } from './measure.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    'warm-calls': { type: 'string', default: '30' },
    'baseline-calls': { type: 'string' },
    concurrency: { type: 'string' },
  },
});
const scale = Number(args.scale ?? process.env.BENCH_SCALE ?? '1');
if (!(scale >= 0.001 && scale <= 100))
  throw new Error(`--scale must be a number from 0.001 to 100, not ${scale}`);
const warmCalls = Number(args['warm-calls']);
const concurrency = Number(args.concurrency ?? Math.max(1, Math.min(4, os.cpus().length)));

const day = 86_400_000;
const end = new Date(Math.floor(Date.now() / day) * day);
const period = { from: new Date(end.getTime() - 365 * day), to: end };
const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const database = await createDatabase();
let db: Db | undefined;
const interrupted = () => {
  log('interrupted: dropping the benchmark database');
  // Dropping it ends this process's connections; their errors no longer matter.
  process.on('uncaughtException', () => {});
  process.on('unhandledRejection', () => {});
  void database.drop().finally(() => process.exit(130));
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);

try {
  db = await openPostgres({ url: database.url, poolMax: concurrency + 1 });
  await migrate(db);
  const results = await run(db);
  const failures = [...results.checks, ...results.prChecks].filter((c) => !c.equal);
  printTable(results);
  mkdirSync(new URL('../test-artifacts/', import.meta.url), { recursive: true });
  const file = new URL('../test-artifacts/bench-metrics.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`figures written to ${file.pathname}`);
  if (failures.length > 0) {
    throw new Error(`the figures disagree on: ${failures.map((c) => c.figure).join(', ')}`);
  }
} finally {
  await db?.close();
  await database.drop();
}

async function run(db: Db) {
  const shape = shapeFor(scale);
  const [server] = await adminQuery<{ version: string }>(
    "select current_setting('server_version') as version",
  );
  const tenant = await createTenant(db, { slug: 'bench', name: 'Benchmark organisation' }, 'bench');
  log(`scale ${scale}: generating ${shape.pullRequests} pull requests on ${concurrency} connections`);

  const generation = await timed(() =>
    generate(db, tenant.id, shape, {
      end,
      concurrency,
      onRepository: (done, total) => done % 10 === 0 && log(`generated ${done}/${total} repositories`),
    }),
  );
  const analyze = await timed(() => db.exec('analyze'));
  const rows = await countRows(db, tenant.id, [
    'repositories',
    'commits',
    'commit_parents',
    'pull_requests',
    'pull_request_commits',
    'pull_request_reviews',
    'deployments',
    'incidents',
  ]);
  log(`loaded in ${seconds(generation.ms + analyze.ms)}; refreshing the metric facts`);

  const stopWatching = await watchActivity(database.url, database.name, classifyRefresh);
  const refresh = await timed(() => refreshFacts(db, tenant.id));
  const refreshProfile = await stopWatching();
  // What autovacuum does after bulk inserts (PostgreSQL >= 13 vacuums insert-only tables too): the
  // statistics, and the visibility map the DORA queries' index-only scans need.
  const analyzeFacts = await timed(() =>
    db.exec(
      'vacuum (analyze) deployment_commits, deployment_facts, change_facts, change_lead_time_days, pull_request_facts, pull_request_stage_days',
    ),
  );
  const facts = await countRows(db, tenant.id, [
    'deployment_commits',
    'deployment_facts',
    'change_facts',
    'pull_request_facts',
  ]);
  log(`refreshed ${refresh.value.deployments} deployments in ${seconds(refresh.ms)}; measuring`);

  const dora = await latency(() => doraSummary(db, tenant.id, period), warmCalls);
  const prs = await latency(() => prSummary(db, tenant.id, period), warmCalls);
  // The same report filtered to every repository: percentile_cont over the year's pull requests,
  // the path filtered reports take (and every report took before the histogram).
  const repositoryIds = await withTenant(db, tenant.id, async (tx) =>
    (await tx.query<{ id: number }>('select id from repositories order by id')).rows.map((r) => r.id),
  );
  const prsBySorting = await latency(
    () => prSummary(db, tenant.id, { ...period, repositoryIds }),
    Math.min(warmCalls, 10),
  );
  const prChecks = comparePrs(prs.first, prsBySorting.first);
  const doraQueries = await doraQueryTimes(db, tenant.id, warmCalls);

  const first = await timed(() => baselineDora(db, tenant.id, period));
  // The baseline takes minutes at scale 1: the slower it is, the fewer calls are measured.
  const baselineCalls = Number(
    args['baseline-calls'] ?? (first.ms < 10_000 ? 10 : first.ms < 60_000 ? 3 : 1),
  );
  log(`baseline first call ${seconds(first.ms)}; ${baselineCalls} calls in all`);
  const repeats: number[] = [];
  for (let i = 1; i < baselineCalls; i++)
    repeats.push((await timed(() => baselineDora(db, tenant.id, period))).ms);
  const measured = [first.ms, ...repeats];
  const baseline = {
    coldMs: first.ms,
    calls: measured.length,
    p50Ms: percentile(measured, 0.5),
    minMs: Math.min(...measured),
    maxMs: Math.max(...measured),
    figures: first.value,
  };

  // Steady state: one new deployment per repository (after the measured period), then a refresh.
  const added = await addDeployments(db, tenant.id, shape, new Date(end.getTime() + 3_600_000));
  const stopWatchingAgain = await watchActivity(database.url, database.name, classifyRefresh);
  const incremental = await timed(() => refreshFacts(db, tenant.id));
  const incrementalProfile = await stopWatchingAgain();
  log(`refreshed after ${added} new deployments in ${seconds(incremental.ms)}`);

  const report = dora.first;
  const checks = compare(first.value, {
    deployments: report.deploymentFrequency.deployments,
    deploymentDays: report.deploymentFrequency.deploymentDays,
    failed: report.changeFailRate.failed,
    leadTimeSamples: report.changeLeadTime.sampleSize,
    leadTimeMedian: report.changeLeadTime.median,
    leadTimeP75: report.changeLeadTime.p75,
    leadTimeP90: report.changeLeadTime.p90,
  });
  const ratio = baseline.p50Ms / dora.latency.p50Ms;
  return {
    date: new Date().toISOString(),
    scale,
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      postgres: server?.version ?? 'unknown',
    },
    shape: {
      pullRequests: shape.pullRequests,
      commits: shape.commits,
      deployments: shape.deployments,
      incidents: shape.incidents,
    },
    rows,
    facts,
    databaseBytes: await databaseBytes(),
    generation: {
      loadMs: generation.ms,
      analyzeMs: analyze.ms,
      totalMs: generation.ms + analyze.ms,
      concurrency,
    },
    refresh: {
      ms: refresh.ms,
      deployments: refresh.value.deployments,
      msPerDeployment: refresh.ms / refresh.value.deployments,
      projectedFullScaleMs: (refresh.ms / refresh.value.deployments) * 100_000,
      profileSeconds: refreshProfile,
      analyzeFactsMs: analyzeFacts.ms,
    },
    incrementalRefresh: {
      ms: incremental.ms,
      newDeployments: added,
      deployments: incremental.value.deployments,
      profileSeconds: incrementalProfile,
    },
    dora: dora.latency,
    doraQueries,
    prs: prs.latency,
    prsBySorting: prsBySorting.latency,
    doraFigures: {
      deployments: report.deploymentFrequency.deployments,
      failed: report.changeFailRate.failed,
      changeFailRate: report.changeFailRate.value,
      leadTimeMedian: report.changeLeadTime.median,
      leadTimeSamples: report.changeLeadTime.sampleSize,
      recoveryMedian: report.failedDeploymentRecoveryTime.median,
      prsMerged: prs.first.merged,
    },
    baseline,
    checks,
    prChecks,
    ratio,
    goals: {
      doraWarmP50Under100ms: dora.latency.p50Ms <= 100,
      doraWarmP95Under100ms: dora.latency.p95Ms <= 100,
      tenTimesFasterThanBaseline: ratio >= 10,
    },
    peakRssBytes: peakRss(),
  };
}

/**
 * Warm time of the parts of doraSummary alone (the same SQL and parameters it runs): the deployment
 * statement, the lead-time percentiles from the histogram, and for comparison the percentile_cont
 * query over every change of the period that filtered reports use (and all reports used before).
 */
async function doraQueryTimes(db: Db, tenantId: string, calls: number): Promise<Record<string, Latency>> {
  const params = [tenantId, period.from, period.to, 'UTC', 'week', null, null, null];
  const parts: Record<string, (tx: Tx) => Promise<unknown>> = {
    deployments: (tx) => tx.query(doraSql.deployments, params),
    leadTime: (tx) => leadTimeFigures(tx, params, false),
    'leadTime by sorting (scoped path)': (tx) => tx.query(doraSql.leadTimeSummary, params),
  };
  const times: Record<string, Latency> = {};
  for (const [name, part] of Object.entries(parts)) {
    const run = () =>
      withTenant(db, tenantId, async (tx) => {
        await tx.query('set local jit = off');
        return part(tx);
      });
    times[name] = (await latency(run, Math.min(calls, 10))).latency;
  }
  return times;
}

function compare(baseline: BaselineFigures, pulse: BaselineFigures) {
  return (Object.keys(pulse) as (keyof BaselineFigures)[]).map((figure) => ({
    figure,
    pulse: pulse[figure],
    baseline: baseline[figure],
    equal: pulse[figure] === baseline[figure],
  }));
}

/** prSummary from the histogram against the sorting path, figure by figure (the series as one). */
function comparePrs(histogram: PrReport, sorting: PrReport) {
  const figures = (r: PrReport): Record<string, unknown> => ({
    merged: r.merged,
    mergedWithoutReview: r.mergedWithoutReview.count,
    sizeMedian: r.size.median,
    sizeP90: r.size.p90,
    ...Object.fromEntries(
      Object.entries(r.stages).flatMap(([stage, f]) =>
        Object.entries(f).map(([name, value]) => [`${stage}.${name}`, value]),
      ),
    ),
    series: JSON.stringify(r.series),
  });
  const [h, s] = [figures(histogram), figures(sorting)];
  return Object.keys(h).map((figure) => ({
    figure: `prs ${figure}`,
    histogram: figure === 'series' ? `${histogram.series.length} buckets` : h[figure],
    sorting: figure === 'series' ? `${sorting.series.length} buckets` : s[figure],
    equal: h[figure] === s[figure],
  }));
}

function classifyRefresh(state: string, query: string): string {
  if (state.startsWith('idle in transaction')) return 'client round trips';
  if (query.includes('with recursive')) return 'change sets: graph walk (per series)';
  if (query.includes('insert into deployment_facts')) return 'change sets: facts rows (per series)';
  if (
    /delete from deployment_(commits|facts)|from deployments d\s+where d.tenant_id = \$1 and d.status/.test(
      query,
    )
  )
    return 'change sets: series set-up';
  if (/production as|fix_reasons as|set ships_hotfix/.test(query)) return 'failures and rework';
  if (query.includes('change_lead_time_days')) return 'lead-time days';
  if (query.includes('pull_request_facts') && !query.includes('change_facts')) return 'pull request facts';
  if (query.includes('change_facts')) return 'change facts';
  return 'other';
}

async function countRows(
  db: Db,
  tenantId: string,
  tables: readonly string[],
): Promise<Record<string, number>> {
  return withTenant(db, tenantId, async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = (await tx.query<{ n: number }>(`select count(*) as n from ${table}`)).rows[0]!.n;
    }
    return counts;
  });
}

async function databaseBytes(): Promise<number> {
  const [row] = await adminQuery<{ bytes: string }>('select pg_database_size($1) as bytes', [database.name]);
  return Number(row?.bytes ?? 0);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
function millis(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}
function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function printTable(r: Awaited<ReturnType<typeof run>>): void {
  const lines: [string, string][] = [
    ['scale', String(r.scale)],
    [
      'machine',
      `${r.machine.cpus} cores, ${mib(r.machine.memoryBytes)} RAM, PostgreSQL ${r.machine.postgres}`,
    ],
    ...Object.entries({ ...r.rows, ...r.facts }).map(([t, n]): [string, string] => [
      `rows: ${t}`,
      n.toLocaleString('en'),
    ]),
    ['database size', mib(r.databaseBytes)],
    ['generation + load', `${seconds(r.generation.loadMs)} + analyze ${seconds(r.generation.analyzeMs)}`],
    [
      'facts refresh',
      `${seconds(r.refresh.ms)} (${r.refresh.deployments} deployments, ${millis(r.refresh.msPerDeployment)} each)`,
    ],
    ['  projected at scale 1', seconds(r.refresh.projectedFullScaleMs)],
    ['  vacuum + analyze facts afterwards', seconds(r.refresh.analyzeFactsMs)],
    ...Object.entries(r.refresh.profileSeconds).map(([k, s]): [string, string] => [
      `  ${k}`,
      `~${s.toFixed(1)} s`,
    ]),
    [
      'refresh after 1 new deployment per repo',
      `${seconds(r.incrementalRefresh.ms)} (${r.incrementalRefresh.deployments} deployments walked)`,
    ],
    ...Object.entries(r.incrementalRefresh.profileSeconds).map(([k, s]): [string, string] => [
      `  ${k}`,
      `~${s.toFixed(1)} s`,
    ]),
    ['doraSummary cold', millis(r.dora.coldMs)],
    [
      'doraSummary warm p50 / p95',
      `${millis(r.dora.p50Ms)} / ${millis(r.dora.p95Ms)} (${r.dora.calls} calls)`,
    ],
    ...Object.entries(r.doraQueries).map(([k, l]): [string, string] => [`  ${k} warm p50`, millis(l.p50Ms)]),
    ['prSummary cold', millis(r.prs.coldMs)],
    ['prSummary warm p50 / p95', `${millis(r.prs.p50Ms)} / ${millis(r.prs.p95Ms)} (${r.prs.calls} calls)`],
    [
      '  by sorting (filtered path) warm p50 / p95',
      `${millis(r.prsBySorting.p50Ms)} / ${millis(r.prsBySorting.p95Ms)} (${r.prsBySorting.calls} calls)`,
    ],
    [
      'agree: prSummary histogram = sorting',
      r.prChecks.every((c) => c.equal)
        ? `yes (${r.prChecks.length} figures)`
        : `NO: ${r.prChecks
            .filter((c) => !c.equal)
            .map((c) => c.figure)
            .join(', ')}`,
    ],
    ['baseline cold', millis(r.baseline.coldMs)],
    ['baseline p50 (all calls)', `${millis(r.baseline.p50Ms)} (${r.baseline.calls} calls)`],
    ['baseline / Pulse warm p50', `${r.ratio.toFixed(0)}×`],
    ...r.checks.map((c): [string, string] => [
      `agree: ${c.figure}`,
      `${c.equal ? 'yes' : 'NO'} (${c.pulse})`,
    ]),
    ['goal DORA warm ≤ 100 ms (p95)', r.goals.doraWarmP95Under100ms ? 'met' : 'not met'],
    ['goal ≥ 10× baseline (p50s)', r.goals.tenTimesFasterThanBaseline ? 'met' : 'not met'],
    ['peak RSS (bench process)', mib(r.peakRssBytes)],
  ];
  const width = Math.max(...lines.map(([k]) => k.length));
  console.log(lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
}
