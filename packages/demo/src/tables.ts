/**
 * The demo organisation as rows of Pulse's domain tables (packages/db/sql/0002_domain.sql), in an
 * order that satisfies the foreign keys. Row ids come from `ids` (row-ids.ts).
 */
import type { DemoData } from './model.ts';
import { deliveryRows } from './delivery-rows.ts';
import { pullRequestRows, reviewList } from './pull-request-rows.ts';
import { date, idOf, keyedTables, type Ids, type KeyedTable, type TableRows } from './row-ids.ts';
import { workRows } from './work-rows.ts';

export { keyedTables, type Ids, type KeyedTable, type TableRows } from './row-ids.ts';

export function rowCounts(data: DemoData): Record<KeyedTable, number> {
  return {
    people: data.people.length,
    identities: data.identities.length,
    teams: data.teams.length,
    repositories: data.repositories.length,
    pull_requests: data.pullRequests.length,
    pull_request_reviews: reviewList(data).length,
    work_items: data.workItems.length,
    sprints: data.sprints.length,
    deployments: data.deployments.length,
  };
}

/** Ids 1, 2, 3 … per table: for digests and checks that do not touch a database. */
export function sequentialIds(data: DemoData): Ids {
  const counts = rowCounts(data);
  const ids = {} as Record<KeyedTable, number[]>;
  for (const table of keyedTables) ids[table] = Array.from({ length: counts[table] }, (_, i) => i + 1);
  return ids;
}

export function demoTables(data: DemoData, tenantId: string, ids: Ids): TableRows[] {
  const t = tenantId;
  const person = idOf(data.people, ids.people);
  const identity = idOf(data.identities, ids.identities);
  const team = idOf(data.teams, ids.teams);
  const repository = idOf(data.repositories, ids.repositories);
  const organisation: TableRows[] = [
    {
      table: 'people',
      columns: ['id', 'tenant_id', 'source', 'external_id', 'display_name', 'primary_email', 'is_bot'],
      rows: data.people.map((p) => [person(p), t, 'pulse', `person:${p.login}`, p.name, p.email, p.isBot]),
    },
    {
      table: 'identities',
      columns: [
        'id',
        'tenant_id',
        'person_id',
        'source',
        'external_id',
        'login',
        'email',
        'email_verified',
        'name',
        'is_bot',
      ],
      rows: data.identities.map((i) => [
        identity(i),
        t,
        person(i.person),
        i.source,
        i.externalId,
        i.login,
        i.email,
        i.source !== 'git',
        i.person.name,
        i.isBot,
      ]),
    },
    {
      table: 'teams',
      columns: ['id', 'tenant_id', 'source', 'external_id', 'name'],
      rows: data.teams.map((x) => [team(x), t, 'pulse', x.key, x.name]),
    },
    {
      table: 'team_members',
      columns: ['tenant_id', 'team_id', 'person_id', 'role', 'valid_from', 'valid_to'],
      rows: data.memberships.map((m) => [
        t,
        team(m.team),
        person(m.human.person),
        m.role,
        date(m.validFrom),
        date(m.validTo),
      ]),
    },
    {
      table: 'repositories',
      columns: [
        'id',
        'tenant_id',
        'source',
        'external_id',
        'kind',
        'name',
        'full_name',
        'url',
        'default_branch',
      ],
      rows: data.repositories.map((r) => [
        repository(r),
        t,
        'github',
        r.externalId,
        'repository',
        r.name,
        r.fullName,
        `https://github.com/${r.fullName}`,
        'main',
      ]),
    },
    {
      table: 'team_repositories',
      columns: ['tenant_id', 'team_id', 'repository_id'],
      rows: data.repositories.map((r) => [t, team(r.team), repository(r)]),
    },
    {
      table: 'commits',
      columns: [
        'tenant_id',
        'repository_id',
        'sha',
        'author_identity_id',
        'committer_identity_id',
        'authored_at',
        'committed_at',
        'message',
        'additions',
        'deletions',
        'files_changed',
        'parent_count',
      ],
      rows: data.commits.map((c) => [
        t,
        repository(c.repository),
        c.sha,
        identity(c.author),
        identity(c.committer),
        date(c.authoredAt),
        date(c.committedAt),
        c.message,
        c.additions,
        c.deletions,
        c.filesChanged,
        c.parents.length,
      ]),
    },
    {
      table: 'commit_parents',
      columns: ['tenant_id', 'repository_id', 'sha', 'parent_sha', 'position'],
      rows: data.commits.flatMap((c) =>
        c.parents.map((parent, position) => [t, repository(c.repository), c.sha, parent, position]),
      ),
    },
  ];
  const refs = { identity, repository };
  return [
    ...organisation,
    ...pullRequestRows(data, t, ids, refs),
    ...workRows(data, t, ids, refs),
    ...deliveryRows(data, t, ids, refs),
  ];
}
