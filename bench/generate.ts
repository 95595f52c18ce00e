/**
 * Generates the benchmark organisation inside PostgreSQL with set-based SQL, under the tenant's
 * row-level security (every statement runs in `withTenant`).
 *
 * Shape, per repository r (50 of them) and "unit" u (one pull request each, spread over 720 days):
 * - the unit's pull request has k = 1–3 branch commits (also its pull_request_commits); the main line
 *   gets 4 - k commits: direct pushes, then the pull request's merge commit (two parents) or squash
 *   commit (one parent). Every unit therefore adds exactly 5 commits, so commits = 5 × pull requests.
 *   Branches fork from the last main-line commit of the previous unit.
 * - every 20th pull request is not merged (closed or open); its main-line slot is a direct push and
 *   its branch commits stay off the main line. About 2 % are authored by a bot, 0.2 % are hotfixes,
 *   10 % are merged without review, 10 % started as drafts.
 * - one production deployment every 10 units (of the unit's last main-line commit): 2 % are rollbacks
 *   (redeploying the commit of the deployment before the previous one), 2 % failed (status failure);
 *   about one unit in 1,000 starts with a revert commit.
 * - one incident per 5 deployments: most linked by repository, 10 % naming the deployment, 5 % with
 *   no link at all, 5 % still open.
 * Counts at scale 1: 1,000,000 pull requests, 5,000,000 commits, 100,000 deployments, 20,000
 * incidents. Values come from hashint8() of (repository, unit, salt), so a scale always produces the
 * same data relative to its end date.
 */
import { withTenant, type Db, type Tx } from '@pulse/db';

export const repositoryCount = 50;
export const peopleCount = 200; // identity 200 is a bot
const unitsPerDeployment = 10;
const deploymentsPerIncident = 5;
const chunkUnits = 5000;

export interface Shape {
  readonly scale: number;
  readonly pullRequests: number;
  readonly commits: number;
  readonly deployments: number;
  readonly incidents: number;
  /** Units (pull requests) per repository. */
  readonly units: readonly number[];
}

export function shapeFor(scale: number): Shape {
  const pullRequests = Math.round(1_000_000 * scale);
  const units = Array.from(
    { length: repositoryCount },
    (_, i) => Math.floor(pullRequests / repositoryCount) + (i < pullRequests % repositoryCount ? 1 : 0),
  );
  const deployments = units.map((n) => Math.floor(n / unitsPerDeployment));
  return {
    scale,
    pullRequests,
    commits: 5 * pullRequests,
    deployments: deployments.reduce((a, b) => a + b, 0),
    incidents: deployments.reduce((a, d) => a + Math.floor(d / deploymentsPerIncident), 0),
    units,
  };
}

// Statement parameters: $1 tenant, $2 repository id (= its number r), $3 start of the history,
// $4 seconds per unit, then $5 first unit and $6 last unit, or $5 the number of deployments (incidents).
const seed = (salt: number | string, of: string) => `(($2::bigint << 32) + (${of})::bigint * 64 + ${salt})`;
/** A deterministic pseudo-random integer in [0, n). */
const rnd = (salt: number | string, n: number, of = 'u') =>
  `mod(hashint8(${seed(salt, of)})::bigint + 2147483648, ${n})`;
const seconds = (expr: string) => `(interval '1 second' * (${expr}))`;
const step = seconds('$4::int / 5');
const sha = (text: string) => `(md5(${text}) || substr(md5(${text} || '+'), 1, 8))`;
/** Branch commits of unit u (1..k). */
const kOf = (u: string) => `(1 + ${rnd(1, 3, u)})`;
const lastOf = (u: string) => `(4 - ${kOf(u)})`;
// Repositories are offset by a fifth of a unit each, so their deployments fall on different times.
const tbOf = (u: string) => `($3::timestamptz + ${seconds(`((${u}) - 1)::bigint * $4 + ($2 - 1) * $4 / 5`)})`;
const mainSha = (u: string, i: string) => sha(`'m:' || $2 || ':' || (${u}) || ':' || (${i})`);
const branchSha = (u: string, b: string) => sha(`'b:' || $2 || ':' || (${u}) || ':' || (${b})`);
/** When deployment q (of unit 10q's last main-line commit) finished, unless it is a rollback. */
const finOf = (q: string) => {
  const u = `${unitsPerDeployment} * (${q})`;
  return `(${tbOf(u)} + ${lastOf(u)} * ${step} + ${seconds(`1200 + ${rnd(40, 3600, q)}`)})`;
};
const prId = (u: string) => `($2::bigint * 10000000 + (${u}))`;
const deploymentId = (q: string) => `($2::bigint * 1000000 + (${q}))`;

