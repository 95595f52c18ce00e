import { Command, Option } from 'commander';
import { PulseError } from '@pulse/core';
import { findTenant } from '@pulse/db';
import {
  benchmarkYears,
  doraSql,
  doraSummary,
  granularities,
  isBenchmarkYear,
  prSql,
  prSummary,
  refreshFacts,
  reportQuery,
  type DoraReport,
  type Granularity,
  type PrReport,
} from '@pulse/metrics';
import { withRuntime } from '../context.ts';
import { formatDuration, formatNumber, formatPercent } from '../format.ts';
import { action } from '../program.ts';
import { printTable, type Io } from '../output.ts';

interface PeriodOptions {
  tenant: string;
  from?: string;
  to?: string;
  timeZone: string;
  granularity: Granularity;
  team?: string;
  repository?: string[];
  json?: boolean;
  refresh: boolean;
}

function periodOptions(command: Command): Command {
  return command
    .requiredOption('--tenant <tenant>', 'tenant slug or id')
    .option('--from <date>', 'start, YYYY-MM-DD or ISO timestamp (default: 90 days before --to)')
    .option('--to <date>', 'end, exclusive (default: now)')
    .option('--time-zone <zone>', 'IANA time zone for days, weeks and months', 'UTC')
    .addOption(new Option('--granularity <unit>', 'series bucket').choices(granularities).default('week'))
    .option('--team <team>', 'only this team (key or name)')
    .option('--repository <name...>', 'only these repositories (owner/name or name)')
    .option('--json', 'print the full report as JSON')
    .option('--no-refresh', 'skip bringing the metric facts up to date first');
}

