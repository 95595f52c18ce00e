-- Metric facts for fast dashboards and incremental refreshes (docs/metrics.md "How it is computed",
-- docs/benchmarks.md "Metrics benchmark"). Derived data only: `pulse metrics refresh --full`
-- rebuilds all of it from the domain tables.

-- Lead-time bucket: the top 17 bits of the IEEE-754 double (sign, exponent, 5 mantissa bits), i.e.
-- 32 buckets per doubling (each ~2.2 % wide). For non-negative doubles the bit pattern orders like
-- the value, so every value of bucket b is below every value of bucket b + 1, whatever the platform's
-- log() does; exact percentiles rely on that (packages/metrics/src/dora/lead-time-sql.ts).
ALTER TABLE change_facts ADD COLUMN lead_bucket integer GENERATED ALWAYS AS (
  (get_byte(float8send(lead_time_seconds), 0) << 9) | (get_byte(float8send(lead_time_seconds), 1) << 1)
  | (get_byte(float8send(lead_time_seconds), 2) >> 7)
) STORED;
-- Covering indexes: the DORA queries read these without touching the table.
DROP INDEX change_facts_time_idx;
CREATE INDEX change_facts_time_idx ON change_facts (tenant_id, deployed_at) INCLUDE (lead_bucket, lead_time_seconds);
-- A percentile's value is read from one bucket: by time for short ranges (a week's changes of
-- the bucket, sorted), in value order for long ones (no sort; the scan stops at the rank).
CREATE INDEX change_facts_bucket_idx ON change_facts (tenant_id, lead_bucket, deployed_at) INCLUDE (lead_time_seconds);
CREATE INDEX change_facts_bucket_value_idx ON change_facts (tenant_id, lead_bucket, lead_time_seconds) INCLUDE (deployed_at);
CREATE INDEX change_facts_repository_idx ON change_facts (tenant_id, repository_id, deployed_at) INCLUDE (lead_time_seconds);
CREATE INDEX change_facts_author_idx ON change_facts (tenant_id, author_identity_id, deployed_at)
  INCLUDE (lead_time_seconds, first_commit_at, repository_id);

-- Cumulative lead-time histogram: for each UTC day and bucket, how many changes of that bucket
-- reached production up to the end of the day. Dense: every day from the tenant's first change to
-- its last, every bucket seen so far. The changes of a bucket in [a, b) are total(b) - total(a), so a
-- one-year median reads two days' rows (~400 each) instead of sorting ~1.5 M changes, and a weekly
-- series 53 days' rows. Kept in step with change_facts by every refresh (recounted from the earliest
-- day whose changes changed).
CREATE TABLE change_lead_time_days (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  day date NOT NULL,
  lead_bucket integer NOT NULL,
  total bigint NOT NULL CHECK (total > 0),
  PRIMARY KEY (tenant_id, day, lead_bucket) INCLUDE (total)
);
SELECT pulse_enable_tenant_rls('change_lead_time_days');

-- Per-deployment flags the failure rules read, computed with the change set (a set-wise pass over
-- all shipped commits each refresh was most of the refresh time).
ALTER TABLE deployment_facts ADD COLUMN ships_revert boolean NOT NULL DEFAULT false;
ALTER TABLE deployment_facts ADD COLUMN ships_hotfix boolean NOT NULL DEFAULT false;
CREATE INDEX deployment_facts_summary_idx ON deployment_facts (tenant_id, finished_at)
  INCLUDE (is_production, environment, repository_id, is_failed, is_rework, recovered_at);
-- Incidents are linked to the latest production deployment of their repository before them.
CREATE INDEX deployment_facts_production_idx ON deployment_facts (tenant_id, repository_id, finished_at)
  WHERE is_production;

-- The PR's updated_at the facts were computed from: a PR whose updated_at moved is recomputed.
ALTER TABLE pull_request_facts ADD COLUMN source_updated_at timestamptz;
CREATE INDEX pull_request_facts_deployment_idx ON pull_request_facts (tenant_id, deployment_id);

-- Incidents linked by an explicit deployment reference.
CREATE INDEX incidents_deployment_idx ON incidents (tenant_id, deployment_id) WHERE deployment_id IS NOT NULL;
