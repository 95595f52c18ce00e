-- Per-entity facts the metrics read (packages/metrics computes them; docs/metrics.md defines them).
-- They are derived data: `pulse metrics refresh` can always rebuild them from the domain tables.

-- One row per successful deployment whose change set has been computed.
CREATE TABLE deployment_facts (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  deployment_id bigint NOT NULL,
  repository_id bigint NOT NULL,
  environment text NOT NULL,
  is_production boolean NOT NULL,
  finished_at timestamptz NOT NULL,
  -- The previous successful deployment of the same repository and environment, if any.
  previous_deployment_id bigint,
  -- Commits shipped (deployment_commits rows) and whether the deployed commit was in the graph.
  change_count integer NOT NULL DEFAULT 0,
  commit_known boolean NOT NULL,
  -- Failure: why the deployment counts as failed (empty array = it did not fail).
  failure_reasons jsonb NOT NULL DEFAULT '[]',
  is_failed boolean GENERATED ALWAYS AS (jsonb_array_length(failure_reasons) > 0) STORED,
  recovered_at timestamptz,
  -- Rework: the deployment is an unplanned fix (rollback, revert, hotfix, defect fix).
  rework_reasons jsonb NOT NULL DEFAULT '[]',
  is_rework boolean GENERATED ALWAYS AS (jsonb_array_length(rework_reasons) > 0) STORED,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, deployment_id),
  FOREIGN KEY (tenant_id, deployment_id) REFERENCES deployments (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, repository_id) REFERENCES repositories (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX deployment_facts_time_idx ON deployment_facts (tenant_id, is_production, finished_at);
CREATE INDEX deployment_facts_series_idx ON deployment_facts (tenant_id, repository_id, environment, finished_at);
SELECT pulse_enable_tenant_rls('deployment_facts');

-- One row per change that reached production: a merged pull request, or a commit shipped without
-- one (a direct push). Its lead time runs from its first commit to the first successful
-- production deployment that shipped it.
CREATE TABLE change_facts (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  deployment_id bigint NOT NULL,
  repository_id bigint NOT NULL,
  change_kind text NOT NULL CHECK (change_kind IN ('pull_request', 'commit')),
  -- The pull request id (as text) or the commit sha.
  change_ref text NOT NULL,
  author_identity_id bigint,
  first_commit_at timestamptz NOT NULL,
  deployed_at timestamptz NOT NULL,
  lead_time_seconds double precision NOT NULL,
  PRIMARY KEY (tenant_id, repository_id, change_kind, change_ref),
  FOREIGN KEY (tenant_id, deployment_id) REFERENCES deployments (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX change_facts_time_idx ON change_facts (tenant_id, deployed_at);
CREATE INDEX change_facts_deployment_idx ON change_facts (tenant_id, deployment_id);
SELECT pulse_enable_tenant_rls('change_facts');

-- One row per pull request: the times of its stages and their durations.
CREATE TABLE pull_request_facts (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  pull_request_id bigint NOT NULL,
  repository_id bigint NOT NULL,
  author_identity_id bigint,
  is_bot boolean NOT NULL,
  size integer,
  first_commit_at timestamptz NOT NULL,
  ready_at timestamptz NOT NULL,
  first_review_at timestamptz,
  merged_at timestamptz,
  deployed_at timestamptz,
  deployment_id bigint,
  coding_seconds double precision NOT NULL,
  pickup_seconds double precision,
  review_seconds double precision,
  deploy_seconds double precision,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, pull_request_id),
  FOREIGN KEY (tenant_id, pull_request_id) REFERENCES pull_requests (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX pull_request_facts_merged_idx ON pull_request_facts (tenant_id, merged_at) WHERE merged_at IS NOT NULL;
SELECT pulse_enable_tenant_rls('pull_request_facts');

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO pulse_app, pulse_operator;
