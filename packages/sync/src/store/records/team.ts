/**
 * team records: the team row, its parent (which may be in the same page), and, when the record
 * lists them, its members and repositories, replacing the stored ones.
 */
import type { TeamRecord } from '@pulse/core';
import { buildRows, naturalKey } from '../build-rows.ts';
import { entityKey, refKey, replaceChildrenSql, upsertSql, type Item, type Page } from '../page.ts';
import { jsonRows } from '../sql.ts';
import { describeRepository } from './commit.ts';

const upsertTeams = upsertSql({
  table: 'teams',
  key: ['source', 'external_id'],
  columns: [
    ['source', 'text'],
    ['external_id', 'text'],
    ['name', 'text'],
  ],
  touch: true,
  returning: 'id::text',
});

const setParentsSql = `
  UPDATE teams t SET parent_id = p.id, updated_at = now()
  FROM ${jsonRows(2, [
    ['source', 'text'],
    ['external_id', 'text'],
    ['parent_source', 'text'],
    ['parent_external_id', 'text'],
  ])}
  LEFT JOIN teams p ON p.tenant_id = $1 AND p.source = x.parent_source AND p.external_id = x.parent_external_id
  WHERE t.tenant_id = $1 AND t.source = x.source AND t.external_id = x.external_id
    AND t.parent_id IS DISTINCT FROM p.id
  RETURNING t.id::text AS key`;

const replaceMembers = replaceChildrenSql({
  table: 'team_members',
  parent: [['team_id', 'bigint']],
  key: [
    ['person_id', 'bigint'],
    ['valid_from', 'timestamptz'],
  ],
  values: [
    ['role', 'text'],
    ['valid_to', 'timestamptz'],
  ],
  parentKey: '$.team_id::text',
});

const replaceRepositories = replaceChildrenSql({
  table: 'team_repositories',
  parent: [['team_id', 'bigint']],
  key: [['repository_id', 'bigint']],
  parentKey: '$.team_id::text',
});

export async function writeTeams(page: Page, items: readonly Item<'team'>[]): Promise<Set<string>> {
  const inPage = new Set(items.map(({ record: r }) => entityKey(r.source, r.externalId)));
  const parentKey = (r: Item<'team'>['record']) =>
    r.parent === undefined ? null : refKey(r.parent, r.source);
  const storedTeams = await page.lookup(
    'teams',
    items.flatMap(({ record: r }) => parentKey(r) ?? []),
  );
  const people = await page.lookup(
    'people',
    items.flatMap(({ record: r }) => (r.members ?? []).map((m) => refKey(m.person, r.source))),
  );
  await page.repositories(
    items.flatMap(({ record: r }) => (r.repositories ?? []).map((ref) => [ref, r.source] as const)),
  );

  const { rows, items: kept } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const parent = parentKey(r);
      if (parent !== null && !inPage.has(parent) && !storedTeams.has(parent))
        return page.unknown('team', item, 'parent', `team ${parent}`);
      const person = (r.members ?? []).map((m) => refKey(m.person, r.source)).find((k) => !people.has(k));
      if (person !== undefined) return page.unknown('team', item, 'members', `person ${person}`);
      const repository = (r.repositories ?? []).find((ref) => page.repository(ref, r.source) === undefined);
      if (repository !== undefined)
        return page.unknown('team', item, 'repositories', describeRepository(repository, r.source));
      return { source: r.source, external_id: r.externalId, name: r.name };
    },
    naturalKey,
  );
  const changed = await page.upsert(upsertTeams, rows);
  if (kept.length === 0) return changed;
  const parents = kept.map(({ record: r }) => {
    const [source, externalId] =
      r.parent === undefined ? [null, null] : [r.parent.source ?? r.source, r.parent.externalId];
    return {
      source: r.source,
      external_id: r.externalId,
      parent_source: source,
      parent_external_id: externalId,
    };
  });
  for (const key of await page.upsert(setParentsSql, parents)) changed.add(key);

  const ids = await page.lookup(
    'teams',
    kept.map(({ record: r }) => entityKey(r.source, r.externalId)),
  );
  const teamId = (r: Item<'team'>['record']) => ids.get(entityKey(r.source, r.externalId))!;
  const withMembers = kept.filter(({ record }) => record.members !== undefined);
  const members = withMembers.flatMap(({ record: r }) =>
    latestMembers(r.members ?? []).map((m) => ({
      team_id: teamId(r),
      person_id: people.get(refKey(m.person, r.source))!,
      valid_from: m.validFrom,
      role: m.role ?? null,
      valid_to: m.validTo ?? null,
    })),
  );
  const memberTeams = withMembers.map(({ record }) => ({ team_id: teamId(record) }));
  for (const key of await page.replaceChildren(replaceMembers, memberTeams, members)) changed.add(key);

  const withRepositories = kept.filter(({ record }) => record.repositories !== undefined);
  const repositories = withRepositories.flatMap(({ record: r }) =>
    [...new Set((r.repositories ?? []).map((ref) => page.repository(ref, r.source)!))].map(
      (repositoryId) => ({
        team_id: teamId(r),
        repository_id: repositoryId,
      }),
    ),
  );
  const repositoryTeams = withRepositories.map(({ record }) => ({ team_id: teamId(record) }));
  for (const key of await page.replaceChildren(replaceRepositories, repositoryTeams, repositories))
    changed.add(key);
  return changed;
}

type TeamMember = NonNullable<TeamRecord['members']>[number];

/** One membership per (person, start): the last listed wins. */
function latestMembers(members: readonly TeamMember[]): TeamMember[] {
  const map = new Map<string, TeamMember>();
  for (const m of members)
    map.set(`${m.person.source ?? ''}/${m.person.externalId}@${Date.parse(m.validFrom)}`, m);
  return [...map.values()];
}
