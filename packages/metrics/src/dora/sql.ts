/**
 * The SQL behind the DORA metrics, kept as reviewable text (`pulse metrics explain dora` prints it).
 * All of it reads the facts tables (deployment_facts, change_facts), never the raw domain tables.
 *
 * Every query takes the same parameters, named once in its `params` row:
 *   $1 tenant id, $2 from (inclusive), $3 to (exclusive), $4 time zone, $5 granularity
 *   ('day' | 'week' | 'month'), $6 environment (null = production deployments), $7 repository ids
 *   (null = all), $8 team id (null = all).
 * Deployments belong to a team through repository ownership (team_repositories); changes through
 * their author's team membership valid when the change's first commit was made. Lead time always
 * measures the way to production, whatever the environment filter.
 */
import { authorInTeam } from '../sql-fragments.ts';

const params = `params as (
  select $1::uuid as tenant, $2::timestamptz as t_from, $3::timestamptz as t_to, $4::text as tz,
         $5::text as unit, $6::text as env, $7::bigint[] as repos, $8::bigint as team
)`;

const deploymentScope = `
  f.tenant_id = p.tenant and f.finished_at >= p.t_from and f.finished_at < p.t_to
  and (case when p.env is null then f.is_production else f.environment = p.env end)
  and (p.repos is null or f.repository_id = any (p.repos))
  and (p.team is null or exists (
        select 1 from team_repositories tr
         where tr.tenant_id = f.tenant_id and tr.repository_id = f.repository_id and tr.team_id = p.team))`;

const changeScope = `
  c.tenant_id = p.tenant and c.deployed_at >= p.t_from and c.deployed_at < p.t_to
  and (p.repos is null or c.repository_id = any (p.repos))
  and (p.team is null or ${authorInTeam('c.tenant_id', 'c.author_identity_id', 'p.team', 'c.first_commit_at')})`;

const deploymentFigures = `
  count(*) as deployments,
  count(distinct (f.finished_at at time zone p.tz)::date) as "deploymentDays",
  count(*) filter (where f.is_failed) as failed,
  count(*) filter (where f.is_rework) as rework,
  count(*) filter (where f.is_failed and f.recovered_at is not null) as recovered,
  percentile_cont(0.5) within group (order by extract(epoch from f.recovered_at - f.finished_at))
    filter (where f.is_failed and f.recovered_at is not null) as "recoveryMedian"`;

/** Whole-period deployment figures: counts, deployment days, failures, rework, recovery. */
export const deploymentSummarySql = `
with ${params}
select ${deploymentFigures}
  from params p join deployment_facts f on ${deploymentScope}`;

/**
 * Median deployment days per week and per month. Only weeks (months) wholly inside the period
 * count, so partial weeks at its edges do not drag the median down; a period shorter than one
 * whole week (month) uses the weeks (months) it touches. Weeks start on Monday (ISO).
 */
export const cadenceSql = `
with ${params},
days as (
  select distinct (f.finished_at at time zone p.tz)::date as day
    from params p join deployment_facts f on ${deploymentScope}
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
counted as (
  select u.unit, u.whole, (select count(*) from days d where d.day >= u.start and d.day < u.stop) as n
    from units u
),
chosen as (
  select c.unit, c.n from counted c
   where c.whole or not exists (select 1 from counted w where w.unit = c.unit and w.whole)
)
select coalesce(percentile_cont(0.5) within group (order by n) filter (where unit = 'week'), 0) as "medianWeeklyDeploymentDays",
       count(*) filter (where unit = 'week') as weeks,
       coalesce(percentile_cont(0.5) within group (order by n) filter (where unit = 'month'), 0) as "medianMonthlyDeploymentDays",
       count(*) filter (where unit = 'month') as months
  from chosen`;

/** Lead time percentiles over the changes deployed to production in the period. */
export const leadTimeSummarySql = `
with ${params}
select count(*) as "sampleSize",
       percentile_cont(0.5) within group (order by c.lead_time_seconds) as median,
       percentile_cont(0.75) within group (order by c.lead_time_seconds) as p75,
       percentile_cont(0.9) within group (order by c.lead_time_seconds) as p90
  from params p join change_facts c on ${changeScope}`;

/** One row per bucket (day, week or month in the time zone), empty buckets included. */
export const seriesSql = `
with ${params},
buckets as (
  select b as bucket
    from params p
   cross join lateral generate_series(date_trunc(p.unit, p.t_from at time zone p.tz),
                                      p.t_to at time zone p.tz - interval '1 microsecond', ('1 ' || p.unit)::interval) b
),
deployments as (
  select date_trunc(p.unit, f.finished_at at time zone p.tz) as bucket, ${deploymentFigures}
    from params p join deployment_facts f on ${deploymentScope}
   group by 1
),
changes as (
  select date_trunc(p.unit, c.deployed_at at time zone p.tz) as bucket, count(*) as "leadTimeSamples",
         percentile_cont(0.5) within group (order by c.lead_time_seconds) as "leadTimeMedian"
    from params p join change_facts c on ${changeScope}
   group by 1
)
select to_char(b.bucket, 'YYYY-MM-DD') as bucket,
       coalesce(d.deployments, 0) as deployments, coalesce(d."deploymentDays", 0) as "deploymentDays",
       coalesce(d.failed, 0) as failed, coalesce(d.rework, 0) as rework,
       coalesce(d.recovered, 0) as recovered, d."recoveryMedian",
       coalesce(c."leadTimeSamples", 0) as "leadTimeSamples", c."leadTimeMedian"
  from buckets b
  left join deployments d on d.bucket = b.bucket
  left join changes c on c.bucket = b.bucket
 order by b.bucket`;

export const doraSql = {
  deploymentSummary: deploymentSummarySql,
  cadence: cadenceSql,
  leadTimeSummary: leadTimeSummarySql,
  series: seriesSql,
} as const;
