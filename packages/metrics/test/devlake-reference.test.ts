/**
 * Apache DevLake's DORA end-to-end fixtures (vendored in fixtures/devlake-dora-e2e with
 * their provenance and licence, Apache-2.0),
 * loaded into Pulse. Where Pulse's definition deliberately differs, the test says how and asserts
 * Pulse's value.
 *
 * Mapping: a DevLake deployment series is keyed by (CI/CD scope, repository URL, environment); a
 * Pulse series by (repository, environment). Each (scope, repository URL) pair becomes one Pulse
 * repository. DevLake environments are upper-case (PRODUCTION); Pulse's are lower-case.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { withTenant } from '@pulse/db';
import { refreshFacts } from '@pulse/metrics';
import { describeEachDb } from '../../../test/support/databases.ts';
import { Scenario, sha } from './support/scenario.ts';

const reference = new URL('./fixtures/devlake-dora-e2e/', import.meta.url);

/** One repository per (scope, repository URL); one commit and one deployment per row. */
const repoOf = (r: Record<string, string>) => `${r.cicd_scope_id}@${r.repo_url}`;
function addDeployments(s: Scenario, rows: Record<string, string>[]): void {
  for (const r of rows) {
    s.commit(repoOf(r), `${repoOf(r)}#${r.commit_sha}`, '2022-09-01T00:00');
    const status = r.result === 'SUCCESS' ? 'success' : 'failure';
    s.deploy(
      repoOf(r),
      `dl-${r.id}`,
      r.environment!.toLowerCase(),
      `${repoOf(r)}#${r.commit_sha}`,
      r.finished_date!,
      status,
    );
  }
}

function csv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(path, reference), 'utf8').trim().split(/\r?\n/);
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i]!, value])));
}

describeEachDb('DevLake reference cases', (handle) => {
  it('refdiff deployment_commit_diff: the commits each deployment shipped', async () => {
    // DevLake expects, for project1's repository, sha1 → {sha1, sha6} (first deployment ships its
    // history), sha2 → {sha2}, sha4 → {sha4, sha7}. Pulse computes the same. DevLake's fixture lists
    // no rows for project2's repository (its test runs for project1 only); Pulse, computing per
    // tenant, also ships sha10, sha11 and sha12 there, one each.
    const deployments = csv('refdiff_deployment_commit_diff/cicd_deployment_commits.csv');
    const repoCommits = csv('refdiff_deployment_commit_diff/repo_commits.csv');
    const parents = csv('refdiff_deployment_commit_diff/commit_parents.csv');
    const s = new Scenario('devlake-refdiff');
    const scopes = [...new Set(deployments.map((d) => d.cicd_scope_id!))];
    for (const scope of scopes) {
      s.repo(scope);
      const commits = repoCommits.filter((c) => c.repo_id === scope).map((c) => c.commit_sha!);
      // Parents first, so every commit row exists before the walk (times only need to precede the deployments).
      for (const name of [...commits].sort(
        (a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')),
      )) {
        const own = parents.filter((p) => p.commit_sha === name && commits.includes(p.parent_commit_sha!));
        s.commit(
          scope,
          name,
          '2023-04-01T00:00',
          own.map((p) => p.parent_commit_sha!),
        );
      }
    }
    for (const d of deployments) {
      s.deploy(d.cicd_scope_id!, `dl-${d.id}`, d.environment!.toLowerCase(), d.commit_sha!, d.started_date!);
    }
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const shipped = await withTenant(handle.db, ids.tenantId, (tx) =>
      tx.query<{ key: string; sha: string }>(
        'select d.external_id as key, dc.sha from deployment_commits dc join deployments d on d.id = dc.deployment_id',
      ),
    );
    const byDeployment = (key: string) =>
      shipped.rows
        .filter((r) => r.key === key)
        .map((r) => r.sha)
        .sort();
    const expected = csv('refdiff_deployment_commit_diff/commits_diffs.csv');
    for (const d of deployments.filter((d) => d.cicd_scope_id === 'github:GithubRepo:1:484251804')) {
      const want = expected.filter((e) => e.new_commit_sha === d.commit_sha).map((e) => sha(e.commit_sha!));
      expect(byDeployment(`dl-${d.id}`), `deployment ${d.id}`).toEqual(want.sort());
    }
    expect(['dl-4', 'dl-5', 'dl-6'].map(byDeployment)).toEqual([
      [sha('commit_sha10')],
      [sha('commit_sha11')],
      [sha('commit_sha12')],
    ]);
  });

  it('prev_success_deployment_commit: the previous successful deployment of each series', async () => {
    // Same answer as DevLake for every successful deployment, including those of another scope on
    // the same repository URL (3 → none, 13 → 3), staging kept apart from production (8 → 7), failed
    // deployments skipped (13's predecessor is 3, not the failed 11), and the deployment without an
    // environment (16 → none).
    const rows = csv('prev_success_deployment_commit/cicd_deployment_commits_after.csv');
    const s = new Scenario('devlake-prev');
    for (const repo of new Set(rows.map(repoOf))) s.repo(repo);
    addDeployments(s, rows);
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const facts = await withTenant(handle.db, ids.tenantId, (tx) =>
      tx.query<{ key: string; previous: string | null }>(
        `select d.external_id as key, p.external_id as previous from deployment_facts f
           join deployments d on d.id = f.deployment_id left join deployments p on p.id = f.previous_deployment_id`,
      ),
    );
    const ours = Object.fromEntries(facts.rows.map((r) => [r.key, r.previous]));
    const theirs = Object.fromEntries(
      rows
        .filter((r) => r.result === 'SUCCESS')
        .map((r) => [
          `dl-${r.id}`,
          r.prev_success_deployment_commit_id ? `dl-${r.prev_success_deployment_commit_id}` : null,
        ]),
    );
    expect(ours).toEqual(theirs);
  });

  it('connect_incident_to_deployment: Pulse links by repository and time window, DevLake by project', async () => {
    // DevLake links each incident of project1 to the project's latest production deployment before
    // it, whatever repository the incident is about and however long before: the five November
    // incidents all land on pipeline7 (deployed in September), the board incident on pipeline2.
    // Pulse deliberately differs (docs/metrics.md): an incident counts against the latest production
    // deployment of its own repository within 7 days. These incidents are about repositories
    // (repo1, repo2, repo3) that never deploy, or a board, so Pulse fails no deployment.
    const deployments = csv(
      'connect_incident_to_deployment/prev_success_deployment_commit/cicd_deployment_commits_after.csv',
    );
    const incidents = csv('connect_incident_to_deployment/raw_tables/incidents.csv');
    const devlake = csv(
      'connect_incident_to_deployment/snapshot_tables/project_incident_deployment_relationships.csv',
    );
    expect(devlake.map((r) => r.deployment_id)).toEqual([
      'pipeline7',
      'pipeline7',
      'pipeline7',
      'pipeline7',
      'pipeline7',
      'pipeline2',
    ]);

    const s = new Scenario('devlake-incidents');
    for (const repo of new Set([...deployments.map(repoOf), 'repo1', 'repo2', 'repo3'])) s.repo(repo);
    addDeployments(s, deployments);
    for (const i of incidents) {
      const started = `${i.created_date!.replace(' ', 'T')}`;
      const resolved = `${i.updated_date!.replace(' ', 'T')}`;
      s.incident(
        i.id!,
        i.table === 'repos' ? { repo: i.scope_id!, started, resolved } : { started, resolved },
      );
    }
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const failed = await withTenant(handle.db, ids.tenantId, (tx) =>
      tx.query<{ n: number }>('select count(*) as n from deployment_facts where is_failed'),
    );
    expect(failed.rows[0]!.n).toBe(0);
  });
});

/** DevLake writes "2023-4-11 4:51:47" as well as ISO; Scenario times are ISO without a zone (UTC). */
const iso = (text: string) =>
  text.replace(
    /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2}).*$/,
    (_, y: string, m: string, d: string, h: string, mi: string, s: string) =>
      `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T${h.padStart(2, '0')}:${mi}:${s}`,
  );

