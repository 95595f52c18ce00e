/**
 * Change lead time percentiles: for the period (median, p75, p90) and each series bucket (median),
 * exactly as PostgreSQL's percentile_cont over change_facts: from the lead-time histogram for the
 * whole tenant (histogram/figures.ts), by sorting the changes in scope for filtered reports.
 */
import type { Tx } from '@pulse/db';
import { histogramFigures } from '../histogram/figures.ts';
import { leadTimeHistogram } from '../histogram/source.ts';
import type { Granularity } from '../period.ts';
import { scopedLeadTimeSql } from './lead-time-sql.ts';

export interface LeadTimeFigures {
  sampleSize: number;
  median: number | null;
  p75: number | null;
  p90: number | null;
}

/** Figures by key ('period' or the series bucket); a key without changes is absent. */
export async function leadTimeFigures(
  tx: Tx,
  params: readonly unknown[],
  scoped: boolean,
): Promise<Map<string, LeadTimeFigures>> {
  if (scoped) {
    const rows = await tx.query<LeadTimeFigures & { key: string }>(scopedLeadTimeSql, params);
    return new Map(rows.rows.map(({ key, ...figures }) => [key, figures]));
  }
  const [tenantId, from, to, timeZone, granularity] = params as [string, Date, Date, string, Granularity];
  const ranges = await histogramFigures(
    tx,
    leadTimeHistogram,
    { tenantId, from, to, timeZone, granularity },
    (key) => ({ leadTime: key === 'period' ? [0.5, 0.75, 0.9] : [0.5] }),
  );
  const figures = new Map<string, LeadTimeFigures>();
  for (const { key, measures } of ranges) {
    const { sampleSize, percentiles } = measures.get('leadTime')!;
    if (sampleSize === 0) continue;
    const [median, p75, p90] = percentiles;
    figures.set(key, { sampleSize, median: median!, p75: p75 ?? null, p90: p90 ?? null });
  }
  return figures;
}
