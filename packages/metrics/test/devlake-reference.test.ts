/**
 * Apache DevLake's DORA end-to-end fixtures (../shared/reference/devlake-dora-e2e, Apache-2.0),
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

const reference = new URL('../../../../shared/reference/devlake-dora-e2e/', import.meta.url);

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