export function metricsCommand(io: Io): Command {
  const metrics = new Command('metrics').description(
    'DORA and pull request metrics, computed from the stored data.',
  );

  periodOptions(metrics.command('dora').description('The five DORA metrics with benchmark bands.'))
    .option('--environment <name>', 'deployments to this environment (default: production ones)')
    .addOption(
      new Option('--benchmark <year>', 'DORA report year for the bands')
        .choices(benchmarkYears.map(String))
        .default('2024'),
    )
    .action(
      action(io, async (options: PeriodOptions & { environment?: string; benchmark: string }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const { tenantId, query } = await prepare(rt.db, options);
          const benchmark = Number(options.benchmark);
          if (!isBenchmarkYear(benchmark))
            throw new PulseError('VALIDATION_FAILED', { message: `No benchmark ${benchmark}.` });
          const report = await doraSummary(rt.db, tenantId, {
            ...query,
            environment: options.environment ?? null,
            benchmark,
          });
          if (options.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
          else printDora(io, options.tenant, report);
          return 0;
        }),
      ),
    );

  periodOptions(
    metrics
      .command('prs')
      .description('Pull request stages (coding, pickup, review, deploy), throughput and size.'),
  ).action(
    action(io, async (options: PeriodOptions) =>
      withRuntime(io, { migrate: true }, async (rt) => {
        const { tenantId, query } = await prepare(rt.db, options);
        const report = await prSummary(rt.db, tenantId, query);
        if (options.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else printPrs(io, options.tenant, report);
        return 0;
      }),
    ),
  );

  metrics
    .command('refresh')
    .description('Bring the metric facts of a tenant up to date with its data.')
    .requiredOption('--tenant <tenant>', 'tenant slug or id')
    .action(
      action(io, async (options: { tenant: string }) =>
        withRuntime(io, { migrate: true }, async (rt) => {
          const tenant = await findTenant(rt.db, options.tenant);
          const result = await refreshFacts(rt.db, tenant.id);
          io.stdout.write(
            `Facts of ${tenant.slug} are current (${result.deployments} deployment change set(s) computed).\n`,
          );
          return 0;
        }),
      ),
    );

  metrics
    .command('explain')
    .description('Print the SQL a metric family runs.')
    .addArgument(new Command().createArgument('<family>', 'dora or prs').choices(['dora', 'prs']))
    .action(
      action(io, async (family: 'dora' | 'prs') => {
        const queries: Record<string, string> = family === 'dora' ? doraSql : prSql;
        for (const [name, sql] of Object.entries(queries))
          io.stdout.write(`-- ${family}.${name}\n${sql.trim()};\n\n`);
        return 0;
      }),
    );
  return metrics;
}

async function prepare(db: Parameters<typeof findTenant>[0], options: PeriodOptions) {
  const tenant = await findTenant(db, options.tenant);
  const query = await reportQuery(
    db,
    tenant.id,
    { ...options, repositories: options.repository },
    { from: '--from', to: '--to' },
  );
  if (options.refresh) await refreshFacts(db, tenant.id);
  return { tenantId: tenant.id, query };
}

function heading(
  io: Io,
  what: string,
  tenant: string,
  period: { from: string; to: string; timeZone: string },
): void {
  io.stdout.write(`${what} for ${tenant}, ${period.from} → ${period.to} (${period.timeZone})\n\n`);
}

function printDora(io: Io, tenant: string, r: DoraReport): void {
  heading(
    io,
    `DORA metrics (${r.filters.environment ?? 'production'}, benchmark ${r.benchmark})`,
    tenant,
    r.period,
  );
  const df = r.deploymentFrequency;
  const lt = r.changeLeadTime;
  const cfr = r.changeFailRate;
  const rec = r.failedDeploymentRecoveryTime;
  const rw = r.deploymentReworkRate;
  const noData = 'not enough data';
  printTable(
    io,
    ['METRIC', 'VALUE', 'BAND', 'SAMPLES'],
    [
      [
        'Deployment frequency',
        df.status === 'ok'
          ? `${df.deployments} deployments, median ${formatNumber(df.medianWeeklyDeploymentDays)} deployment days/week (${df.cadence.replace('_', '-')})`
          : noData,
        df.band ?? '—',
        String(df.sampleSize),
      ],
      [
        'Change lead time',
        lt.status === 'ok'
          ? `median ${formatDuration(lt.median)}, p75 ${formatDuration(lt.p75)}, p90 ${formatDuration(lt.p90)}`
          : noData,
        lt.band ?? '—',
        String(lt.sampleSize),
      ],
      [
        'Change fail rate',
        cfr.status === 'ok' ? `${formatPercent(cfr.value)} (${cfr.failed} failed)` : noData,
        cfr.band ?? '—',
        String(cfr.sampleSize),
      ],
      [
        'Failed deployment recovery time',
        rec.status === 'ok'
          ? `median ${formatDuration(rec.median)}${rec.unrecovered > 0 ? ` (${rec.unrecovered} not recovered)` : ''}`
          : noData,
        rec.band ?? '—',
        String(rec.sampleSize),
      ],
      [
        'Deployment rework rate',
        rw.status === 'ok' ? `${formatPercent(rw.value)} (${rw.rework} rework)` : noData,
        '—',
        String(rw.sampleSize),
      ],
    ],
  );
}

function printPrs(io: Io, tenant: string, r: PrReport): void {
  heading(io, 'Pull request flow (bots excluded)', tenant, r.period);
  if (r.status === 'no_data') {
    io.stdout.write('No merged pull requests in this period: not enough data.\n');
    return;
  }
  const s = r.stages;
  printTable(
    io,
    ['STAGE', 'MEDIAN', 'P75', 'P90', 'SAMPLES'],
    (['coding', 'pickup', 'review', 'deploy'] as const).map((name) => [
      name,
      formatDuration(s[name].median),
      formatDuration(s[name].p75),
      formatDuration(s[name].p90),
      String(s[name].sampleSize),
    ]),
  );
  io.stdout.write(
    `\nMerged: ${r.merged} (${formatNumber(r.throughputPerWeek)} per week); merged without review: ${formatPercent(r.mergedWithoutReview.share)}; ` +
      `size median ${formatNumber(r.size.median, 0)} lines, p90 ${formatNumber(r.size.p90, 0)}.\n`,
  );
}
