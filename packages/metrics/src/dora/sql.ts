/**
 * The SQL behind the DORA metrics, kept as reviewable text (`pulse metrics explain dora` prints it).
 * All of it reads the facts tables (deployment_facts, change_facts, change_lead_time_days), never
 * the raw domain tables. Every query takes the same parameters (params-sql.ts).
 *
 * Deployments belong to a team through repository ownership (team_repositories); changes through
 * their author's team membership valid when the change's first commit was made. Lead time always
 * measures the way to production, whatever the environment filter.
 */
import {
  leadTimeRangesSql,
  leadTimeTotalsSql,
  leadTimeValuesSql,
  scopedLeadTimeSql,
} from './lead-time-sql.ts';
import { params } from './params-sql.ts';

const deploymentScope = `
  f.tenant_id = p.tenant and f.finished_at >= p.t_from and f.finished_at < p.t_to
  and (case when p.env is null then f.is_production else f.environment = p.env end)
  and (p.repos is null or f.repository_id = any (p.repos))
  and (p.team is null or exists (
        select 1 from team_repositories tr
         where tr.tenant_id = f.tenant_id and tr.repository_id = f.repository_id and tr.team_id = p.team))`;

/**
 * All deployment figures in one pass over the period's deployment facts: one row for the period
 * (key 'period': counts, deployment days, failures, rework, recovery median, and the cadence
 * medians) and one per series bucket (day, week or month in the time zone; empty buckets
 * included). Reading the facts once and everything else from per-day counts replaces three scans.
 *
 * Cadence: the median of deployment days per week and per month. Only weeks (months) wholly inside
 * the period count, so partial weeks at its edges do not drag the median down; a period shorter
 * than one whole week (month) uses the weeks (months) it touches. Weeks start on Monday (ISO).
 * Every CTE read more than once is materialized: inlined, `days` used to rescan the period's
 * deployments once per week and month (66 times a year), and the inflated estimate switched JIT on.
 */
export const deploymentsSql = `
with ${params},
facts as materialized (
  select (f.finished_at at time zone p.tz)::date as day, f.is_failed, f.is_rework,
         case when f.is_failed and f.recovered_at is not null
              then extract(epoch from f.recovered_at - f.finished_at) end as recovery
    from params p join deployment_facts f on ${deploymentScope}
),
days as materialized (
  select day, count(*) as n, count(*) filter (where is_failed) as failed, count(*) filter (where is_rework) as rework,
         count(recovery) as recovered
    from facts group by day
),
units as (
  select u.unit, s.start, s.start + ('1 ' || u.unit)::interval as stop,
         s.start >= p.t_from at time zone p.tz and s.start + ('1 ' || u.unit)::interval <= p.t_to at time zone p.tz as whole
    from params p
   cross join (values ('week'), ('month')) u(unit)
   cross join lateral generate_series(date_trunc(u.unit, p.t_from at time zone p.tz),
                                      p.t_to at time zone p.tz - interval '1 microsecond',
                                      ('1 ' || u.unit)::interval) s(start)
),
counted as materialized (
  select u.unit, u.whole, count(d.day) as n
    from units u left join days d on d.day >= u.start and d.day < u.stop
   group by u.unit, u.start, u.whole
),
chosen as (
  select c.unit, c.n from counted c
   where c.whole or not exists (select 1 from counted w where w.unit = c.unit and w.whole)
),
cadence as (
  select coalesce(percentile_cont(0.5) within group (order by n) filter (where unit = 'week'), 0) as "medianWeeklyDeploymentDays",
         count(*) filter (where unit = 'week') as weeks,
         coalesce(percentile_cont(0.5) within group (order by n) filter (where unit = 'month'), 0) as "medianMonthlyDeploymentDays"
    from chosen
),
buckets as (
  select to_char(b, 'YYYY-MM-DD') as key
    from params p
   cross join lateral generate_series(date_trunc(p.unit, p.t_from at time zone p.tz),
                                      p.t_to at time zone p.tz - interval '1 microsecond', ('1 ' || p.unit)::interval) b
),
per_bucket as (
  select to_char(date_trunc(p.unit, d.day::timestamp), 'YYYY-MM-DD') as key, sum(d.n) as deployments, count(*) as "deploymentDays",
         sum(d.failed) as failed, sum(d.rework) as rework, sum(d.recovered) as recovered
    from params p cross join days d group by 1
),
recovery as (
  select to_char(date_trunc(p.unit, f.day::timestamp), 'YYYY-MM-DD') as key,
         percentile_cont(0.5) within group (order by f.recovery) as "recoveryMedian"
    from params p join facts f on f.recovery is not null group by 1
)
select 'period' as key, coalesce(sum(d.n), 0)::bigint as deployments, count(d.day) as "deploymentDays",
       coalesce(sum(d.failed), 0)::bigint as failed, coalesce(sum(d.rework), 0)::bigint as rework,
       coalesce(sum(d.recovered), 0)::bigint as recovered,
       (select percentile_cont(0.5) within group (order by recovery) from facts where recovery is not null) as "recoveryMedian",
       (select "medianWeeklyDeploymentDays" from cadence), (select weeks from cadence),
       (select "medianMonthlyDeploymentDays" from cadence)
  from days d
union all
select b.key, coalesce(x.deployments, 0)::bigint, coalesce(x."deploymentDays", 0), coalesce(x.failed, 0)::bigint,
       coalesce(x.rework, 0)::bigint, coalesce(x.recovered, 0)::bigint, r."recoveryMedian", null, null, null
  from buckets b left join per_bucket x on x.key = b.key left join recovery r on r.key = b.key`;

export const doraSql = {
  deployments: deploymentsSql,
  leadTimeRanges: leadTimeRangesSql,
  leadTimeTotals: leadTimeTotalsSql,
  leadTimeValues: leadTimeValuesSql,
  // Filtered reports (and every report before the histogram): percentile_cont over the changes.
  leadTimeSummary: scopedLeadTimeSql,
} as const;
