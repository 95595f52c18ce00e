/**
 * change_lead_time_days: for each UTC day and lead-time bucket, the changes of that bucket that
 * reached production up to the end of the day (cumulative, dense; 0005_metrics_performance.sql).
 * The DORA lead-time percentiles read it instead of sorting every change (dora/lead-time-sql.ts).
 * A refresh recounts it from the earliest day whose changes it touched (all days on a full one).
 */
import type { Tx } from '@pulse/db';

// $1 tenant, $2 the first day to recount. Days before it keep their rows; the rows of $2 - 1 are
// the base the running totals continue from.
const recountSql = `
with base as (
  select lead_bucket, total from change_lead_time_days
   where tenant_id = $1 and day = (select max(day) from change_lead_time_days where tenant_id = $1 and day < $2::date)
),
daily as (
  select (deployed_at at time zone 'UTC')::date as day, lead_bucket, count(*) as n
    from change_facts
   where tenant_id = $1 and deployed_at >= $2::date::timestamp at time zone 'UTC'
   group by 1, 2
),
buckets as (
  select lead_bucket from base union select lead_bucket from daily
),
grid as (
  select d::date as day, b.lead_bucket
    from generate_series($2::date::timestamp, (select max(day) from daily)::timestamp, interval '1 day') d
   cross join buckets b
),
running as (
  select g.day, g.lead_bucket,
         coalesce(base.total, 0) + sum(coalesce(daily.n, 0)) over (partition by g.lead_bucket order by g.day) as total
    from grid g
    left join daily on daily.day = g.day and daily.lead_bucket = g.lead_bucket
    left join base on base.lead_bucket = g.lead_bucket
)
insert into change_lead_time_days (tenant_id, day, lead_bucket, total)
select $1, day, lead_bucket, total from running where total > 0`;

export async function recountLeadTimeDays(tx: Tx, tenantId: string, days: readonly string[] | 'all') {
  let from: string | undefined;
  if (days === 'all') {
    const first = await tx.query<{ day: string | null }>(
      "select to_char(min(deployed_at) at time zone 'UTC', 'YYYY-MM-DD') as day from change_facts where tenant_id = $1",
      [tenantId],
    );
    from = first.rows[0]?.day ?? undefined;
    await tx.query('delete from change_lead_time_days where tenant_id = $1', [tenantId]);
  } else {
    from = [...days].sort()[0];
    if (from !== undefined) {
      await tx.query('delete from change_lead_time_days where tenant_id = $1 and day >= $2::date', [
        tenantId,
        from,
      ]);
    }
  }
  if (from !== undefined) await tx.query(recountSql, [tenantId, from]);
}
