/**
 * Pull request flow for a period: the four stages (coding, pickup, review, deploy) with median, p75
 * and p90, throughput (merged per week), size, and the share merged without a review.
 */
import { withTenant, type Db } from '@pulse/db';
import { validatePeriod, type Granularity } from '../period.ts';
import { prFigures } from './figures.ts';

export interface PrQuery {
  readonly from: Date;
  readonly to: Date;
  readonly timeZone?: string;
  readonly granularity?: Granularity;
  readonly repositoryIds?: readonly number[] | null;
  readonly teamId?: number | null;
}

export interface StageFigures {
  median: number | null;
  p75: number | null;
  p90: number | null;
  sampleSize: number;
}

export interface PrReport {
  readonly period: { from: string; to: string; timeZone: string; granularity: Granularity };
  readonly status: 'ok' | 'no_data';
  readonly merged: number;
  readonly throughputPerWeek: number;
  readonly mergedWithoutReview: { count: number; share: number | null };
  readonly size: { median: number | null; p90: number | null };
  readonly stages: { coding: StageFigures; pickup: StageFigures; review: StageFigures; deploy: StageFigures };
  readonly series: readonly Record<string, string | number | null>[];
}

type StageName = 'coding' | 'pickup' | 'review' | 'deploy';

export async function prSummary(db: Db, tenantId: string, query: PrQuery): Promise<PrReport> {
  const timeZone = query.timeZone ?? 'UTC';
  const granularity = query.granularity ?? 'week';
  validatePeriod(query.from, query.to, timeZone);
  const [summary, series] = await withTenant(db, tenantId, (tx) =>
    prFigures(tx, {
      tenantId,
      from: query.from,
      to: query.to,
      timeZone,
      granularity,
      repositoryIds: query.repositoryIds ?? null,
      teamId: query.teamId ?? null,
    }),
  );
  const merged = summary.merged ?? 0;
  const unreviewed = summary.mergedWithoutReview ?? 0;
  const weeks = (query.to.getTime() - query.from.getTime()) / (7 * 86_400_000);
  const stage = (name: StageName): StageFigures => ({
    median: summary[`${name}Median`] ?? null,
    p75: summary[`${name}P75`] ?? null,
    p90: summary[`${name}P90`] ?? null,
    sampleSize: summary[`${name}Samples`] ?? 0,
  });
  return {
    period: { from: query.from.toISOString(), to: query.to.toISOString(), timeZone, granularity },
    status: merged > 0 ? 'ok' : 'no_data',
    merged,
    throughputPerWeek: merged / weeks,
    mergedWithoutReview: { count: unreviewed, share: merged > 0 ? unreviewed / merged : null },
    size: { median: summary.sizeMedian ?? null, p90: summary.sizeP90 ?? null },
    stages: {
      coding: stage('coding'),
      pickup: stage('pickup'),
      review: stage('review'),
      deploy: stage('deploy'),
    },
    series,
  };
}
