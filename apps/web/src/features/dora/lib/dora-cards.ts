import { formatDuration } from '../../../lib/format/format-duration.ts';
import { formatNumber } from '../../../lib/format/format-number.ts';
import { formatPercent } from '../../../lib/format/format-percent.ts';
import type { Band, DoraBucket, DoraReport } from '../api/dora-report.ts';
import { changeVsPrevious, type Change } from './change-vs-previous.ts';

export type DoraMetricKey =
  | 'deploymentFrequency'
  | 'changeLeadTime'
  | 'changeFailRate'
  | 'failedDeploymentRecoveryTime'
  | 'deploymentReworkRate';

export interface DoraCardModel {
  readonly key: DoraMetricKey;
  readonly title: string;
  /** The headline number as the API gave it (null: not enough data). */
  readonly value: number | null;
  readonly display: string;
  readonly detail: string;
  readonly band: Band | null;
  readonly sampleSize: number;
  readonly change: Change;
  readonly sparkline: readonly (number | null)[];
  /** Where the rows behind the number are listed. */
  readonly drillDown: { readonly path: string; readonly label: string };
}

const cadenceLabel = {
  daily: 'on demand (daily)',
  weekly: 'weekly',
  monthly: 'monthly',
  six_monthly: 'every few months',
  rarely: 'rarely',
} as const;

const series = (report: DoraReport, pick: (b: DoraBucket) => number | null) => report.series.map(pick);

/**
 * The five cards of the DORA overview from a report and the one of the previous period: the
 * headline value exactly as the API computed it, its band, the sample behind it, the change and a
 * sparkline of the per-bucket series.
 */
export function doraCards(report: DoraReport, previous: DoraReport | undefined): DoraCardModel[] {
  const df = report.deploymentFrequency;
  const lt = report.changeLeadTime;
  const cfr = report.changeFailRate;
  const rec = report.failedDeploymentRecoveryTime;
  const rw = report.deploymentReworkRate;
  const prev = previous;
  const ok = (status: string, value: number | null) => (status === 'ok' ? value : null);
  const dfValue = ok(df.status, df.medianWeeklyDeploymentDays);
  return [
    {
      key: 'deploymentFrequency',
      title: 'Deployment frequency',
      value: dfValue,
      display: dfValue === null ? 'Not enough data' : `${formatNumber(dfValue, 1)} days / week`,
      detail:
        dfValue === null
          ? 'No production deployments in this period.'
          : `${formatNumber(df.deployments)} deployments on ${formatNumber(df.deploymentDays)} days; cadence ${cadenceLabel[df.cadence]}`,
      band: df.band,
      sampleSize: df.sampleSize,
      change: changeVsPrevious(
        df.status === 'ok' ? df.deployments : null,
        prev?.deploymentFrequency.status === 'ok' ? prev.deploymentFrequency.deployments : null,
        { kind: 'relative', betterWhen: 'higher' },
      ),
      sparkline: series(report, (b) => b.deployments),
      drillDown: { path: '/deployments', label: 'Deployments' },
    },
    {
      key: 'changeLeadTime',
      title: 'Change lead time',
      value: ok(lt.status, lt.median),
      display: lt.status === 'ok' ? formatDuration(lt.median) : 'Not enough data',
      detail:
        lt.status === 'ok'
          ? `median of ${formatNumber(lt.sampleSize)} changes; p75 ${formatDuration(lt.p75)}, p90 ${formatDuration(lt.p90)}`
          : 'No change reached production in this period.',
      band: lt.band,
      sampleSize: lt.sampleSize,
      change: changeVsPrevious(
        ok(lt.status, lt.median),
        prev === undefined ? null : ok(prev.changeLeadTime.status, prev.changeLeadTime.median),
        { kind: 'relative', betterWhen: 'lower' },
      ),
      sparkline: series(report, (b) => b.leadTimeMedian),
      drillDown: { path: '/pull-requests?view=slowest', label: 'Slowest pull requests' },
    },
    {
      key: 'changeFailRate',
      title: 'Change fail rate',
      value: ok(cfr.status, cfr.value),
      display: cfr.status === 'ok' ? formatPercent(cfr.value) : 'Not enough data',
      detail:
        cfr.status === 'ok'
          ? `${formatNumber(cfr.failed)} of ${formatNumber(cfr.sampleSize)} deployments failed`
          : 'No production deployments in this period.',
      band: cfr.band,
      sampleSize: cfr.sampleSize,
      change: changeVsPrevious(
        ok(cfr.status, cfr.value),
        prev === undefined ? null : ok(prev.changeFailRate.status, prev.changeFailRate.value),
        { kind: 'rate', betterWhen: 'lower' },
      ),
      sparkline: series(report, (b) => b.changeFailRate),
      drillDown: { path: '/deployments?failed=true', label: 'Failed deployments' },
    },
    {
      key: 'failedDeploymentRecoveryTime',
      title: 'Failed deployment recovery',
      value: ok(rec.status, rec.median),
      display: rec.status === 'ok' ? formatDuration(rec.median) : 'Not enough data',
      detail:
        rec.status === 'ok'
          ? `median of ${formatNumber(rec.sampleSize)} recoveries; ${formatNumber(rec.unrecovered)} not recovered`
          : rec.unrecovered > 0
            ? `${formatNumber(rec.unrecovered)} failed deployments, none recovered yet.`
            : 'No failed deployment recovered in this period.',
      band: rec.band,
      sampleSize: rec.sampleSize,
      change: changeVsPrevious(
        ok(rec.status, rec.median),
        prev === undefined
          ? null
          : ok(prev.failedDeploymentRecoveryTime.status, prev.failedDeploymentRecoveryTime.median),
        { kind: 'relative', betterWhen: 'lower' },
      ),
      sparkline: series(report, (b) => b.recoveryMedian),
      drillDown: { path: '/incidents', label: 'Incidents' },
    },
    {
      key: 'deploymentReworkRate',
      title: 'Deployment rework rate',
      value: ok(rw.status, rw.value),
      display: rw.status === 'ok' ? formatPercent(rw.value) : 'Not enough data',
      detail:
        rw.status === 'ok'
          ? `${formatNumber(rw.rework)} of ${formatNumber(rw.sampleSize)} deployments were unplanned fixes`
          : 'No production deployments in this period.',
      band: null,
      sampleSize: rw.sampleSize,
      change: changeVsPrevious(
        ok(rw.status, rw.value),
        prev === undefined ? null : ok(prev.deploymentReworkRate.status, prev.deploymentReworkRate.value),
        { kind: 'rate', betterWhen: 'lower' },
      ),
      sparkline: series(report, (b) => b.deploymentReworkRate),
      drillDown: { path: '/deployments', label: 'Deployments' },
    },
  ];
}
