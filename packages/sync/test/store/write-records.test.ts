/**
 * The record writer on both databases: every record type lands in its table with the right
 * values, a second write changes nothing, child lists are replaced, references resolve across
 * sources (or fail with RECORD_REFERENCE_UNKNOWN), and one tenant never touches another's rows.
 */
import { expect, it } from 'vitest';
import { isPulseError } from '@pulse/core';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { commit, everyType, pullRequest, repository, review, sha } from './support/records.ts';
import { newTenant, rows, write } from './support/tenant.ts';

describeEachDb('writeRecords', (handle) => {
  it('stores one record of every type, whatever their order in the page', async () => {
    const t = await newTenant(handle.db);
    const result = await write(handle.db, t, everyType());
    expect(result).toMatchObject({ written: 14, unchanged: 0, unresolved: [] });
    const one = async (sql: string) => (await rows(handle.db, t, sql))[0];

    expect(
      await one(
        'select source, external_id, name, full_name, kind, is_archived, integration_id from repositories',
      ),
    ).toEqual({
      source: 'github',
      external_id: 'R_api',
      name: 'api',
      full_name: 'acme/api',
      kind: 'repository',
      is_archived: false,
      integration_id: null,
    });
    expect(
      await one(`select c.sha, c.message, c.additions, c.parent_count, c.committed_at, i.source as author_source, i.email
                 from commits c join identities i on i.id = c.author_identity_id`),
    ).toEqual({
      sha: sha(1),
      message: 'change 1\n\nbody\twith tab',
      additions: 1,
      parent_count: 0,
      committed_at: new Date('2026-03-02T09:05:00Z'),
      author_source: 'git',
      email: 'ada@example.com',
    });
    expect(await one('select kind, name, sha from git_refs')).toEqual({
      kind: 'tag',
      name: 'v1.0.0',
      sha: sha(1),
    });
    expect(
      await one(`select p.number, p.state, p.labels, p.merged_at, a.login as author, m.login as merged_by, p.is_draft
                 from pull_requests p join identities a on a.id = p.author_identity_id join identities m on m.id = p.merged_by_identity_id`),
    ).toEqual({
      number: 1,
      state: 'merged',
      labels: ['feature', 'a "quoted" label'],
      merged_at: new Date('2026-03-02T09:00:00Z'),
      author: 'ada',
      merged_by: 'bob',
      is_draft: false,
    });
    expect(await one('select sha, authored_at from pull_request_commits')).toEqual({
      sha: sha(1),
      authored_at: new Date('2026-03-01T08:00:00Z'),
    });
    expect(
      await one(
        'select r.state, p.external_id as pr from pull_request_reviews r join pull_requests p on p.id = r.pull_request_id',
      ),
    ).toEqual({ state: 'approved', pr: 'PR_1' });
    expect(
      await one(
        'select c.body, c.kind, v.external_id as review from pull_request_comments c join pull_request_reviews v on v.id = c.review_id',
      ),
    ).toEqual({ body: 'nit', kind: 'review', review: 'RV_1' });
    expect(await one('select environment, is_production, status from deployments')).toEqual({
      environment: 'production',
      is_production: true,
      status: 'success',
    });
    expect(
      await one(`select i.status, i.updated_at, d.external_id as deployment, r.full_name from incidents i
                 join deployments d on d.id = i.deployment_id join repositories r on r.id = i.repository_id`),
    ).toEqual({
      status: 'resolved',
      updated_at: new Date('2026-03-02T12:00:00Z'),
      deployment: 'D_1',
      full_name: 'acme/api',
    });
    expect(await one('select key, kind, story_points, status_category from work_items')).toEqual({
      key: 'API-1',
      kind: 'feature',
      story_points: 2.5,
      status_category: 'in_progress',
    });
    expect(
      await one(
        'select found_in, p.external_id as pr from work_item_pull_requests l join pull_requests p on p.id = l.pull_request_id',
      ),
    ).toEqual({ found_in: 'source', pr: 'PR_1' });
    expect(
      await one(
        'select t.to_category, i.email_verified from work_item_transitions t join identities i on i.id = t.by_identity_id',
      ),
    ).toEqual({ to_category: 'in_progress', email_verified: true });
    expect(await one('select name, conclusion from pipeline_runs')).toEqual({
      name: 'deploy',
      conclusion: 'success',
    });
    expect(await one('select name, state from commit_checks')).toEqual({ name: 'ci/test', state: 'success' });
    expect(
      await one(`select t.name, m.role, p.display_name, (select count(*) from team_repositories) as repos
                 from teams t join team_members m on m.team_id = t.id join people p on p.id = m.person_id`),
    ).toEqual({ name: 'Core', role: 'lead', display_name: 'Ada Lovelace', repos: 1 });
    // The person record claims the GitHub identity explicitly.
    expect(
      await one(
        "select p.source, p.external_id from identities i join people p on p.id = i.person_id where i.external_id = 'U_ada'",
      ),
    ).toEqual({ source: 'hr', external_id: 'p-ada' });
  });

  it('writes the same page again without changing a row', async () => {
    const t = await newTenant(handle.db);
    await write(handle.db, t, everyType());
    const stamps = `select (select array_agg(updated_at order by id) from people) as people,
      (select array_agg(updated_at order by id) from identities) as identities,
      (select array_agg(updated_at order by id) from repositories) as repositories,
      (select array_agg(updated_at order by id) from teams) as teams,
      (select array_agg(updated_at) from git_refs) as refs,
      (select array_agg(xmin::text order by id) from pull_requests) as pr_versions,
      (select array_agg(xmin::text order by sha) from commits) as commit_versions`;
    const before = await rows(handle.db, t, stamps);
    const again = await write(handle.db, t, everyType());
    expect(again).toEqual({ written: 0, unchanged: 14, byType: {}, unresolved: [] });
    expect(await rows(handle.db, t, stamps)).toEqual(before);
  });

  it('replaces the commits of a pull request and keeps them when the list is absent', async () => {
    const t = await newTenant(handle.db);
    const commits = (...ns: number[]) => ns.map((n) => ({ sha: sha(n) }));
    await write(handle.db, t, [repository(), pullRequest(7, { commits: commits(1, 2, 3) })]);
    // A force push: 2 and 3 were replaced by 4.
    const result = await write(handle.db, t, [pullRequest(7, { commits: commits(1, 4) })]);
    expect(result.byType).toEqual({ pull_request: 1 });
    const stored = async () =>
      (await rows<{ sha: string }>(handle.db, t, 'select sha from pull_request_commits order by sha')).map(
        (r) => r.sha,
      );
    expect(await stored()).toEqual([sha(1), sha(4)]);
    const withoutList = { ...pullRequest(7) };
    delete withoutList.commits;
    expect((await write(handle.db, t, [withoutList])).written).toBe(0);
    expect(await stored()).toEqual([sha(1), sha(4)]);
  });

  it('replaces the members and repositories of a team', async () => {
    const t = await newTenant(handle.db);
    const person = (id: string) => ({
      type: 'person' as const,
      source: 'hr',
      externalId: id,
      displayName: id,
    });
    const team = (members: string[], repositories = [{ fullName: 'acme/api' }]) => ({
      type: 'team' as const,
      source: 'hr',
      externalId: 'core',
      name: 'Core',
      members: members.map((id) => ({ person: { externalId: id }, validFrom: '2026-01-01T00:00:00Z' })),
      repositories,
    });
    await write(handle.db, t, [
      repository(),
      repository({ externalId: 'R_web', name: 'web', fullName: 'acme/web' }),
      person('p1'),
      person('p2'),
      person('p3'),
      team(['p1', 'p2']),
    ]);
    const members = async () =>
      (
        await rows<{ external_id: string }>(
          handle.db,
          t,
          'select p.external_id from team_members m join people p on p.id = m.person_id order by 1',
        )
      ).map((r) => r.external_id);
    expect(await members()).toEqual(['p1', 'p2']);
    const result = await write(handle.db, t, [team(['p2', 'p3'], [{ fullName: 'acme/web' }])]);
    expect(result.written).toBe(1);
    expect(await members()).toEqual(['p2', 'p3']);
    expect(
      await rows(
        handle.db,
        t,
        'select r.full_name from team_repositories tr join repositories r on r.id = tr.repository_id',
      ),
    ).toEqual([{ full_name: 'acme/web' }]);
  });

  it('meets a local clone and its GitHub repository in one row, in either order', async () => {
    const clone = repository({ source: 'git', externalId: 'acme/api', url: '/srv/git/api.git' });
    const github = repository({ url: 'https://github.com/acme/api', defaultBranch: 'main' });
    const gitCommit = commit(1, { repository: { source: 'git', externalId: 'acme/api' } });
    for (const order of [
      [clone, github],
      [github, clone],
    ]) {
      const t = await newTenant(handle.db);
      await write(handle.db, t, [order[0]!, gitCommit]);
      await write(handle.db, t, [order[1]!]);
      // Commits of the clone arriving after the match land on the same row.
      await write(handle.db, t, [commit(2, { repository: { source: 'git', externalId: 'acme/api' } })]);
      expect(
        await rows(handle.db, t, 'select source, external_id, url, default_branch from repositories'),
      ).toEqual([
        {
          source: 'github',
          external_id: 'R_api',
          url: 'https://github.com/acme/api',
          default_branch: 'main',
        },
      ]);
      expect(
        await rows(
          handle.db,
          t,
          'select count(distinct repository_id)::int as repos, count(*)::int as commits from commits',
        ),
      ).toEqual([{ repos: 1, commits: 2 }]);
      // Syncing the clone again changes nothing.
      expect((await write(handle.db, t, [clone])).written).toBe(0);
    }
    // Both in one page.
    const t = await newTenant(handle.db);
    await write(handle.db, t, [clone, github, gitCommit]);
    expect(await rows(handle.db, t, 'select source from repositories')).toEqual([{ source: 'github' }]);
    expect(await rows(handle.db, t, 'select count(*)::int as n from commits')).toEqual([{ n: 1 }]);
  });

  it('fails with RECORD_REFERENCE_UNKNOWN naming the record, or reports it when asked', async () => {
    const t = await newTenant(handle.db);
    await write(handle.db, t, [repository()]);
    const orphan = review(1, 99);
    const error = await write(handle.db, t, [pullRequest(1), orphan]).catch((e: unknown) => e);
    expect(isPulseError(error) && error.code).toBe('RECORD_REFERENCE_UNKNOWN');
    expect((error as Error).message).toBe(
      'Record review github/RV_1 refers to pull request github/PR_99, which is not stored.',
    );
    const reported = await write(
      handle.db,
      t,
      [pullRequest(1), orphan, commit(5, { repository: { fullName: 'acme/nope' } })],
      { unknownReferences: 'report' },
    );
    expect(reported.unresolved).toEqual([
      {
        index: 2,
        type: 'commit',
        record: `commit ${sha(5)}`,
        path: 'repository',
        reference: 'repository acme/nope',
      },
      {
        index: 1,
        type: 'review',
        record: 'review github/RV_1',
        path: 'pullRequest',
        reference: 'pull request github/PR_99',
      },
    ]);
    expect(reported).toMatchObject({ written: 1, unchanged: 0 });
  });

  it('keeps tenants apart: the same natural keys give separate rows', async () => {
    const a = await newTenant(handle.db);
    const b = await newTenant(handle.db);
    await write(handle.db, a, [repository(), pullRequest(1)]);
    await write(handle.db, b, [repository({ name: 'other' }), pullRequest(1, { title: 'B title' })]);
    expect(
      await rows(
        handle.db,
        a,
        'select p.title, r.name from pull_requests p join repositories r on r.id = p.repository_id',
      ),
    ).toEqual([{ title: 'PR 1', name: 'api' }]);
    expect(
      await rows(
        handle.db,
        b,
        'select p.title, r.name from pull_requests p join repositories r on r.id = p.repository_id',
      ),
    ).toEqual([{ title: 'B title', name: 'other' }]);
    // Tenant B's writer cannot see A's pull request as a reference target either.
    const error = await write(handle.db, b, [review(1, 1), review(2, 2)]).catch((e: unknown) => e);
    expect(isPulseError(error) && error.code).toBe('RECORD_REFERENCE_UNKNOWN');
    expect(await rows(handle.db, a, 'select count(*)::int as n from identities')).toEqual([{ n: 2 }]);
  });
});
