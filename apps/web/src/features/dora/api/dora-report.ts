/** GET /metrics/dora: the DORA report (docs/metrics.md describes every field). */
export type Band = 'elite' | 'high' | 'medium' | 'low';
export type Status = 'ok' | 'no_data';

export interface DoraBucket {
  readonly bucket: string;
  readonly deployments: number;
  readonly deploymentDays: number;
  readonly changeFailRate: number | null;
  readonly deploymentReworkRate: number | null;
  readonly leadTimeMedian: number | null;
  readonly leadTimeSamples: number;
  readonly recoveryMedian: number | null;
  readonly recovered: number;
}

export interface DoraReport {
  readonly period: { from: string; to: string; timeZone: string; granularity: string };
  readonly benchmark: number;
  readonly deploymentFrequency: {
    status: Status;
    deployments: number;
    deploymentDays: number;
    medianWeeklyDeploymentDays: number;
    weeks: number;
    cadence: 'daily' | 'weekly' | 'monthly' | 'six_monthly' | 'rarely';
    band: Band | null;
    sampleSize: number;
  };
  readonly changeLeadTime: {
    status: Status;
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
    median: number | null;
    unrecovered: number;
    band: Band | null;
    sampleSize: number;
  };
  readonly deploymentReworkRate: { status: Status; value: number | null; rework: number; sampleSize: number };
  readonly series: readonly DoraBucket[];
}