describeEachDb('DevLake reference: change_lead_time', (handle) => {
  it('PR stages and deploy times: DevLake project_pr_metrics, and where Pulse differs', async () => {
    // DevLake (calculate_change_lead_time) takes which deployment shipped which merge commit from
    // commits_diffs; Pulse walks the commit graph, so the graph below reproduces those diffs: per
    // series, deployed commit ← … ← the merge commits its diff lists. A Pulse pull request belongs
    // to the repository that deploys it (DevLake keeps repo1 and the deployments' repositories apart).
    // Only the rows that matter are loaded: deployments 1, 5 (cicd1, REPO111, production), 2, 6
    // (cicd1, REPO222), 7, 8 (REPO111 staging) and the failed 11 (cicd2, REPO111). Comments become
    // reviews of state "commented". DevLake reports whole minutes rounded up; Pulse seconds.
    const dir = 'change_lead_time/';
    const prs = csv(`${dir}pull_requests.csv`);
    const comments = csv(`${dir}pull_request_comments.csv`);
    const prCommits = csv(`${dir}pull_request_commits.csv`);
    const devlake = Object.fromEntries(csv(`${dir}project_pr_metrics.csv`).map((r) => [r.id!, r]));
    const deployments = Object.fromEntries(csv(`${dir}cicd_deployment_commits.csv`).map((r) => [r.id!, r]));
    const repoOfPr: Record<string, string> = {
      pr0: 'cicd1@REPO111',
      pr1: 'cicd1@REPO111',
      pr2: 'cicd1@REPO111',
      pr3: 'cicd1@REPO222',
      pr4: 'cicd1@REPO111',
      pr5: 'cicd2@REPO111',
    };
    const s = new Scenario('devlake-lead-time');
    for (const repo of new Set(Object.values(repoOfPr))) s.repo(repo);
    for (const person of 'abcdefghijkl') s.person(person);
    const chain = (repo: string, names: string[]) =>
      names.forEach((name, i) => s.commit(repo, name, '2022-01-01T00:00', i === 0 ? [] : [names[i - 1]!]));
    chain('cicd1@REPO111', [
      'pr_merge_commit0',
      'commit1',
      'pr_merge_commit1',
      'pr_merge_commit2',
      'commit5',
    ]);
    chain('cicd1@REPO111', ['commit7', 'pr_merge_commit4', 'commit8']);
    chain('cicd1@REPO222', ['commit2', 'pr_merge_commit3', 'commit6']);
    chain('cicd2@REPO111', ['pr_merge_commit5', 'commit11']);
    for (const id of ['1', '5', '2', '6', '7', '8', '11']) {
      const d = deployments[id]!;
      const repo = `${d.cicd_scope_id}@${d.repo_url}`;
      const status = d.result === 'SUCCESS' ? 'success' : 'failure';
      s.deploy(repo, `dl-${id}`, d.environment!.toLowerCase(), d.commit_sha!, iso(d.finished_date!), status);
    }
    for (const [n, pr] of prs.filter((p) => p.merged_date !== '').entries()) {
      const own = prCommits.filter((c) => c.pull_request_id === pr.id);
      for (const c of own) s.commit(repoOfPr[pr.id!]!, c.commit_sha!, iso(c.commit_authored_date!));
      s.pr(repoOfPr[pr.id!]!, pr.id!, {
        number: n + 1,
        author: pr.author_id === '' ? 'nobody' : pr.author_id!,
        created: iso(pr.created_date!),
        merged: iso(pr.merged_date!),
        mergeCommit: pr.merge_commit_sha!,
        commits: own.map((c) => c.commit_sha!),
        reviews: comments
          .filter((c) => c.pull_request_id === pr.id)
          .map((c) => ({ by: c.account_id!, at: iso(c.created_date!), state: 'commented' })),
      });
    }
    const ids = await s.save(handle.db);
    await refreshFacts(handle.db, ids.tenantId);
    const rows = await withTenant(handle.db, ids.tenantId, (tx) =>
      tx.query<Record<string, number | null>>(
        `select pr.external_id as id, f.coding_seconds as coding, f.pickup_seconds as pickup,
                f.review_seconds as review, f.deploy_seconds as deploy
           from pull_request_facts f join pull_requests pr on pr.id = f.pull_request_id order by 1`,
      ),
    );
    const minutes = (seconds: number | null) => (seconds === null ? '' : String(Math.ceil(seconds / 60)));
    const ours = Object.fromEntries(rows.rows.map((r) => [r.id, r]));
    // Where Pulse and DevLake agree, they agree to the minute.
    for (const [id, stage] of [
      ['pr0', 'coding'],
      ['pr1', 'coding'],
      ['pr1', 'pickup'],
      ['pr1', 'review'],
      ['pr1', 'deploy'],
      ['pr2', 'pickup'],
      ['pr2', 'review'],
      ['pr2', 'deploy'],
      ['pr3', 'coding'],
      ['pr4', 'coding'],
      ['pr4', 'deploy'],
      ['pr5', 'coding'],
      ['pr5', 'deploy'],
    ] as const) {
      expect(minutes(ours[id]![stage]!), `${id} ${stage}`).toBe(devlake[id]![`pr_${stage}_time`]);
    }
    // Where Pulse deliberately differs (docs/metrics.md "Pull request stages"):
    expect(ours.pr0).toMatchObject({ pickup: null, review: null });
    // pr0 was shipped by the first deployment of its series (commit1): Pulse ships a first
    // deployment's whole history (merged 2022-02-10 04:51:47 → deployed 2023-04-10 06:52:47);
    // DevLake computes no diff for a deployment without a predecessor and reports no deploy time.
    expect(devlake.pr0!.pr_deploy_time).toBe('');
    expect(ours.pr0!.deploy).toBe(36_640_860);
    // pr2's commits were authored after it was opened: coding time 0 (never negative); DevLake: none.
    expect(devlake.pr2!.pr_coding_time).toBe('');
    expect(ours.pr2!.coding).toBe(0);
    // pr3 and pr5 were commented on before they were opened: Pulse counts such a review when the PR
    // became ready (pickup 0, review = ready → merge = 72 h and 1 h); DevLake has no pickup time and
    // measures review from the early comment (5760 and 313068 minutes).
    expect(ours.pr3).toMatchObject({ pickup: 0, review: 72 * 3600 });
    expect(ours.pr5).toMatchObject({ pickup: 0, review: 3600 });
    // pr3's deployment finished before its merge (inconsistent times in the fixture): Pulse's deploy
    // time is 0 rather than negative; DevLake reports none.
    expect(ours.pr3!.deploy).toBe(0);
    // pr4's only review came after the merge: merged without review (pickup and review null);
    // DevLake's pickup runs to that late comment (1500 minutes).
    expect(ours.pr4).toMatchObject({ pickup: null, review: null });
    expect(devlake.pr4!.pr_pickup_time).toBe('1500');
  });
});
