/**
 * The parameters every DORA statement takes, named once: $1 tenant id, $2 from (inclusive), $3 to
 * (exclusive), $4 time zone, $5 granularity ('day' | 'week' | 'month'), $6 environment (null =
 * production deployments), $7 repository ids (null = all), $8 team id (null = all).
 */
export const params = `params as (
  select $1::uuid as tenant, $2::timestamptz as t_from, $3::timestamptz as t_to, $4::text as tz,
         $5::text as unit, $6::text as env, $7::bigint[] as repos, $8::bigint as team
)`;
