/**
 * The five DORA metrics for a tenant, a period and optional filters: values, sample sizes, the
 * benchmark band for a report year, and a per-bucket series. A metric without samples says so
 * (`status: 'no_data'`, value null) instead of showing a misleading zero.
 */
import { withTenant, type Db, type Tx } from '@pulse/db';
import { bandByBounds, bands, cadenceOf, type Band, type BenchmarkYear, type Cadence } from './bands.ts';
import { leadTimeFigures } from './lead-time.ts';
import { doraSql } from './sql.ts';
import { validatePeriod, type Granularity } from '../period.ts';

export interface DoraQuery {
  readonly from: Date;
  readonly to: Date;
  readonly timeZone?: string;
  readonly granularity?: Granularity;
  /** null/undefined = production deployments (is_production). */
  readonly environment?: string | null;
  readonly repositoryIds?: readonly number[] | null;
  readonly teamId?: number | null;
  readonly benchmark?: BenchmarkYear;
}

type Status = 'ok' | 'no_data';

export interface DoraReport {
  readonly period: { from: string; to: string; timeZone: string; granularity: Granularity };
  readonly filters: {
    environment: string | null;
    repositoryIds: readonly number[] | null;
    teamId: number | null;
  };
  readonly benchmark: BenchmarkYear;
  readonly deploymentFrequency: {
    status: Status;
    deployments: number;
    deploymentDays: number;
    medianWeeklyDeploymentDays: number;
    weeks: number;
    cadence: Cadence;
    band: Band | null;
    sampleSize: number;
  };
  readonly changeLeadTime: {
    status: Status;
    unit: 'seconds';
    median: number | null;
    p75: number | null;
    p90: number | null;
    band: Band | null;
    sampleSize: number;
  };
  readonly changeFailRate: {
    status: Status;
    value: number | null;
    failed: number;
    band: Band | null;
    sampleSize: number;
  };
  readonly failedDeploymentRecoveryTime: {
    status: Status;
    unit: 'seconds';
    median: number | null;
    unrecovered: number;
    band: Band | null;
    sampleSize: number;
  };
  readonly deploymentReworkRate: { status: Status; value: number | null; rework: number; sampleSize: number };
  readonly series: readonly DoraBucket[];
}

export interface DoraBucket {
  bucket: string;
  deployments: number;
  deploymentDays: number;
  changeFailRate: number | null;
  deploymentReworkRate: number | null;
  leadTimeMedian: number | null;
  leadTimeSamples: number;
  recoveryMedian: number | null;
  recovered: number;
}

interface DeploymentRow {
  key: string;
  deployments: number;
  deploymentDays: number;
  failed: number;
  rework: number;
  recovered: number;
  recoveryMedian: number | null;
  /** The period row only: the cadence medians. */
  medianWeeklyDeploymentDays?: number;
  weeks?: number;
  medianMonthlyDeploymentDays?: number;
}

export async function doraSummary(db: Db, tenantId: string, query: DoraQuery): Promise<DoraReport> {
  const q = normalise(query);
  const params = [
    tenantId,
    q.from,
    q.to,
    q.timeZone,
    q.granularity,
    q.environment,
    q.repositoryIds,
    q.teamId,
  ];
  const [rows, leadByKey] = await withTenant(db, tenantId, async (tx: Tx) => {
    // These statements run in milliseconds; JIT compilation alone would cost 50–900 ms per call.
    await tx.query('set local jit = off');
    const scoped = q.repositoryIds !== null || q.teamId !== null;
    const deploymentRows = (await tx.query<DeploymentRow>(doraSql.deployments, params)).rows;
    return [deploymentRows, await leadTimeFigures(tx, params, scoped)] as const;
  });
  const deployments = rows.find((row) => row.key === 'period')!;
  const cadence = deployments as Required<DeploymentRow>;
  const series = rows.filter((row) => row.key !== 'period').sort((a, b) => a.key.localeCompare(b.key));
  const lead = leadByKey.get('period') ?? { sampleSize: 0, median: null, p75: null, p90: null };
  const year = bands[q.benchmark];
  const periodDays = (q.to.getTime() - q.from.getTime()) / 86_400_000;
  const n = deployments.deployments;
  const cadenceLevel = cadenceOf({ ...cadence, deployments: n, periodDays });
  const recoveryKnown = deployments.recoveryMedian !== null;
  return {
    period: {
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      timeZone: q.timeZone,
      granularity: q.granularity,
    },
    filters: { environment: q.environment, repositoryIds: q.repositoryIds, teamId: q.teamId },
    benchmark: q.benchmark,
    deploymentFrequency: {
      status: n > 0 ? 'ok' : 'no_data',
      deployments: n,
      deploymentDays: deployments.deploymentDays,
      medianWeeklyDeploymentDays: cadence.medianWeeklyDeploymentDays,
      weeks: cadence.weeks,
      cadence: cadenceLevel,
      band: n > 0 ? year.cadence[cadenceLevel] : null,
      sampleSize: n,
    },
    changeLeadTime: {
      status: lead.sampleSize > 0 ? 'ok' : 'no_data',
      unit: 'seconds',
      median: lead.median,
      p75: lead.p75,
      p90: lead.p90,
      band: lead.median === null ? null : bandByBounds(lead.median, year.leadTime),
      sampleSize: lead.sampleSize,
    },
    changeFailRate: {
      status: n > 0 ? 'ok' : 'no_data',
      value: n > 0 ? deployments.failed / n : null,
      failed: deployments.failed,
      band: n > 0 ? bandByBounds(deployments.failed / n, year.changeFailRate) : null,
      sampleSize: n,
    },
    failedDeploymentRecoveryTime: {
      status: recoveryKnown ? 'ok' : 'no_data',
      unit: 'seconds',
      median: deployments.recoveryMedian,
      unrecovered: deployments.failed - deployments.recovered,
      band: recoveryKnown ? bandByBounds(deployments.recoveryMedian!, year.recovery) : null,
      sampleSize: deployments.recovered,
    },
    deploymentReworkRate: {
      status: n > 0 ? 'ok' : 'no_data',
      value: n > 0 ? deployments.rework / n : null,
      rework: deployments.rework,
      sampleSize: n,
    },
    series: series.map((row) => ({
      bucket: row.key,
      deployments: row.deployments,
      deploymentDays: row.deploymentDays,
      changeFailRate: row.deployments > 0 ? row.failed / row.deployments : null,
      deploymentReworkRate: row.deployments > 0 ? row.rework / row.deployments : null,
      leadTimeMedian: leadByKey.get(row.key)?.median ?? null,
      leadTimeSamples: leadByKey.get(row.key)?.sampleSize ?? 0,
      recoveryMedian: row.recoveryMedian,
      recovered: row.recovered,
    })),
  };
}

function normalise(query: DoraQuery) {
  const timeZone = query.timeZone ?? 'UTC';
  validatePeriod(query.from, query.to, timeZone);
  return {
    from: query.from,
    to: query.to,
    timeZone,
    granularity: query.granularity ?? 'week',
    environment: query.environment ?? null,
    repositoryIds: query.repositoryIds ?? null,
    teamId: query.teamId ?? null,
    benchmark: query.benchmark ?? 2024,
  };
}
