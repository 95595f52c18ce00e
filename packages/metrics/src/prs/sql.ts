/**
 * The SQL behind the pull request metrics (`pulse metrics explain prs` prints it). It reads
 * pull_request_facts and, for the whole tenant, its histogram pull_request_stage_days. Bots' pull
 * requests are excluded. A pull request belongs to a team through its author's team membership
 * valid when it was merged.
 *
 * Whole-tenant reports: counts and exact percentiles from the value histogram
 * (histogram/source.ts pullRequestHistogram; histogram/sql.ts says how and lists the parameters).
 * Filtered reports (repositories, team): percentile_cont over the pull requests in scope
 * (summary, series), with parameters $1 tenant id, $2 from, $3 to (merged_at in [from, to)), $4
 * time zone, $5 granularity, $6 repository ids (null = all), $7 team id (null = all).
 */
import { histogramSql } from '../histogram/sql.ts';
import { pullRequestHistogram } from '../histogram/source.ts';
import { authorInTeam } from '../sql-fragments.ts';

const params = `params as (
  select $1::uuid as tenant, $2::timestamptz as t_from, $3::timestamptz as t_to, $4::text as tz,
         $5::text as unit, $6::bigint[] as repos, $7::bigint as team
)`;

const scope = `
  f.tenant_id = p.tenant and f.merged_at >= p.t_from and f.merged_at < p.t_to and not f.is_bot
  and (p.repos is null or f.repository_id = any (p.repos))
  and (p.team is null or ${authorInTeam('f.tenant_id', 'f.author_identity_id', 'p.team', 'f.merged_at')})`;

const stage = (column: string, name: string) => `
  count(f.${column}) as "${name}Samples",
  percentile_cont(0.5) within group (order by f.${column}) as "${name}Median",
  percentile_cont(0.75) within group (order by f.${column}) as "${name}P75",
  percentile_cont(0.9) within group (order by f.${column}) as "${name}P90"`;

export const prSummarySql = `
with ${params}
select count(*) as merged,
       count(*) filter (where f.first_review_at is null) as "mergedWithoutReview",
       percentile_cont(0.5) within group (order by f.size) as "sizeMedian",
       percentile_cont(0.9) within group (order by f.size) as "sizeP90",
       ${stage('coding_seconds', 'coding')},
       ${stage('pickup_seconds', 'pickup')},
       ${stage('review_seconds', 'review')},
       ${stage('deploy_seconds', 'deploy')}
  from params p join pull_request_facts f on ${scope}`;

export const prSeriesSql = `
with ${params},
buckets as (
  select b as bucket from params p
   cross join lateral generate_series(date_trunc(p.unit, p.t_from at time zone p.tz),
                                      p.t_to at time zone p.tz - interval '1 microsecond', ('1 ' || p.unit)::interval) b
),
merged as (
  select date_trunc(p.unit, f.merged_at at time zone p.tz) as bucket, count(*) as merged,
         count(*) filter (where f.first_review_at is null) as "mergedWithoutReview",
         percentile_cont(0.5) within group (order by f.coding_seconds) as "codingMedian",
         percentile_cont(0.5) within group (order by f.pickup_seconds) as "pickupMedian",
         percentile_cont(0.5) within group (order by f.review_seconds) as "reviewMedian",
         percentile_cont(0.5) within group (order by f.deploy_seconds) as "deployMedian"
    from params p join pull_request_facts f on ${scope}
   group by 1
)
select to_char(b.bucket, 'YYYY-MM-DD') as bucket, coalesce(m.merged, 0) as merged,
       coalesce(m."mergedWithoutReview", 0) as "mergedWithoutReview",
       m."codingMedian", m."pickupMedian", m."reviewMedian", m."deployMedian"
  from buckets b left join merged m on m.bucket = b.bucket
 order by b.bucket`;

const histogram = histogramSql(pullRequestHistogram);

export const prSql = {
  ranges: histogram.ranges,
  totals: histogram.totals,
  values: histogram.values,
  // Filtered reports: percentile_cont over the pull requests in scope.
  summary: prSummarySql,
  series: prSeriesSql,
} as const;
