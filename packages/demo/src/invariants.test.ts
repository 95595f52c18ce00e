/**
 * Structural invariants of the generated rows, checked on exactly what the loader inserts: the
 * commit graph, pull requests against it, deployments of known commits, incidents.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.ts';
import { demoTables, sequentialIds } from './tables.ts';

const data = generateDemo({ seed: 42, end: new Date('2026-01-15T00:00:00Z'), days: 365 });
const tables = new Map(
  demoTables(data, '00000000-0000-4000-8000-000000000000', sequentialIds(data)).map((t) => [
    t.table,
    t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c, row[i]])) as Record<string, unknown>),
  ]),
);
const rows = (table: string) => tables.get(table) ?? [];
const commitKey = (repo: unknown, sha: unknown) => `${String(repo)}:${String(sha)}`;
const commits = new Map(rows('commits').map((c) => [commitKey(c.repository_id, c.sha), c]));
const parents = new Map<string, string[]>();
for (const p of rows('commit_parents')) {
  const key = commitKey(p.repository_id, p.sha);
  const list = parents.get(key) ?? [];
  list[p.position as number] = p.parent_sha as string;
  parents.set(key, list);
}
const pullRequests = new Map(rows('pull_requests').map((p) => [p.id, p]));
const time = (value: unknown) => (value as Date).getTime();

describe('the commit graph', () => {
  it('has 40-character hashes, unique per repository, with parent_count matching commit_parents', () => {
    expect(commits.size).toBe(rows('commits').length);
    for (const [key, c] of commits) {
      expect(c.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(parents.get(key)?.length ?? 0, key).toBe(c.parent_count);
    }
  });

  it('links every parent to an older commit of the same repository', () => {
    for (const p of rows('commit_parents')) {
      const parent = commits.get(commitKey(p.repository_id, p.parent_sha));
      expect(parent, `parent of ${String(p.sha)}`).toBeDefined();
      const child = commits.get(commitKey(p.repository_id, p.sha))!;
      expect(time(parent!.committed_at)).toBeLessThanOrEqual(time(child.committed_at));
    }
  });

  it('lists pull request commits that exist in the pull request’s repository', () => {
    for (const c of rows('pull_request_commits')) {
      const pr = pullRequests.get(c.pull_request_id)!;
      expect(commits.has(commitKey(pr.repository_id, c.sha))).toBe(true);
    }
  });

  it('lands merged pull requests on main: merge commits with two parents, squash commits with one', () => {
    const mainOf = new Map<unknown, Set<string>>();
    for (const repo of rows('repositories')) {
      // The newest commit reachable as a first parent from the newest main commit is the tip.
      const own = data.commits.filter((c) => c.onMain && c.repository.fullName === repo.full_name);
      const onMain = new Set<string>();
      for (
        let sha: string | undefined = own[own.length - 1]?.sha;
        sha !== undefined;
        sha = parents.get(commitKey(repo.id, sha))?.[0]
      )
        onMain.add(sha);
      expect(onMain.size).toBe(own.length);
      mainOf.set(repo.id, onMain);
    }
    let merges = 0;
    let squashes = 0;
    for (const pr of rows('pull_requests')) {
      expect(pr.state === 'merged').toBe(pr.merged_at !== null);
      if (pr.state !== 'merged') continue;
      const sha = pr.merge_commit_sha as string;
      expect(mainOf.get(pr.repository_id)!.has(sha), `#${String(pr.number)}`).toBe(true);
      const list = parents.get(commitKey(pr.repository_id, sha))!;
      const model = data.pullRequests.find((p) => p.mergeCommitSha === sha)!;
      if (model.repository.mergeMethod === 'squash' || model.kind === 'revert') {
        expect(list).toHaveLength(1);
        squashes += 1;
      } else {
        expect(list).toEqual([expect.any(String), pr.head_sha]);
        merges += 1;
      }
    }
    expect(merges).toBeGreaterThan(500);
    expect(squashes).toBeGreaterThan(500);
  });

  it('has a few direct pushes to main that no pull request landed', () => {
    const landed = new Set(rows('pull_requests').map((p) => p.merge_commit_sha));
    const pushes = data.commits.filter((c) => c.onMain && c.lands === null && c.authoredAt >= data.start);
    expect(pushes.length).toBeGreaterThan(10);
    expect(pushes.every((c) => !landed.has(c.sha))).toBe(true);
  });
});

describe('deployments and incidents', () => {
  it('deploy main commits of their own repository that existed when the deployment started', () => {
    const main = new Map(
      data.commits.filter((c) => c.onMain).map((c) => [`${c.repository.name}:${c.sha}`, c]),
    );
    for (const d of data.deployments) {
      const commit = main.get(`${d.repository.name}:${d.commitSha}`);
      expect(commit).toBeDefined();
      expect(commit!.committedAt).toBeLessThanOrEqual(d.startedAt);
      expect(d.startedAt).toBeLessThan(d.finishedAt);
    }
  });

  it('follows every failed production deployment with a successful one', () => {
    const production = data.deployments.filter((d) => d.environment === 'production');
    const failed = production.filter((d) => d.status === 'failure');
    expect(failed.length).toBeGreaterThan(10);
    for (const f of failed)
      expect(
        production.some(
          (d) => d.repository === f.repository && d.status === 'success' && d.startedAt > f.finishedAt,
        ),
      ).toBe(true);
  });

  it('has incidents that start before they are resolved, linked to deployments, services or nothing', () => {
    for (const i of rows('incidents')) {
      if (i.resolved_at !== null) expect(time(i.resolved_at)).toBeGreaterThanOrEqual(time(i.started_at));
      expect(i.status).toBe(i.resolved_at === null ? 'open' : 'resolved');
    }
    const incidents = rows('incidents');
    expect(incidents.filter((i) => i.deployment_id !== null).length).toBeGreaterThan(20);
    expect(
      incidents.filter((i) => i.deployment_id === null && i.repository_id !== null).length,
    ).toBeGreaterThan(20);
    expect(incidents.filter((i) => i.repository_id === null).length).toBe(2);
    expect(incidents.filter((i) => i.status === 'open').length).toBeGreaterThanOrEqual(1);
    expect(new Set(incidents.map((i) => i.external_id)).size).toBe(incidents.length);
    for (const i of data.incidents.filter((x) => x.deployment !== null))
      expect(i.deployment!.finishedAt).toBeLessThanOrEqual(i.startedAt);
  });
});
