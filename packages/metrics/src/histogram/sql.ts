/**
 * The statements behind value histograms (source.ts), built for one source each:
 * 1. rangesSql: the ranges a report reads, the period and each series bucket (in the zone).
 * 2. totalsSql: for every range end t and measure, how many facts of each bucket happened before
 *    t: the running totals of the days table at the end of the UTC day before t's, plus the facts
 *    of t's own day before t (none when t is a UTC midnight). A range's counts per bucket are
 *    total(end) − total(start); buckets order like the values, so the counts say which bucket
 *    holds each rank percentile_cont interpolates between, and at which offset (figures.ts).
 * 3. valuesSql: the value at that offset of that bucket's facts in the range: an index range scan
 *    of ~1 % of the range's facts.
 * 4. recountSql: the days table from a day on.
 */
import { counted, dayMeasure, type HistogramSource } from './source.ts';

/**
 * $1 from, $2 to (exclusive), $3 time zone, $4 series unit ('day' | 'week' | 'month'). Rows: key
 * ('period' or the series bucket as YYYY-MM-DD), from, to.
 */
export const rangesSql = `
with params as (select $1::timestamptz as t_from, $2::timestamptz as t_to, $3::text as tz, $4::text as unit)
select 'period' as key, p.t_from as "from", p.t_to as "to" from params p
union all
select to_char(b, 'YYYY-MM-DD'), greatest(b at time zone p.tz, p.t_from),
       least((b + ('1 ' || p.unit)::interval) at time zone p.tz, p.t_to)
  from params p
 cross join lateral generate_series(date_trunc(p.unit, p.t_from at time zone p.tz),
                                    p.t_to at time zone p.tz - interval '1 microsecond', ('1 ' || p.unit)::interval) b`;

/**
 * $1 tenant, $2 the range ends (timestamptz[]). Rows: i (1-based index into $2), measure, and its
 * per-bucket totals before the end as two arrays in text form ('{…}', ascending by bucket), from
 * the days table and from the end's own day. Arrays keep the transfer to a few hundred rows instead of ~50 k; text,
 * because parsing ~100 k array elements in the client took longer than the whole query.
 */
export function totalsSql(source: HistogramSource): string {
  const c = counted(source);
  return `
with bounds as materialized (
  select u.t, u.i, ((u.t at time zone 'UTC')::date)::timestamp at time zone 'UTC' as day_start,
         least((u.t at time zone 'UTC')::date - 1,
               (select max(day) from ${source.days} where tenant_id = $1::uuid)) as totals_day
    from unnest($2::timestamptz[]) with ordinality u(t, i)
)
-- Plain columns of a materialized CTE in the conditions: under row-level security an expression
-- such as least(b.day - 1, …) is not leakproof, and each lookup became a scan of every day.
select b.i, h.measure, h.buckets, h.totals
  from bounds b
 cross join lateral (
   select ${dayMeasure(source)} as measure, array_agg(${source.bucketColumn} order by ${source.bucketColumn})::text as buckets,
          array_agg(total order by ${source.bucketColumn})::text as totals
     from ${source.days} where tenant_id = $1::uuid and day = b.totals_day
    group by 1
 ) h
union all
select b.i, r.measure, array_agg(r.bucket order by r.bucket)::text, array_agg(r.n order by r.bucket)::text
  from bounds b
 cross join lateral (
   select ${c.measure} as measure, ${c.bucket} as bucket, count(*) as n from ${c.from}
    where b.t > b.day_start and f.tenant_id = $1::uuid and ${source.time} >= b.day_start and ${source.time} < b.t
      ${c.where}
    group by 1, 2
 ) r
 group by b.i, r.measure`;
}

/**
 * $1 tenant, then arrays of the same length: $2 measure, $3 bucket, $4 range start, $5 range end,
 * $6 offset, $7 how many values (1 or 2: the two ranks percentile_cont interpolates between), $8
 * whether the range is long. A long range (most of the history) is read in value order and the scan
 * stops at the offset; a short one (a week) reads the bucket's few facts in the range and sorts
 * them. Rows: i (1-based index into the arrays), value, in order within i.
 */
export function valuesSql(source: HistogramSource): string {
  const reads = Object.entries(source.measures).flatMap(([name, m]) =>
    m.value === null
      ? []
      : [true, false].map(
          (long) => `
   (select (${m.value})::float8 as value from ${source.facts} f
     where k.measure = '${name}' and ${long ? '' : 'not '}k.long and f.tenant_id = $1::uuid and ${m.bucket} = k.bucket
       and ${source.time} >= k.r_from and ${source.time} < k.r_to ${source.where}
     order by ${m.value} offset k.skip limit k.take)`,
        ),
  );
  return `
select k.i, v.value
  from unnest($2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::bigint[], $7::int[], $8::boolean[])
       with ordinality k(measure, bucket, r_from, r_to, skip, take, long, i)
 cross join lateral (${reads.join('\n   union all')}
 ) v
 order by k.i, v.value`;
}

/**
 * $1 tenant, $2 the first day to recount. Days before it keep their rows (the caller deleted the
 * others); the rows of the last day before $2 are the base the running totals continue from.
 */
export function recountSql(source: HistogramSource): string {
  const c = counted(source);
  const measure = source.measureColumn === null ? '' : `${source.measureColumn}, `;
  return `
with base as (
  select ${dayMeasure(source)} as measure, ${source.bucketColumn} as bucket, total from ${source.days}
   where tenant_id = $1 and day = (select max(day) from ${source.days} where tenant_id = $1 and day < $2::date)
),
daily as (
  select (${source.time} at time zone 'UTC')::date as day, ${c.measure} as measure, ${c.bucket} as bucket, count(*) as n
    from ${c.from}
   where f.tenant_id = $1 and ${source.time} >= $2::date::timestamp at time zone 'UTC' ${c.where}
   group by 1, 2, 3
),
keys as (
  select measure, bucket from base union select measure, bucket from daily
),
-- Dense: a zero for every day and key, added to the day's count by grouping (a join of the grid
-- with daily was planned as a merge join on the key alone, quadratic in the days).
counts as (
  select day, measure, bucket, sum(n) as n from (
    select day, measure, bucket, n from daily
    union all
    select d::date, k.measure, k.bucket, 0
      from generate_series($2::date::timestamp, (select max(day) from daily)::timestamp, interval '1 day') d
     cross join keys k
  ) x
   group by 1, 2, 3
),
running as (
  select c.day, c.measure, c.bucket,
         coalesce(base.total, 0) + sum(c.n) over (partition by c.measure, c.bucket order by c.day) as total
    from counts c
    left join base on base.measure = c.measure and base.bucket = c.bucket
)
insert into ${source.days} (tenant_id, day, ${measure}${source.bucketColumn}, total)
select $1, day, ${measure}bucket, total from running where total > 0`;
}

/** $1 tenant. Row: day, the UTC day of its first counted fact (null: none). */
export function firstDaySql(source: HistogramSource): string {
  return `select to_char(min(${source.time}) at time zone 'UTC', 'YYYY-MM-DD') as day
  from ${source.facts} f where f.tenant_id = $1 ${source.where}`;
}

const build = (source: HistogramSource) => ({
  ranges: rangesSql,
  totals: totalsSql(source),
  values: valuesSql(source),
  recount: recountSql(source),
  firstDay: firstDaySql(source),
});

const built = new Map<HistogramSource, ReturnType<typeof build>>();

/** Every statement of a source, built once. */
export function histogramSql(source: HistogramSource): ReturnType<typeof build> {
  if (!built.has(source)) built.set(source, build(source));
  return built.get(source)!;
}
