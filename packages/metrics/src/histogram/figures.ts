/**
 * Counts and percentiles of a value histogram's measures (source.ts) over a period and each series
 * bucket, exactly as PostgreSQL's percentile_cont over the facts (sql.ts says how).
 *
 * percentile_cont(p) over n sorted values v interpolates between the 0-based ranks floor(p·(n − 1))
 * and ceil(p·(n − 1)): v[lo] + (p·(n − 1) − lo) · (v[hi] − v[lo]). The same float64 operations in the
 * same order give the same bits here as in PostgreSQL's float8_lerp.
 */
import type { Tx } from '@pulse/db';
import type { Granularity } from '../period.ts';
import { histogramSql } from './sql.ts';
import type { HistogramSource } from './source.ts';

export interface HistogramQuery {
  readonly tenantId: string;
  readonly from: Date;
  readonly to: Date;
  readonly timeZone: string;
  readonly granularity: Granularity;
}

/** A measure over one range: how many facts, and the percentiles asked for, in the order asked. */
export interface MeasureFigures {
  sampleSize: number;
  /** Empty when sampleSize is 0. */
  percentiles: number[];
}

/** For a range key ('period' or a series bucket): measure → the percentiles wanted ([] = count). */
export type Wanted = (key: string) => Readonly<Record<string, readonly number[]>>;

interface Range {
  key: string;
  from: Date;
  to: Date;
}

interface TotalsRow {
  i: number;
  measure: string;
  /** Arrays in text form, '{1,2,3}'. */
  buckets: string;
  totals: string;
}

interface Lookup {
  measure: string;
  bucket: number;
  from: Date;
  to: Date;
  skip: number;
  take: number;
  long: boolean;
}

/** Running totals of one measure at one range end, ascending by bucket. */
interface Totals {
  buckets: number[];
  totals: number[];
}

/** Where a value is: [lookup, index of the value in it]. */
type At = [number, number];

/** Ranges longer than this read a bucket in value order (see valuesSql). */
const longRangeMs = 60 * 86_400_000;

/** Ranges in order: the period, then the series buckets; each with every measure `wanted` names. */
export async function histogramFigures(
  tx: Tx,
  source: HistogramSource,
  query: HistogramQuery,
  wanted: Wanted,
): Promise<{ key: string; measures: Map<string, MeasureFigures> }[]> {
  const sql = histogramSql(source);
  const ranges = (
    await tx.query<Range>(sql.ranges, [query.from, query.to, query.timeZone, query.granularity])
  ).rows;
  const at = await totalsAt(tx, sql.totals, query.tenantId, ranges);

  // Which bucket (and offset in it) holds each needed rank: one lookup per percentile, reading two
  // values when its two ranks lie in the same bucket.
  const lookups: Lookup[] = [];
  const plans = ranges.map((range) => {
    const long = range.to.getTime() - range.from.getTime() > longRangeMs;
    const measures = Object.entries(wanted(range.key)).map(([measure, ps]) => {
      const counts = histogram(at(range.to).get(measure), at(range.from).get(measure));
      const n = counts.reduce((sum, [, c]) => sum + c, 0);
      const locate = (rank: number, take: number): At => {
        let before = 0;
        for (const [bucket, c] of counts) {
          if (rank < before + c) {
            const both = take === 2 && rank + 1 < before + c;
            lookups.push({
              measure,
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
        throw new Error(`rank ${rank} beyond ${n} values of ${measure}`);
      };
      const points = (n === 0 ? [] : ps).map((p) => {
        const rank = p * (n - 1);
        const [lo, hi] = [Math.floor(rank), Math.ceil(rank)];
        const first = locate(lo, hi > lo ? 2 : 1);
        // The second value: in the same lookup, or the first value of the next bucket.
        const second: At = hi === lo ? first : first[1] === 1 ? first : locate(hi, 1);
        return { rank, lo: first, hi: second };
      });
      return { measure, n, points };
    });
    return { key: range.key, measures };
  });

  const values = await readValues(tx, sql.values, query.tenantId, lookups);
  return plans.map((plan) => ({
    key: plan.key,
    measures: new Map(
      plan.measures.map(({ measure, n, points }) => [
        measure,
        {
          sampleSize: n,
          percentiles: points.map(({ rank, lo, hi }) => {
            const low = values[lo[0]]![0]!;
            const high = values[hi[0]]![hi[1]]!;
            return low + (rank - Math.floor(rank)) * (high - low);
          }),
        },
      ]),
    ),
  }));
}

/** The running totals before each range end: a lookup by end time → measure → totals. */
async function totalsAt(tx: Tx, sql: string, tenantId: string, ranges: readonly Range[]) {
  const bounds = [...new Set(ranges.flatMap((r) => [r.from.getTime(), r.to.getTime()]))];
  const totals = await tx.query<TotalsRow>(sql, [tenantId, bounds.map((t) => new Date(t))]);
  const byBound = bounds.map(() => new Map<string, Totals>());
  const numbers = (array: string) => array.slice(1, -1).split(',').map(Number);
  for (const row of totals.rows) {
    const measures = byBound[Number(row.i) - 1]!;
    const added = { buckets: numbers(row.buckets), totals: numbers(row.totals) };
    const known = measures.get(row.measure);
    measures.set(row.measure, known === undefined ? added : sum(known, added));
  }
  const index = new Map(bounds.map((t, i) => [t, i]));
  return (t: Date) => byBound[index.get(t.getTime())!]!;
}

/** A bound's own day added to the days table's totals. */
function sum(a: Totals, b: Totals): Totals {
  const counts = new Map(a.buckets.map((bucket, i) => [bucket, a.totals[i]!]));
  b.buckets.forEach((bucket, i) => counts.set(bucket, (counts.get(bucket) ?? 0) + b.totals[i]!));
  const buckets = [...counts.keys()].sort((x, y) => x - y);
  return { buckets, totals: buckets.map((bucket) => counts.get(bucket)!) };
}

async function readValues(tx: Tx, sql: string, tenantId: string, lookups: readonly Lookup[]) {
  const values: number[][] = lookups.map(() => []);
  if (lookups.length === 0) return values;
  const rows = await tx.query<{ i: number; value: number }>(sql, [
    tenantId,
    lookups.map((l) => l.measure),
    lookups.map((l) => l.bucket),
    lookups.map((l) => l.from),
    lookups.map((l) => l.to),
    lookups.map((l) => l.skip),
    lookups.map((l) => l.take),
    lookups.map((l) => l.long),
  ]);
  for (const row of rows.rows) values[Number(row.i) - 1]!.push(row.value);
  return values;
}

/** Facts per bucket between two range ends (running totals), ascending by bucket. */
function histogram(end: Totals | undefined, start: Totals | undefined): [number, number][] {
  const counts: [number, number][] = [];
  if (end === undefined) return counts;
  const before = start ?? { buckets: [], totals: [] };
  let j = 0;
  end.buckets.forEach((bucket, k) => {
    while (j < before.buckets.length && before.buckets[j]! < bucket) j++;
    const c = end.totals[k]! - (before.buckets[j] === bucket ? before.totals[j]! : 0);
    if (c > 0) counts.push([bucket, c]);
  });
  return counts;
}
