/**
 * Creates a tenant holding at least one row in every tenant table (through the audited operator
 * path). The isolation tests attack these rows from another tenant. A new tenant table needs a row
 * here; the isolation test names any table left empty.
 */
import { randomBytes } from 'node:crypto';
import { asOperator, createTenant, insertRows, type Db, type Tx } from '@pulse/db';

export interface SeededTenant {
  readonly id: string;
  readonly slug: string;
  readonly userId: string;
}

export async function seedTenant(db: Db, slug: string): Promise<SeededTenant> {
  const tenant = await createTenant(db, { slug, name: `Tenant ${slug}` }, 'test');
  const userId = await asOperator(db, { actor: 'test', action: 'fixture.seed', target: slug }, async (tx) => {
    const id = await seedRows(tx, tenant.id, slug);
    return { tenantId: tenant.id, result: id };
  });
  return { id: tenant.id, slug, userId };
}

async function seedRows(tx: Tx, t: string, slug: string): Promise<string> {
  const one = async (sql: string, params: unknown[]): Promise<number> => {
    const result = await tx.query<{ id: number }>(sql, params);
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error(`fixture insert returned no id: ${sql}`);
    return id;
  };
  const sha = (n: number) => (randomBytes(19).toString('hex') + n.toString(16).padStart(2, '0')).slice(0, 40);
  const at = new Date('2026-03-02T10:00:00Z');

  const user = await tx.query<{ id: string }>('insert into users (email) values ($1) returning id', [
    `lead@${slug}.example`,
  ]);
  const userId = user.rows[0]!.id;
  await tx.query("insert into memberships (tenant_id, user_id, role) values ($1, $2, 'admin')", [t, userId]);
  await tx.query(
    "insert into refresh_tokens (tenant_id, user_id, family_id, token_hash, expires_at) values ($1, $2, gen_random_uuid(), $3, now() + interval '1 day')",
    [t, userId, randomBytes(16).toString('hex')],
  );
  await tx.query("insert into stream_events (tenant_id, topic, data) values ($1, 'data', '{}')", [t]);
  await tx.query(
    "insert into invitations (tenant_id, email, role, code_hash, invited_by, expires_at) values ($1, $2, 'viewer', $3, 'fixture', now() + interval '7 days')",
    [t, `invitee@${slug}.example`, randomBytes(32).toString('hex')],
  );
  await tx.query(
    "insert into api_keys (tenant_id, name, prefix, key_hash, scopes) values ($1, 'ci', $2, 'hash', '{read}')",
    [t, `pk_${slug}_${randomBytes(4).toString('hex')}`],
  );

  const person = await one("insert into people (tenant_id, display_name) values ($1, 'Ada') returning id", [
    t,
  ]);
  const identity = await one(
    "insert into identities (tenant_id, person_id, source, external_id, login, email) values ($1, $2, 'github', 'u1', 'ada', 'ada@example.com') returning id",
    [t, person],
  );
  const team = await one(
    "insert into teams (tenant_id, external_id, name) values ($1, 'core', 'Core') returning id",
    [t],
  );
  await tx.query(
    'insert into team_members (tenant_id, team_id, person_id, valid_from) values ($1, $2, $3, $4)',
    [t, team, person, at],
  );

  const integration = await one(
    "insert into integrations (tenant_id, kind, name, config) values ($1, 'github', 'gh', '{\"org\":\"acme\"}') returning id",
    [t],
  );
  await tx.query('insert into sync_runs (tenant_id, integration_id) values ($1, $2)', [t, integration]);
  await tx.query(
    'insert into sync_checkpoints (tenant_id, integration_id, stream, partition, cursor) values ($1, $2, $3, $4, $5)',
    [t, integration, 'pull_requests', 'acme/api', { updatedAt: at }],
  );
  await tx.query(
    "insert into raw_records (tenant_id, integration_id, stream, external_id, payload) values ($1, $2, 'pull_requests', 'PR_1', '{}')",
    [t, integration],
  );

  const repo = await one(
    "insert into repositories (tenant_id, integration_id, source, external_id, name, full_name) values ($1, $2, 'github', 'R_1', 'api', 'acme/api') returning id",
    [t, integration],
  );
  await tx.query('insert into team_repositories (tenant_id, team_id, repository_id) values ($1, $2, $3)', [
    t,
    team,
    repo,
  ]);
  const [first, second] = [sha(1), sha(2)];
  await insertRows(
    tx,
    'commits',
    [
      'tenant_id',
      'repository_id',
      'sha',
      'author_identity_id',
      'authored_at',
      'committed_at',
      'message',
      'parent_count',
    ],
    [
      [t, repo, first, identity, at, at, 'first', 0],
      [t, repo, second, identity, at, at, 'second\nwith body', 1],
    ],
  );
  await tx.query(
    'insert into commit_parents (tenant_id, repository_id, sha, parent_sha, position) values ($1, $2, $3, $4, 0)',
    [t, repo, second, first],
  );

  const pr = await one(
    `insert into pull_requests (tenant_id, repository_id, source, external_id, number, title, state, author_identity_id,
       merge_commit_sha, labels, created_at, merged_at, updated_at)
     values ($1, $2, 'github', 'PR_1', 1, 'Add API', 'merged', $3, $4, '{feature}', $5, $5, $5) returning id`,
    [t, repo, identity, second, at],
  );
  const review = await one(
    "insert into pull_request_reviews (tenant_id, pull_request_id, source, external_id, state, submitted_at) values ($1, $2, 'github', 'RV_1', 'approved', $3) returning id",
    [t, pr, at],
  );
  await tx.query(
    "insert into pull_request_comments (tenant_id, pull_request_id, review_id, source, external_id, body, created_at) values ($1, $2, $3, 'github', 'C_1', 'nice', $4)",
    [t, pr, review, at],
  );
  await tx.query('insert into pull_request_commits (tenant_id, pull_request_id, sha) values ($1, $2, $3)', [
    t,
    pr,
    second,
  ]);
  await tx.query(
    "insert into pull_request_issue_keys (tenant_id, pull_request_id, key, found_in) values ($1, $2, 'API-1', 'title')",
    [t, pr],
  );

  const item = await one(
    `insert into work_items (tenant_id, source, external_id, key, title, status, status_category, created_at, updated_at)
     values ($1, 'jira', '10001', 'API-1', 'Build API', 'Done', 'done', $2, $2) returning id`,
    [t, at],
  );
  await tx.query(
    "insert into work_item_transitions (tenant_id, work_item_id, source, external_id, to_status, to_category, at) values ($1, $2, 'jira', 'H_1', 'Done', 'done', $3)",
    [t, item, at],
  );
  await tx.query(
    "insert into work_item_pull_requests (tenant_id, work_item_id, pull_request_id, found_in) values ($1, $2, $3, 'title')",
    [t, item, pr],
  );
  const sprint = await one(
    "insert into sprints (tenant_id, source, external_id, name, state) values ($1, 'jira', 'S_1', 'Sprint 1', 'closed') returning id",
    [t],
  );
  await tx.query('insert into sprint_work_items (tenant_id, sprint_id, work_item_id) values ($1, $2, $3)', [
    t,
    sprint,
    item,
  ]);

  const deployment = await one(
    `insert into deployments (tenant_id, repository_id, source, external_id, environment, is_production, commit_sha, status, finished_at)
     values ($1, $2, 'github', 'D_1', 'production', true, $3, 'success', $4) returning id`,
    [t, repo, second, at],
  );
  await tx.query(
    'insert into deployment_commits (tenant_id, deployment_id, repository_id, sha) values ($1, $2, $3, $4)',
    [t, deployment, repo, second],
  );
  await tx.query(
    "insert into incidents (tenant_id, source, external_id, title, repository_id, deployment_id, started_at) values ($1, 'github', 'I_1', 'Outage', $2, $3, $4)",
    [t, repo, deployment, at],
  );
  const run = await one(
    "insert into sync_runs (tenant_id, integration_id, state) values ($1, $2, 'succeeded') returning id",
    [t, integration],
  );
  await tx.query(
    "insert into sync_partitions (tenant_id, sync_run_id, stream, partition) values ($1, $2, 'pull_requests', 'acme/api')",
    [t, run],
  );
  await tx.query(
    "insert into git_refs (tenant_id, repository_id, kind, name, sha) values ($1, $2, 'tag', 'v1.0.0', $3)",
    [t, repo, second],
  );
  await tx.query(
    `insert into pipeline_runs (tenant_id, repository_id, source, external_id, name, head_sha, status, created_at, updated_at)
     values ($1, $2, 'github', 'WR_1', 'deploy', $3, 'completed', $4, $4)`,
    [t, repo, second, at],
  );
  await tx.query(
    "insert into commit_checks (tenant_id, repository_id, source, external_id, sha, name, state) values ($1, $2, 'github', 'CK_1', $3, 'ci', 'success')",
    [t, repo, second],
  );
  await tx.query(
    `insert into deployment_facts (tenant_id, deployment_id, repository_id, environment, is_production, finished_at, change_count, commit_known)
     values ($1, $2, $3, 'production', true, $4, 1, true)`,
    [t, deployment, repo, at],
  );
  await tx.query(
    `insert into change_facts (tenant_id, deployment_id, repository_id, change_kind, change_ref, first_commit_at, deployed_at, lead_time_seconds)
     values ($1, $2, $3, 'pull_request', $4, $5, $5, 0)`,
    [t, deployment, repo, String(pr), at],
  );
  await tx.query(
    `insert into pull_request_facts (tenant_id, pull_request_id, repository_id, is_bot, first_commit_at, ready_at, coding_seconds)
     values ($1, $2, $3, false, $4, $4, 0)`,
    [t, pr, repo, at],
  );
  await tx.query(
    'insert into change_lead_time_days (tenant_id, day, lead_bucket, total) values ($1, $2, 0, 1)',
    [t, '2026-03-02'],
  );
  await tx.query(
    "insert into pull_request_stage_days (tenant_id, day, measure, bucket, total) values ($1, $2, 'merged', 0, 1)",
    [t, '2026-03-02'],
  );
  return userId;
}
