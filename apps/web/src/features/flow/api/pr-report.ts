/** GET /metrics/prs: pull request stages, throughput and size (docs/metrics.md). */
export interface StageFigures {
  readonly median: number | null;
  readonly p75: number | null;
  readonly p90: number | null;
  readonly sampleSize: number;
}

export const stageNames = ['coding', 'pickup', 'review', 'deploy'] as const;
export type StageName = (typeof stageNames)[number];

export interface PrBucket {
  readonly bucket: string;
  readonly merged: number;
  readonly mergedWithoutReview: number;
  readonly codingMedian: number | null;
  readonly pickupMedian: number | null;
  readonly reviewMedian: number | null;
  readonly deployMedian: number | null;
}

export interface PrReport {
  readonly period: { from: string; to: string; timeZone: string; granularity: string };
  readonly status: 'ok' | 'no_data';
  readonly merged: number;
  readonly throughputPerWeek: number;
  readonly mergedWithoutReview: { count: number; share: number | null };
  readonly size: { median: number | null; p90: number | null };
  readonly stages: Record<StageName, StageFigures>;
  readonly series: readonly PrBucket[];
}
