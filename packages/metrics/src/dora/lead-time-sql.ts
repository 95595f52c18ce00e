/**
 * The SQL behind the change lead time percentiles (lead-time.ts computes them from its rows).
 *
 * Whole tenant (no repository or team filter), exactly as `percentile_cont` over change_facts
 * would give them, without sorting every change:
 * 1. leadTimeRangesSql: the ranges to report, the period and each series bucket (in the zone).
 * 2. leadTimeTotalsSql: for every range end t, how many changes of each lead-time bucket reached
 *    production before t: the running totals of change_lead_time_days at the end of the UTC day
 *    before t's, plus the changes of t's own day before t (none when t is a UTC midnight). A
 *    range's counts per bucket are total(end) − total(start); buckets order like the values
 *    (change_facts.lead_bucket, 0005_metrics_performance.sql), so the counts say which bucket holds
 *    each rank percentile_cont interpolates between, and at which offset.
 * 3. leadTimeValuesSql: the value at that offset of that bucket's changes in the range: an index
 *    range scan of ~1 % of the range's changes.
 * Filtered reports (repositories, team) sort the changes in scope (scopedLeadTimeSql): their cost
 * grows with the changes in scope, not the tenant.
 */
import { authorInTeam } from '../sql-fragments.ts';
import { params } from './params-sql.ts';

/** key ('period' or the series bucket as YYYY-MM-DD), r_from, r_to. Parameters as in sql.ts. */
export const leadTimeRangesSql = `
with ${params}
select 'period' as key, p.t_from as "from", p.t_to as "to" from params p
union all
select to_char(b, 'YYYY-MM-DD'), greatest(b at time zone p.tz, p.t_from),
       least((b + ('1 ' || p.unit)::interval) at time zone p.tz, p.t_to)
  from params p
 cross join lateral generate_series(date_trunc(p.unit, p.t_from at time zone p.tz),
                                    p.t_to at time zone p.tz - interval '1 microsecond', ('1 ' || p.unit)::interval) b`;

/**
 * $1 tenant, $2 the range ends (timestamptz[]). One row per end: i (1-based index into $2), and
 * the per-bucket totals before it as two arrays, from the histogram and from the end's own day
 * (arrays keep the transfer to ~50 rows instead of ~20 k).
 */
export const leadTimeTotalsSql = `
with bounds as materialized (
  select u.t, u.i, ((u.t at time zone 'UTC')::date)::timestamp at time zone 'UTC' as day_start,
         least((u.t at time zone 'UTC')::date - 1,
               (select max(day) from change_lead_time_days where tenant_id = $1::uuid)) as totals_day
    from unnest($2::timestamptz[]) with ordinality u(t, i)
)
select b.i, h.buckets, h.totals, r.buckets as "dayBuckets", r.counts as "dayCounts"
  from bounds b
 -- Plain columns of a materialized CTE in the conditions: under row-level security an expression
 -- such as least(b.day - 1, …) is not leakproof, and each lookup became a scan of every day.
 cross join lateral (
   select array_agg(lead_bucket) as buckets, array_agg(total::float8) as totals
     from change_lead_time_days where tenant_id = $1::uuid and day = b.totals_day
 ) h
 cross join lateral (
   select array_agg(lead_bucket) as buckets, array_agg(n::float8) as counts from (
     select c.lead_bucket, count(*) as n from change_facts c
      where b.t > b.day_start and c.tenant_id = $1::uuid and c.deployed_at >= b.day_start and c.deployed_at < b.t
      group by 1
   ) x
 ) r`;

/**
 * $1 tenant, then arrays of the same length: $2 bucket, $3 range start, $4 range end, $5 offset,
 * $6 how many values (1 or 2: the two ranks percentile_cont interpolates between), $7 whether the
 * range is long. A long range (most of the history) is read in value order and the scan stops at
 * the offset; a short one (a week) reads the bucket's few changes in the range and sorts them.
 * Rows: i (1-based index into the arrays), value, in order within i.
 */
export const leadTimeValuesSql = `
select k.i, v.value
  from unnest($2::int[], $3::timestamptz[], $4::timestamptz[], $5::bigint[], $6::int[], $7::boolean[])
       with ordinality k(bucket, r_from, r_to, skip, take, long, i)
 cross join lateral (
   (select c.lead_time_seconds as value from change_facts c
     where k.long and c.tenant_id = $1::uuid and c.lead_bucket = k.bucket
       and c.deployed_at >= k.r_from and c.deployed_at < k.r_to
     order by c.lead_time_seconds offset k.skip limit k.take)
   union all
   (select c.lead_time_seconds from change_facts c
     where not k.long and c.tenant_id = $1::uuid and c.lead_bucket = k.bucket
       and c.deployed_at >= k.r_from and c.deployed_at < k.r_to
     order by c.lead_time_seconds offset k.skip limit k.take)
 ) v
 order by k.i, v.value`;

const changeScope = `
  c.tenant_id = p.tenant and c.deployed_at >= p.t_from and c.deployed_at < p.t_to
  and (p.repos is null or c.repository_id = any (p.repos))
  and (p.team is null or ${authorInTeam('c.tenant_id', 'c.author_identity_id', 'p.team', 'c.first_commit_at')})`;

/**
 * Filtered reports: percentile_cont over the changes in scope. Rows: key ('period' or the series
 * bucket), sampleSize, median, p75, p90 (series rows: the median only). Parameters as in sql.ts.
 */
export const scopedLeadTimeSql = `
with ${params}
select 'period' as key, count(*) as "sampleSize",
       percentile_cont(0.5) within group (order by c.lead_time_seconds) as median,
       percentile_cont(0.75) within group (order by c.lead_time_seconds) as p75,
       percentile_cont(0.9) within group (order by c.lead_time_seconds) as p90
  from params p join change_facts c on ${changeScope}
having count(*) > 0
union all
select to_char(date_trunc(p.unit, c.deployed_at at time zone p.tz), 'YYYY-MM-DD'), count(*),
       percentile_cont(0.5) within group (order by c.lead_time_seconds), null, null
  from params p join change_facts c on ${changeScope}
 group by 1`;
