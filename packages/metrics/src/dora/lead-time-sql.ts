/**
 * The SQL behind the change lead time percentiles (lead-time.ts computes them from its rows).
 *
 * Whole tenant (no repository or team filter), exactly as `percentile_cont` over change_facts
 * would give them, without sorting every change: the value histogram of change_facts
 * (histogram/source.ts leadTimeHistogram; histogram/sql.ts says how). The ranges statement takes
 * $1 from, $2 to, $3 time zone, $4 unit; the totals and values statements the tenant and arrays.
 * Filtered reports (repositories, team) sort the changes in scope (scopedLeadTimeSql): their cost
 * grows with the changes in scope, not the tenant.
 */
import { authorInTeam } from '../sql-fragments.ts';
import { histogramSql } from '../histogram/sql.ts';
import { leadTimeHistogram } from '../histogram/source.ts';
import { params } from './params-sql.ts';

const histogram = histogramSql(leadTimeHistogram);
export const leadTimeRangesSql = histogram.ranges;
export const leadTimeTotalsSql = histogram.totals;
export const leadTimeValuesSql = histogram.values;

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
