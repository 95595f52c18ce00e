-- Exact pull request stage and size percentiles without sorting every pull request, the way the
-- change lead time works (0005_metrics_performance.sql; packages/metrics/src/histogram/ reads and
-- writes both). Derived data only: `pulse metrics refresh --full` rebuilds it.

-- The bucket of a double: its top 17 bits (sign, exponent, 5 mantissa bits), 32 buckets per doubling
-- (each ~2.2 % wide), as change_facts.lead_bucket. Negative values (a review stage can be negative
-- when a pull request was marked ready after its merge) get negative buckets, mirrored, so buckets
-- order like the values for every double: every value of bucket b is at most every value of bucket
-- b + 1. Exact percentiles rely on that.
CREATE FUNCTION pulse_value_bucket(v double precision) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN get_byte(float8send(v), 0) < 128
              THEN (get_byte(float8send(v), 0) << 9) | (get_byte(float8send(v), 1) << 1) | (get_byte(float8send(v), 2) >> 7)
              ELSE 65535 - ((get_byte(float8send(v), 0) << 9) | (get_byte(float8send(v), 1) << 1) | (get_byte(float8send(v), 2) >> 7))
         END
$$;

-- Per measure (stage or size): its bucket, and two indexes from which a percentile's value is read
-- in one bucket: by time for short ranges (a week's pull requests of the bucket, sorted), in value
-- order for long ones (the scan stops at the rank). Bots' and unmerged pull requests never count.
DO $$
DECLARE
  measure text[];
BEGIN
  FOREACH measure SLICE 1 IN ARRAY ARRAY[['coding', 'coding_seconds'], ['pickup', 'pickup_seconds'],
      ['review', 'review_seconds'], ['deploy', 'deploy_seconds'], ['size', 'size']] LOOP
    EXECUTE format('ALTER TABLE pull_request_facts ADD COLUMN %I integer GENERATED ALWAYS AS (pulse_value_bucket(%I)) STORED',
      measure[1] || '_bucket', measure[2]);
    EXECUTE format('CREATE INDEX %I ON pull_request_facts (tenant_id, %I, merged_at) INCLUDE (%I)'
      ' WHERE merged_at IS NOT NULL AND NOT is_bot', 'pull_request_facts_' || measure[1] || '_idx', measure[1] || '_bucket', measure[2]);
    EXECUTE format('CREATE INDEX %I ON pull_request_facts (tenant_id, %I, %I) INCLUDE (merged_at)'
      ' WHERE merged_at IS NOT NULL AND NOT is_bot', 'pull_request_facts_' || measure[1] || '_value_idx', measure[1] || '_bucket', measure[2]);
  END LOOP;
END $$;

-- Covering: a period bound that is not a UTC midnight counts its day's pull requests up to the
-- bound, and a recount reads the days it recounts, from this index alone.
DROP INDEX pull_request_facts_merged_idx;
CREATE INDEX pull_request_facts_merged_idx ON pull_request_facts (tenant_id, merged_at)
  INCLUDE (is_bot, first_review_at, coding_bucket, pickup_bucket, review_bucket, deploy_bucket, size_bucket)
  WHERE merged_at IS NOT NULL;

-- Cumulative histograms of merged pull requests (bots excluded), one per measure: for each UTC day,
-- measure and bucket, how many pull requests merged up to the end of the day had a value in the
-- bucket. Measures: the four stages and size (null = not counted), and two counts with the single
-- bucket 0, 'merged' (every one) and 'unreviewed' (no first review). Dense like
-- change_lead_time_days: every day from the tenant's first merge to its last, every bucket seen so
-- far. Kept in step with pull_request_facts by every refresh (recounted from the earliest merge day
-- whose facts changed).
CREATE TABLE pull_request_stage_days (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  day date NOT NULL,
  measure text NOT NULL CHECK (measure IN ('merged', 'unreviewed', 'coding', 'pickup', 'review', 'deploy', 'size')),
  bucket integer NOT NULL,
  total bigint NOT NULL CHECK (total > 0),
  PRIMARY KEY (tenant_id, day, measure, bucket) INCLUDE (total)
);
SELECT pulse_enable_tenant_rls('pull_request_stage_days');