const units = `
with base as (
  select u, ${kOf('u')} as k, ${tbOf('u')} as tb,
         u % 20 <> 0 as merged, ${rnd(13, 2)} = 0 as squash, ${rnd(4, 50)} = 0 as bot,
         ${rnd(3, 500)} = 0 as hotfix, ${rnd(10, 10)} = 0 as draft, u % 10 <> 3 as reviewed,
         600 + ${rnd(7, 21600)} as review_s, 300 + ${rnd(8, 86400)} as pickup_s, 3600 + ${rnd(9, 172800)} as coding_s,
         ${rnd(5, 199)} as au, ${rnd(6, 198)} as rv
    from generate_series($5::int, $6::int) u
),
units as (
  select b.*, b.tb + (4 - b.k) * ${step} as mt,
         case when b.bot then ${peopleCount} else 1 + b.au end as author,
         case when b.bot then 1 + b.rv else 1 + mod(b.au + 1 + b.rv, ${peopleCount - 1}) end as reviewer,
         b.tb + (4 - b.k) * ${step} - ${seconds('b.review_s')} as review_at,
         b.tb + (4 - b.k) * ${step} - ${seconds('b.review_s + b.pickup_s')} as created,
         b.tb + (4 - b.k) * ${step} - ${seconds('b.review_s + b.pickup_s + b.coding_s')} as first_commit
    from base b
)`;

const insertCommits = `${units}
insert into commits (tenant_id, repository_id, sha, author_identity_id, committer_identity_id, authored_at,
                     committed_at, message, additions, deletions, files_changed, parent_count)
select $1, $2, sha, author, author, authored, committed, message, adds, dels, files, parents from (
  select ${mainSha('u', 'i')} as sha,
         case when m.is_merge then n.author else 1 + ${rnd('32 + i', peopleCount - 1)} end as author,
         case when m.is_merge then m.t else m.t - ${seconds(rnd('36 + i', 86400))} end as authored,
         m.t as committed,
         case when m.is_merge and n.squash then 'Change ' || u || ' (#' || u || ')'
              when m.is_merge then 'Merge pull request #' || u || ' from bench/feature-' || u
              when i = 0 and ${rnd(12, 1000)} = 0 then 'Revert "Change ' || (u - 1) || '"'
              else 'Direct change ' || u || '.' || i end as message,
         1 + ${rnd('48 + i', 300)} as adds, ${rnd('52 + i', 100)} as dels, 1 + ${rnd('56 + i', 10)} as files,
         (case when u = 1 and i = 0 then 0 else 1 end)
           + (case when m.is_merge and not n.squash then 1 else 0 end) as parents
    from units n
   cross join lateral generate_series(0, 4 - n.k) i
   cross join lateral (select n.tb + i * ${step} as t, n.merged and i = 4 - n.k as is_merge) m
  union all
  select ${branchSha('u', 'b')}, n.author, n.first_commit + ${seconds('(b - 1) * 600')},
         n.first_commit + ${seconds('(b - 1) * 600 + 60')}, 'Work on change ' || u || ' part ' || b,
         1 + ${rnd('44 + b', 200)}, ${rnd('60 + b', 80)}, 1 + ${rnd(14, 8)},
         case when u = 1 and b = 1 then 0 else 1 end
    from units n cross join lateral generate_series(1, n.k) b
) x`;

const insertParents = `${units}
insert into commit_parents (tenant_id, repository_id, sha, parent_sha, position)
select $1, $2, sha, parent, position from (
  select ${mainSha('u', 'i')} as sha,
         case when i > 0 then ${mainSha('u', 'i - 1')} else ${mainSha('u - 1', lastOf('u - 1'))} end as parent,
         0 as position
    from units cross join lateral generate_series(0, 4 - k) i
   where not (u = 1 and i = 0)
  union all
  select ${mainSha('u', '4 - k')}, ${branchSha('u', 'k')}, 1 from units where merged and not squash
  union all
  select ${branchSha('u', 'b')},
         case when b > 1 then ${branchSha('u', 'b - 1')} else ${mainSha('u - 1', lastOf('u - 1'))} end, 0
    from units cross join lateral generate_series(1, k) b
   where not (u = 1 and b = 1)
) x`;

