/**
 * The figures of a pull request report, as rows: one for the period (counts, size and stage
 * percentiles) and one per series bucket (counts and stage medians). The whole tenant's come from
 * the stage histogram (histogram/figures.ts), exactly as percentile_cont over the pull requests;
 * filtered reports sort the pull requests in scope (sql.ts).
 */
import type { Tx } from '@pulse/db';
import { histogramFigures, type MeasureFigures } from '../histogram/figures.ts';
import { pullRequestHistogram } from '../histogram/source.ts';
import type { Granularity } from '../period.ts';
import { prSql } from './sql.ts';

export interface PrFiguresQuery {
  readonly tenantId: string;
  readonly from: Date;
  readonly to: Date;
  readonly timeZone: string;
  readonly granularity: Granularity;
  readonly repositoryIds: readonly number[] | null;
  readonly teamId: number | null;
}

export type SummaryRow = Record<string, number | null>;
export type SeriesRow = Record<string, string | number | null>;

const stages = ['coding', 'pickup', 'review', 'deploy'] as const;
const counts = { merged: [], unreviewed: [] };
const periodWanted = {
  ...counts,
  ...Object.fromEntries(stages.map((stage) => [stage, [0.5, 0.75, 0.9]])),
  size: [0.5, 0.9],
};
const bucketWanted = { ...counts, ...Object.fromEntries(stages.map((stage) => [stage, [0.5]])) };

export async function prFigures(tx: Tx, q: PrFiguresQuery): Promise<[SummaryRow, SeriesRow[]]> {
  if (q.repositoryIds !== null || q.teamId !== null) {
    const params = [q.tenantId, q.from, q.to, q.timeZone, q.granularity, q.repositoryIds, q.teamId];
    return [
      (await tx.query<SummaryRow>(prSql.summary, params)).rows[0]!,
      (await tx.query<SeriesRow>(prSql.series, params)).rows,
    ];
  }
  // These statements run in milliseconds; JIT compilation alone would cost more.
  await tx.query('set local jit = off');
  const ranges = await histogramFigures(tx, pullRequestHistogram, q, (key) =>
    key === 'period' ? periodWanted : bucketWanted,
  );
  const [period, ...buckets] = ranges.map(
    ({ measures }) =>
      (name: string) =>
        measures.get(name)!,
  );
  const count = (m: MeasureFigures) => m.sampleSize;
  const at = (m: MeasureFigures, i: number) => m.percentiles[i] ?? null;
  const size = period!('size');
  const summary: SummaryRow = {
    merged: count(period!('merged')),
    mergedWithoutReview: count(period!('unreviewed')),
    sizeMedian: at(size, 0),
    sizeP90: at(size, 1),
  };
  for (const stage of stages) {
    const m = period!(stage);
    Object.assign(summary, {
      [`${stage}Samples`]: count(m),
      [`${stage}Median`]: at(m, 0),
      [`${stage}P75`]: at(m, 1),
      [`${stage}P90`]: at(m, 2),
    });
  }
  const series = buckets.map((bucket, i): SeriesRow => ({
    bucket: ranges[i + 1]!.key,
    merged: count(bucket('merged')),
    mergedWithoutReview: count(bucket('unreviewed')),
    ...Object.fromEntries(stages.map((stage) => [`${stage}Median`, at(bucket(stage), 0)])),
  }));
  return [summary, series];
}
