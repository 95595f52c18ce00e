/**
 * The Jira connector through the sync engine on both databases: a full sync stores exactly the
 * fake site; transitions give the right time in each status; sprint scope (start, end, added,
 * removed, completed, carried over, points at start) is right; an incremental sync reads and
 * changes only what changed; a deleted issue disappears; a mapping change re-maps stored data
 * offline; pull requests link to issues by key whichever arrives first; Jira people merge with
 * git people by e-mail.
 */
import { afterEach, expect, it } from 'vitest';
import { withTenant } from '@pulse/db';
import { listUnmatchedIdentities, readMappings, writeMappings } from '@pulse/sync';
import { T0, hours, scenario } from '../../../connectors/test/jira/fake/generate.ts';
import { startFakeJira, type FakeJiraServer } from '../../../connectors/test/jira/fake/server.ts';
import { describeEachDb } from '../../../../test/support/databases.ts';
import { connectJira, hoursOf } from './support.ts';

let server: FakeJiraServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async () =>
  (server = await startFakeJira(scenario({ filler: 4 }), { flavour: 'cloud', changelogPageSize: 10 }));

const sha = (n: number) => n.toString(16).padStart(40, 'a');

describeEachDb('Jira through the sync engine', (handle) => {
  it(
    'a full sync stores the site: items, time in status, sprint scope, incidents, people',
    { timeout: 60_000 },
    async () => {
      const s = await start();
      const jira = await connectJira(handle.db, s);
      // A git author with Ada's address, and the repository the incident's component names.
      await jira.write([
        { type: 'repository', source: 'github', externalId: 'R_api', name: 'api', fullName: 'acme/api' },
        {
          type: 'commit',
          repository: { fullName: 'acme/api' },
          sha: sha(1),
          parents: [],
          author: { source: 'git', externalId: 'ada@acme.example', email: 'ada@acme.example', name: 'Ada' },
          authoredAt: hours(0),
          committedAt: hours(0),
          message: 'init',
        },
      ]);
      const run = await jira.sync();
      expect(run.summary.failedPartitions).toEqual([]);
      expect(run.state).toBe('succeeded');

      const keys = await jira.query<{ key: string }>('select key from work_items order by key');
      const live = s.model.issues.filter((i) => !i.deleted && i.project !== 'SEC').map((i) => i.key);
      expect(keys.map((k) => k.key)).toEqual([...live].sort());

      // PROJ-7: created 24h in To Do, In Progress 30h, QA (renamed In Review) 40h, Waiting 46h,
      // In Review 58h, Done 70h, reopened 500h, In Review 520h, Done 530h (still).
      const spans = await jira.query<{ status: string; category: string; hours: number }>(
        `select to_status as status, to_category as category,
         sum(extract(epoch from (next_at - at)) / 3600)::float as hours
       from (select t.*, lead(t.at) over (order by t.at) as next_at from work_item_transitions t
             join work_items w on w.id = t.work_item_id where w.key = 'PROJ-7') x
       where next_at is not null group by 1, 2 order by 1`,
      );
      expect(spans).toEqual([
        { status: 'Done', category: 'done', hours: 430 },
        { status: 'In Progress', category: 'in_progress', hours: 30 },
        { status: 'In Review', category: 'in_progress', hours: 28 },
        { status: 'To Do', category: 'todo', hours: 6 },
        { status: 'Waiting for customer', category: 'waiting', hours: 12 },
      ]);

      // Sprint 1 (starts 48h, completed 385h) and sprint 2 (starts 386h, active): hand-stated.
      const scope = await jira.query<{
        sprint: string;
        key: string;
        added: Date;
        removed: Date | null;
        at_start: boolean;
        at_end: boolean;
        completed: boolean;
        points: number | null;
      }>(
        `select s.name as sprint, w.key, x.added_at as added, x.removed_at as removed, x.in_scope_at_start as at_start,
         x.in_scope_at_end as at_end, x.completed_in_sprint as completed, x.story_points_at_start as points
       from sprint_work_items x join sprints s on s.id = x.sprint_id join work_items w on w.id = x.work_item_id
       where w.key in ('PROJ-1','PROJ-2','PROJ-3','PROJ-4','PROJ-5','PROJ-6','OPS-3') order by 1, 2`,
      );
      const row = (r: (typeof scope)[number]) =>
        `${r.sprint} ${r.key} +${hoursOf(r.added, T0)}${r.removed ? ` -${hoursOf(r.removed, T0)}` : ''} start:${r.at_start} end:${r.at_end} done:${r.completed} sp:${r.points}`;
      expect(scope.map(row)).toEqual([
        'OPS Sprint 1 OPS-3 +70 start:true end:true done:false sp:1',
        'PROJ Sprint 1 PROJ-1 +1 start:true end:true done:true sp:3',
        'PROJ Sprint 1 PROJ-2 +1 start:true end:true done:false sp:5',
        'PROJ Sprint 1 PROJ-3 +100 start:false end:true done:true sp:2',
        'PROJ Sprint 1 PROJ-4 +1 -200 start:true end:false done:false sp:8',
        'PROJ Sprint 1 PROJ-5 +1 start:true end:true done:false sp:3',
        'PROJ Sprint 1 PROJ-6 +100 start:false end:true done:false sp:null',
        'PROJ Sprint 2 PROJ-2 +385 start:true end:true done:true sp:5',
        'PROJ Sprint 2 PROJ-5 +385 start:true end:true done:false sp:5',
      ]);
      const carried = await jira.query<{ key: string }>(
        `select w.key from sprint_work_items x join sprints s on s.id = x.sprint_id join work_items w on w.id = x.work_item_id
       where x.carried_over order by 1`,
      );
      // PROJ-6 was in scope at the end but already done: not carried over.
      expect(carried.map((c) => c.key)).toEqual(['PROJ-2', 'PROJ-5']);

      const incidents = await jira.query<{
        title: string;
        service: string;
        repo: string | null;
        started: Date;
        resolved: Date;
      }>(
        `select i.title, i.service, r.full_name as repo, i.started_at as started, i.resolved_at as resolved
       from incidents i left join repositories r on r.id = i.repository_id`,
      );
      expect(incidents).toEqual([
        {
          title: 'Incident OPS-1',
          service: 'api',
          repo: 'acme/api',
          started: new Date(hours(72)),
          resolved: new Date(hours(76)),
        },
      ]);

      // Ada's Jira account (verified e-mail on Cloud) joined her git identity; Bob has no match.
      const ada = await jira.query<{ sources: string[] }>(
        `select array_agg(source order by source) as sources from identities where lower(email) = 'ada@acme.example' group by person_id`,
      );
      expect(ada).toEqual([{ sources: ['git', 'jira'] }]);
      const unmatched = await withTenant(handle.db, jira.tenantId, (tx) =>
        listUnmatchedIdentities(tx, { source: 'jira' }),
      );
      expect(unmatched.map((u) => u.name)).toEqual(['Bob Builder']);
    },
  );

  it(
    'an incremental sync reads only what changed; rows follow; a deleted issue goes at reconciliation',
    { timeout: 60_000 },
    async () => {
      const s = await start();
      const jira = await connectJira(handle.db, s, { reconcileHours: 0 });
      await jira.sync();
      const before = await jira.query<{ key: string; status: string; updated_at: Date }>(
        'select key, status, updated_at from work_items order by key',
      );
      const proj3 = s.model.issues.find((i) => i.key === 'PROJ-3')!;
      proj3.changes.push({ at: hours(900), by: proj3.reporter, status: '10004' });
      s.model.issues.find((i) => i.key === 'PROJ-4')!.deleted = true;
      s.http.requests.length = 0;
      const second = await jira.sync();
      expect(second.state).toBe('succeeded');
      const searches = s.http.requests
        .filter((r) => r.path === '/rest/api/3/search/jql')
        .map((r) => JSON.parse(r.body) as { jql: string; fields: string[] });
      // Each project is searched from its cursor; the reconciliation lists ids only.
      expect(searches.filter((q) => q.fields.length > 1).every((q) => q.jql.includes('updated >= "'))).toBe(
        true,
      );
      expect(searches.filter((q) => q.fields.length === 1).map((q) => q.jql)).toEqual([
        'project = "PROJ" ORDER BY updated ASC, key ASC',
        'project = "OPS" ORDER BY updated ASC, key ASC',
      ]);
      const after = await jira.query<{ key: string; status: string; updated_at: Date }>(
        'select key, status, updated_at from work_items order by key',
      );
      const changed = after.filter((a) => {
        const b = before.find((x) => x.key === a.key);
        return b === undefined || b.status !== a.status || b.updated_at.getTime() !== a.updated_at.getTime();
      });
      expect(changed.map((c) => `${c.key} ${c.status}`)).toEqual(['PROJ-3 In Review']);
      expect(after.map((a) => a.key)).toEqual(before.map((b) => b.key).filter((k) => k !== 'PROJ-4'));
      const leftovers = await jira.query<{ n: number }>(
        `select (select count(*) from sprint_work_items x join sprints s on s.id = x.sprint_id where s.name = 'PROJ Sprint 1')::int
         + (select count(*) from raw_records where external_id like '%:' || $1)::int as n`,
        [String(s.model.issues.find((i) => i.key === 'PROJ-4')!.id)],
      );
      expect(leftovers[0]!.n).toBe(5); // sprint 1 keeps PROJ-1, 2, 3, 5, 6; no raw payload of PROJ-4
    },
  );

  it('a mapping change re-maps stored data without a request, and back', { timeout: 60_000 }, async () => {
    const s = await start();
    const jira = await connectJira(handle.db, s);
    await jira.sync();
    const requests = s.http.requests.length;
    const result = await withTenant(handle.db, jira.tenantId, (tx) =>
      writeMappings(tx, jira.deps.registry, jira.tenantId, 'jira', {
        statuses: [{ source: 'in review', category: 'waiting' }],
        types: [{ source: 'Bug', kind: 'incident' }],
      }),
    );
    expect(s.http.requests.length).toBe(requests);
    expect(result.remapped).toBeGreaterThan(0);
    expect(result.mappings.statuses.find((m) => m.source === 'In Review')).toMatchObject({
      category: 'waiting',
      origin: 'set',
    });
    expect(result.mappings.types.find((m) => m.source === 'Bug')).toMatchObject({
      kind: 'incident',
      origin: 'set',
    });
    const review = await jira.query<{ category: string }>(
      "select distinct to_category as category from work_item_transitions where to_status = 'In Review'",
    );
    expect(review).toEqual([{ category: 'waiting' }]);
    const bugs = await jira.query<{ key: string }>(
      "select w.key from incidents i join work_items w on w.external_id = i.external_id where w.type_name = 'Bug' order by 1",
    );
    expect(bugs.length).toBe(s.model.issues.filter((i) => i.type === 'Bug' && i.project !== 'SEC').length);

    await withTenant(handle.db, jira.tenantId, (tx) =>
      writeMappings(tx, jira.deps.registry, jira.tenantId, 'jira', {
        statuses: [{ source: 'In Review', category: null }],
        types: [{ source: 'bug', kind: null }],
      }),
    );
    const reset = await withTenant(handle.db, jira.tenantId, (tx) =>
      readMappings(tx, jira.deps.registry, 'jira'),
    );
    expect(reset.statuses.find((m) => m.source === 'In Review')).toMatchObject({
      category: 'in_progress',
      origin: 'default',
    });
    expect(await jira.query('select title from incidents')).toEqual([{ title: 'Incident OPS-1' }]);
    await expect(
      withTenant(handle.db, jira.tenantId, (tx) =>
        writeMappings(tx, jira.deps.registry, jira.tenantId, 'jira', {
          statuses: [{ source: 'X', category: 'later' }],
        }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('pull requests link to issues by key, whichever arrives first', { timeout: 60_000 }, async () => {
    const s = await start();
    const jira = await connectJira(handle.db, s);
    const host = new URL(s.baseUrl).host;
    const pr = (
      number: number,
      fields: { title: string; headBranch?: string; body?: string; commits?: string[] },
    ) => ({
      type: 'pull_request' as const,
      source: 'github',
      externalId: `PR_${number}`,
      repository: { fullName: 'acme/api' },
      number,
      title: fields.title,
      ...(fields.body ? { body: fields.body } : {}),
      headBranch: fields.headBranch ?? `branch-${number}`,
      state: 'open' as const,
      createdAt: hours(0),
      updatedAt: hours(0),
      ...(fields.commits ? { commits: fields.commits.map((c) => ({ sha: c })) } : {}),
    });
    await jira.write([
      { type: 'repository', source: 'github', externalId: 'R_api', name: 'api', fullName: 'acme/api' },
      pr(1, { title: 'PROJ-1: login' }),
      pr(2, {
        title: 'Fix the parser',
        headBranch: 'feature/proj-3-parser',
        body: `Uses UTF-8 and SHA-256. Not https://example.com/browse/PROJ-5 but http://${host}/browse/PROJ-6`,
      }),
      pr(3, { title: 'Hotfix', commits: [sha(3)] }),
    ]);
    await jira.sync();
    const links = () =>
      jira.query<{ link: string }>(
        `select p.number || ' ' || w.key || ' ' || l.found_in as link from work_item_pull_requests l
         join pull_requests p on p.id = l.pull_request_id join work_items w on w.id = l.work_item_id order by 1`,
      );
    expect((await links()).map((l) => l.link)).toEqual([
      '1 PROJ-1 title',
      '2 PROJ-3 branch',
      '2 PROJ-6 body',
    ]);
    // The commit (with its message) arrives after the pull request and the issue.
    await jira.write([
      {
        type: 'commit',
        repository: { fullName: 'acme/api' },
        sha: sha(3),
        parents: [],
        authoredAt: hours(1),
        committedAt: hours(1),
        message: 'ops-1: restart the pool',
      },
      pr(4, { title: 'Follow-up for OPS-2 and PROJ-999' }),
    ]);
    expect((await links()).map((l) => l.link)).toEqual([
      '1 PROJ-1 title',
      '2 PROJ-3 branch',
      '2 PROJ-6 body',
      '3 OPS-1 commit_message',
      '4 OPS-2 title',
    ]);
    // An edited title drops its link.
    await jira.write([pr(1, { title: 'Login' })]);
    expect((await links()).map((l) => l.link)[0]).toBe('2 PROJ-3 branch');
  });
});