const insertPullRequests = `${units}
insert into pull_requests (id, tenant_id, repository_id, source, external_id, number, title, state, is_draft,
                           author_identity_id, merged_by_identity_id, head_branch, base_branch, head_sha,
                           merge_commit_sha, additions, deletions, changed_files, labels, created_at,
                           ready_for_review_at, merged_at, closed_at, updated_at)
select ${prId('u')}, $1, $2, 'bench', $2 || '#' || u, u, 'Change ' || u,
       case when merged then 'merged' when u % 40 = 0 then 'open' else 'closed' end,
       draft and u % 40 = 0, author, case when merged then reviewer end,
       case when hotfix then 'hotfix/' else 'feature/' end || $2 || '-' || u, 'main', ${branchSha('u', 'k')},
       case when merged then ${mainSha('u', '4 - k')} end,
       5 + ${rnd(15, 400)}, ${rnd(16, 200)}, 1 + ${rnd(17, 20)},
       case when hotfix then array['hotfix'] else array[]::text[] end,
       created, case when draft then created + interval '30 minutes' end, case when merged then mt end,
       case when merged or u % 40 <> 0 then mt end, mt
  from units`;

const insertPullRequestCommits = `${units}
insert into pull_request_commits (tenant_id, pull_request_id, sha, authored_at, committed_at)
select $1, ${prId('u')}, ${branchSha('u', 'b')}, first_commit + ${seconds('(b - 1) * 600')},
       first_commit + ${seconds('(b - 1) * 600 + 60')}
  from units cross join lateral generate_series(1, k) b`;

const insertReviews = `${units}
insert into pull_request_reviews (tenant_id, pull_request_id, source, external_id, reviewer_identity_id, state,
                                  submitted_at)
select $1, ${prId('u')}, 'bench', $2 || '#' || u || '/' || r.n, reviewer, r.state, r.at
  from units
 cross join lateral (values (1, case when ${rnd(18, 3)} = 0 then 'commented' else 'approved' end, review_at),
                            (2, 'approved', review_at + ${seconds('review_s / 2')})) r(n, state, at)
 where merged and reviewed and (r.n = 1 or ${rnd(11, 5)} < 2)`;

const insertDeployments = `
insert into deployments (id, tenant_id, repository_id, source, external_id, environment, is_production,
                         commit_sha, ref, status, started_at, finished_at)
select ${deploymentId('q')}, $1, $2, 'bench', $2 || '/' || q, 'production', true,
       case when rollback then ${mainSha(`${unitsPerDeployment} * (q - 2)`, lastOf(`${unitsPerDeployment} * (q - 2)`))}
            else ${mainSha(`${unitsPerDeployment} * q`, lastOf(`${unitsPerDeployment} * q`))} end,
       'main', case when q % 40 = 13 and q % 50 <> 23 then 'failure' else 'success' end,
       fin - interval '10 minutes', fin
  from generate_series(1, $5::int) q
 cross join lateral (select q % 50 = 25 as rollback) r
 cross join lateral (select case when r.rollback then ${finOf('q - 1')} + interval '45 minutes'
                                 else ${finOf('q')} end as fin) f
`;

const insertIncidents = `
insert into incidents (tenant_id, source, external_id, title, severity, status, repository_id, deployment_id,
                       started_at, resolved_at, updated_at)
select $1, 'bench', $2 || '/' || j, 'Incident ' || j, 'sev' || (1 + ${rnd(41, 3, 'j')}),
       case when j % 20 = 7 then 'open' else 'resolved' end,
       case when j % 20 = 5 then null else $2 end,
       case when j % 10 = 0 then ${deploymentId(`${deploymentsPerIncident} * j - 2`)} end,
       st, case when j % 20 <> 7 then st + ${seconds(`1800 + ${rnd(43, 172800, 'j')}`)} end, st
  from generate_series(1, $5::int) j
 cross join lateral (select ${finOf(`${deploymentsPerIncident} * j - 2`)}
                            + ${seconds(`1800 + ${rnd(42, 14400, 'j')}`)} as st) s
`;

// After the history, per repository: one new commit (at $3 - 1 hour) on top of the main line (whose
// last unit is $3 in the parent statement) and its deployment (number $4), finishing at $3.
const insertNextCommit = `
insert into commits (tenant_id, repository_id, sha, authored_at, committed_at, message, parent_count)
values ($1, $2::int, ${sha(`'n:' || $2::int`)}, $3::timestamptz - interval '1 hour', $3::timestamptz - interval '1 hour',
        'Change after the measured period', 1)`;
