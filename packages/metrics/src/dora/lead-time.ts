/**
 * Change lead time percentiles: for the period (median, p75, p90) and each series bucket (median),
 * exactly as PostgreSQL's percentile_cont over change_facts (lead-time-sql.ts says how).
 *
 * percentile_cont(p) over n sorted values v interpolates between the 0-based ranks floor(p·(n − 1))
 * and ceil(p·(n − 1)): v[lo] + (p·(n − 1) − lo) · (v[hi] − v[lo]). The same float64 operations in the
 * same order give the same bits here as in PostgreSQL's float8_lerp.
 */
import type { Tx } from '@pulse/db';
import {
  leadTimeRangesSql,
  leadTimeTotalsSql,
  leadTimeValuesSql,
  scopedLeadTimeSql,
} from './lead-time-sql.ts';

export interface LeadTimeFigures {
  sampleSize: number;
  median: number | null;
  p75: number | null;
  p90: number | null;
}

interface Range {
  key: string;
  from: Date;
  to: Date;
}

interface TotalsRow {
  i: number;
  buckets: number[] | null;
  totals: number[] | null;
  dayBuckets: number[] | null;
  dayCounts: number[] | null;
}

interface Lookup {
  bucket: number;
  from: Date;
  to: Date;
  skip: number;
  take: number;
  long: boolean;
}

const periodPercentiles = [0.5, 0.75, 0.9] as const;
/** Ranges longer than this read a bucket in value order (see leadTimeValuesSql). */
const longRangeMs = 60 * 86_400_000;

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
  const ranges = (await tx.query<Range>(leadTimeRangesSql, params)).rows;
  const bounds = [...new Set(ranges.flatMap((r) => [r.from.getTime(), r.to.getTime()]))];
  const totals = await tx.query<TotalsRow>(leadTimeTotalsSql, [params[0], bounds.map((t) => new Date(t))]);
  const byBound = bounds.map(() => new Map<number, number>());
  for (const row of totals.rows) {
    const map = byBound[Number(row.i) - 1]!;
    (row.buckets ?? []).forEach((bucket, j) => map.set(bucket, row.totals![j]!));
    (row.dayBuckets ?? []).forEach((bucket, j) =>
      map.set(bucket, (map.get(bucket) ?? 0) + row.dayCounts![j]!),
    );
  }
  const at = (t: Date) => byBound[bounds.indexOf(t.getTime())]!;

  // Which bucket (and offset in it) holds each needed rank of each range: one lookup per
  // percentile, reading two values when its two ranks lie in the same bucket.
  const lookups: Lookup[] = [];
  const plans = ranges.map((range) => {
    const counts = histogram(at(range.to), at(range.from));
    const n = counts.reduce((sum, [, c]) => sum + c, 0);
    const long = range.to.getTime() - range.from.getTime() > longRangeMs;
    const locate = (rank: number, take: number): [number, number] => {
      let before = 0;
      for (const [bucket, c] of counts) {
        if (rank < before + c) {
          const both = take === 2 && rank + 1 < before + c;
          lookups.push({
            bucket,
            from: range.from,
            to: range.to,
            skip: rank - before,
            take: both ? 2 : 1,
            long,
          });
          return [lookups.length - 1, both ? 1 : 0];
        }
        before += c;
      }
      throw new Error(`rank ${rank} beyond ${n} changes`);
    };
    const ps = range.key === 'period' ? periodPercentiles : ([0.5] as const);
    const wanted = (n === 0 ? [] : ps).map((p) => {
      const rank = p * (n - 1);
      const [lo, hi] = [Math.floor(rank), Math.ceil(rank)];
      const first = locate(lo, hi > lo ? 2 : 1);
      // The second value: in the same lookup, or the first value of the next bucket.
      const second: [number, number] = hi === lo ? first : first[1] === 1 ? [first[0], 1] : locate(hi, 1);
      return { rank, lo: first, hi: second };
    });
    return { range, n, wanted };
  });

  const values: number[][] = lookups.map(() => []);
  if (lookups.length > 0) {
    const rows = await tx.query<{ i: number; value: number }>(leadTimeValuesSql, [
      params[0],
      lookups.map((l) => l.bucket),
      lookups.map((l) => l.from),
      lookups.map((l) => l.to),
      lookups.map((l) => l.skip),
      lookups.map((l) => l.take),
      lookups.map((l) => l.long),
    ]);
    for (const row of rows.rows) values[Number(row.i) - 1]!.push(row.value);
  }
  const figures = new Map<string, LeadTimeFigures>();
  for (const plan of plans) {
    if (plan.n === 0) continue;
    const value = (w: (typeof plan.wanted)[number]) => {
      const lo = values[w.lo[0]]![0]!;
      const hi = values[w.hi[0]]![w.hi[1]]!;
      return lo + (w.rank - Math.floor(w.rank)) * (hi - lo);
    };
    const [median, p75, p90] = plan.wanted.map(value);
    figures.set(plan.range.key, { sampleSize: plan.n, median: median!, p75: p75 ?? null, p90: p90 ?? null });
  }
  return figures;
}

/** Changes per bucket between two range ends (running totals), ascending by bucket. */
function histogram(end: Map<number, number>, start: Map<number, number>): [number, number][] {
  return [...end]
    .map(([bucket, total]): [number, number] => [bucket, total - (start.get(bucket) ?? 0)])
    .filter(([, c]) => c > 0)
    .sort((a, b) => a[0] - b[0]);
}