const insertNextParent = `
insert into commit_parents (tenant_id, repository_id, sha, parent_sha, position)
values ($1, $2::int, ${sha(`'n:' || $2::int`)}, ${mainSha('$3::int', lastOf('$3::int'))}, 0)`;
const insertNextDeployment = `
insert into deployments (id, tenant_id, repository_id, source, external_id, environment, is_production,
                         commit_sha, ref, status, started_at, finished_at)
values (${deploymentId('$4::int')}, $1, $2::int, 'bench', $2::int || '/' || $4::int, 'production', true, ${sha(`'n:' || $2::int`)},
        'main', 'success', $3::timestamptz - interval '10 minutes', $3)`;

const unitStatements = [
  insertCommits,
  insertParents,
  insertPullRequests,
  insertPullRequestCommits,
  insertReviews,
];

async function seedOrganisation(tx: Tx, tenantId: string): Promise<void> {
  await tx.query(
    `insert into repositories (id, tenant_id, source, external_id, kind, name, full_name, default_branch)
     select r, $1, 'bench', 'repo-' || r, case when r % 5 = 0 then 'service' else 'repository' end,
            'service-' || r, 'bench/service-' || r, 'main'
       from generate_series(1, $2::int) r`,
    [tenantId, repositoryCount],
  );
  await tx.query(
    `insert into people (id, tenant_id, source, external_id, display_name, is_bot)
     select n, $1, 'bench', 'person-' || n, case when n = $2 then 'dependabot[bot]' else 'Developer ' || n end, n = $2
       from generate_series(1, $2::int) n`,
    [tenantId, peopleCount],
  );
  await tx.query(
    `insert into identities (id, tenant_id, person_id, source, external_id, login, email, name, is_bot)
     select n, $1, n, 'github', 'user-' || n, case when n = $2 then 'dependabot[bot]' else 'dev' || n end,
            'dev' || n || '@bench.example', 'Developer ' || n, n = $2
       from generate_series(1, $2::int) n`,
    [tenantId, peopleCount],
  );
}

export interface GenerateOptions {
  /** Exclusive end of the generated history (the history covers the 730 days before it). */
  readonly end: Date;
  /** Repositories generated at the same time (one connection each). */
  readonly concurrency: number;
  readonly onRepository?: (done: number, total: number) => void;
}

export async function generate(
  db: Db,
  tenantId: string,
  shape: Shape,
  options: GenerateOptions,
): Promise<void> {
  const start = new Date(options.end.getTime() - 730 * 86_400_000);
  const slotOf = (r: number) =>
    Math.floor((720 * 86_400) / ((shape.units[r - 1] ?? 0) + repositoryCount / 5));
  const addUnits = (r: number, lo: number, hi: number) =>
    withTenant(db, tenantId, async (tx) => {
      await tx.query('set local jit = off');
      for (const sql of unitStatements) await tx.query(sql, [tenantId, r, start, slotOf(r), lo, hi]);
    });
  let done = 0;
  const repository = async (r: number, from: number) => {
    const unitCount = shape.units[r - 1] ?? 0;
    for (let lo = from; lo <= unitCount; lo += chunkUnits)
      await addUnits(r, lo, Math.min(unitCount, lo + chunkUnits - 1));
    const deployments = Math.floor(unitCount / unitsPerDeployment);
    await withTenant(db, tenantId, async (tx) => {
      await tx.query(insertDeployments, [tenantId, r, start, slotOf(r), deployments]);
      const incidents = Math.floor(deployments / deploymentsPerIncident);
      await tx.query(insertIncidents, [tenantId, r, start, slotOf(r), incidents]);
    });
    options.onRepository?.(++done, shape.units.length);
  };

  await withTenant(db, tenantId, (tx) => seedOrganisation(tx, tenantId));
  // A small first batch, then statistics: a connection plans its foreign key checks once, and a
  // plan made while the tables were empty scans them sequentially for every row inserted after.
  const warmUp = Math.min(shape.units[0] ?? 0, 100);
  await addUnits(1, 1, warmUp);
  await db.exec('analyze');
  const queue = shape.units.map((_, i) => ({ r: i + 1, from: i === 0 ? warmUp + 1 : 1 }));
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) await repository(job.r, job.from);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

/** Adds one commit and its production deployment, finishing at `at`, to every repository. */
export async function addDeployments(db: Db, tenantId: string, shape: Shape, at: Date): Promise<number> {
  return withTenant(db, tenantId, async (tx) => {
    for (const [i, unitCount] of shape.units.entries()) {
      const next = Math.floor(unitCount / unitsPerDeployment) + 1;
      await tx.query(insertNextCommit, [tenantId, i + 1, at]);
      await tx.query(insertNextParent, [tenantId, i + 1, unitCount]);
      await tx.query(insertNextDeployment, [tenantId, i + 1, at, next]);
    }
    return shape.units.length;
  });
}
