/**
 * Teams, their members over time, and the repositories they own. Membership has a validity period
 * (metrics attribute a change to the teams its author belonged to when it happened), so removing a
 * member ends the membership instead of deleting its history. Repository ownership decides which
 * team a deployment counts for.
 */
import { z } from 'zod';
import { instant, PulseError } from '@pulse/core';
import { withTenant, type Db, type Tx } from '@pulse/db';
import type { FactsRefresher } from '../facts-refresher.ts';
import type { StreamBus } from '../stream/bus.ts';
import { listRoute } from './list.ts';
import { numericId, route, type ApiRoute } from './route.ts';

const teamItem = z.object({
  id: z.number().int(),
  name: z.string(),
  externalId: z.string().describe('The key metric filters accept (`team=`), with the name.'),
  source: z.string(),
  parentId: z.number().int().nullable(),
  members: z.number().int().describe('Current members.'),
  repositories: z.array(z.string()).describe('Full names of the repositories the team owns.'),
});
const teamJson = `json_build_object('id', t.id, 'name', t.name, 'externalId', t.external_id, 'source', t.source,
  'parentId', t.parent_id,
  'members', (select count(*) from team_members m where m.team_id = t.id and m.valid_to is null)::int,
  'repositories', coalesce((select json_agg(r.full_name order by r.full_name) from team_repositories tr
    join repositories r on r.tenant_id = tr.tenant_id and r.id = tr.repository_id where tr.team_id = t.id), '[]'::json))`;

const memberItem = z.object({
  personId: z.number().int(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable().describe('Null while a member.'),
});

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes')
  .describe('Team key; default: derived from the name.');
const teamBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  key: key.optional(),
  parentId: z.number().int().positive().nullable().optional(),
});
const teamPatch = teamBody.partial();

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63) || 'team';

async function readTeam(tx: Tx, id: string): Promise<z.infer<typeof teamItem>> {
  const rows = await tx.query<{ team: z.infer<typeof teamItem> }>(
    `select ${teamJson} as team from teams t where t.id = $1`,
    [id],
  );
  const team = rows.rows[0]?.team;
  if (team === undefined)
    throw new PulseError('NOT_FOUND', { message: `There is no team ${id} in this tenant.` });
  return team;
}

async function checkParent(
  tx: Tx,
  teamId: string | null,
  parentId: number | null | undefined,
): Promise<void> {
  if (parentId === undefined || parentId === null) return;
  // The parent must exist and must not be the team itself or one of its descendants.
  const rows = await tx.query<{ found: boolean; cycle: boolean }>(
    `with recursive up as (
       select id, parent_id from teams where id = $1
       union select t.id, t.parent_id from teams t join up on t.id = up.parent_id)
     select count(*) > 0 as found, coalesce(bool_or(id = $2::bigint), false) as cycle from up`,
    [parentId, teamId],
  );
  const { found, cycle } = rows.rows[0]!;
  if (!found)
    throw new PulseError('VALIDATION_FAILED', {
      message: `body.parentId: there is no team ${parentId}.`,
      path: 'body.parentId',
    });
  if (cycle)
    throw new PulseError('VALIDATION_FAILED', {
      message: 'body.parentId: a team cannot be placed under itself or one of its sub-teams.',
      path: 'body.parentId',
    });
}

export function teamRoutes(deps: { db: Db; facts: FactsRefresher; stream: StreamBus }): ApiRoute[] {
  const { db } = deps;
  /** Team changes move numbers between teams: refresh and tell the dashboards. */
  const changed = (tenantId: string) => {
    deps.facts.schedule(tenantId);
    deps.stream.publish(tenantId, 'data', { reason: 'teams', integrationId: null });
  };
  const teamId = (request: { params: unknown }) => numericId(request, 'team');
  /** Runs a change in the tenant, then (committed) refreshes the facts and tells the dashboards. */
  const change = async <T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const result = await withTenant(db, tenantId, fn);
    changed(tenantId);
    return result;
  };
  return [
    listRoute(db, {
      path: '/teams',
      summary: 'Teams with their current member count and owned repositories.',
      tag: 'teams',
      from: 'teams t',
      item: teamJson,
      itemSchema: teamItem,
      sorts: { name: { expr: 't.name', type: 'text' } },
      defaultSort: 'name',
      defaultOrder: 'asc',
      filters: {
        q: {
          schema: z.string().min(1).max(200).describe('Part of the name.'),
          where: (p) => `strpos(lower(t.name), lower(${p})) > 0`,
        },
      },
    }),
    route<undefined, z.infer<typeof teamBody>>({
      method: 'POST',
      path: '/teams',
      summary: 'Create a team.',
      tag: 'teams',
      auth: 'admin',
      status: 201,
      body: teamBody,
      response: teamItem,
      handler: ({ principal, body }) =>
        withTenant(db, principal.tenantId, async (tx) => {
          await checkParent(tx, null, body.parentId);
          const inserted = await tx.query<{ id: string }>(
            `insert into teams (tenant_id, source, external_id, name, parent_id) values ($1, 'pulse', $2, $3, $4)
             on conflict (tenant_id, source, external_id) do nothing returning id`,
            [principal.tenantId, body.key ?? slug(body.name), body.name, body.parentId ?? null],
          );
          if (inserted.rows[0] === undefined) throw new PulseError('TEAM_KEY_TAKEN');
          return readTeam(tx, inserted.rows[0].id);
        }),
    }),
    route<undefined, z.infer<typeof teamPatch>>({
      method: 'PATCH',
      path: '/teams/:id',
      summary: 'Rename a team, change its key or its parent (null: top level).',
      tag: 'teams',
      auth: 'admin',
      body: teamPatch,
      response: teamItem,
      handler: ({ principal, request, body }) =>
        change(principal.tenantId, async (tx) => {
          const id = teamId(request);
          await readTeam(tx, id);
          await checkParent(tx, id, body.parentId);
          const taken = await tx
            .query(
              `update teams set name = coalesce($2, name), external_id = coalesce($3, external_id),
                 parent_id = case when $4 then $5::bigint else parent_id end, updated_at = now()
               where id = $1`,
              [id, body.name ?? null, body.key ?? null, body.parentId !== undefined, body.parentId ?? null],
            )
            .then(
              () => false,
              (error: { code?: string }) => {
                if (error.code === '23505') return true;
                throw error;
              },
            );
          if (taken) throw new PulseError('TEAM_KEY_TAKEN');
          return readTeam(tx, id);
        }),
    }),
    route({
      method: 'DELETE',
      path: '/teams/:id',
      summary: 'Delete a team with its membership history and ownerships (people and repositories stay).',
      tag: 'teams',
      auth: 'admin',
      status: 204,
      handler: ({ principal, request }) =>
        change(principal.tenantId, async (tx) => {
          const deleted = await tx.query('delete from teams where id = $1', [teamId(request)]);
          if (deleted.rowCount === 0)
            throw new PulseError('NOT_FOUND', {
              message: `There is no team ${teamId(request)} in this tenant.`,
            });
        }),
    }),
    route<{ history: boolean }>({
      method: 'GET',
      path: '/teams/:id/members',
      summary: 'Members of a team; `history=true` adds past memberships.',
      tag: 'teams',
      auth: 'viewer',
      query: z.strictObject({
        history: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
      }),
      response: z.object({ items: z.array(memberItem) }),
      handler: ({ principal, request, query }) =>
        withTenant(db, principal.tenantId, async (tx) => {
          const id = teamId(request);
          await readTeam(tx, id);
          const rows = await tx.query<{ item: z.infer<typeof memberItem> }>(
            `select json_build_object('personId', p.id, 'displayName', p.display_name, 'email', p.primary_email,
               'role', m.role, 'validFrom', m.valid_from, 'validTo', m.valid_to) as item
             from team_members m join people p on p.tenant_id = m.tenant_id and p.id = m.person_id
             where m.team_id = $1 and ($2 or m.valid_to is null)
             order by p.display_name, m.valid_from`,
            [id, query.history],
          );
          return { items: rows.rows.map((r) => r.item) };
        }),
    }),
    route<undefined, { personId: number; from?: string | undefined; role?: string | undefined }>({
      method: 'POST',
      path: '/teams/:id/members',
      summary: 'Add a person to a team from `from` (default now); their changes from then on count for it.',
      tag: 'teams',
      auth: 'admin',
      status: 201,
      body: z.strictObject({
        personId: z.number().int().positive(),
        from: instant.optional().describe('ISO timestamp; default now.'),
        role: z.string().trim().min(1).max(100).optional(),
      }),
      response: memberItem,
      handler: ({ principal, request, body }) =>
        change(principal.tenantId, async (tx) => {
          const id = teamId(request);
          await readTeam(tx, id);
          const person = await tx.query('select 1 from people where id = $1', [body.personId]);
          if (person.rows.length === 0)
            throw new PulseError('PERSON_NOT_FOUND', {
              message: `No person with id ${body.personId} in this tenant.`,
            });
          const current = await tx.query(
            'select 1 from team_members where team_id = $1 and person_id = $2 and valid_to is null',
            [id, body.personId],
          );
          if (current.rows.length > 0) throw new PulseError('TEAM_MEMBER_EXISTS');
          const rows = await tx.query<{ item: z.infer<typeof memberItem> }>(
            `with added as (
               insert into team_members (tenant_id, team_id, person_id, role, valid_from)
               values ($1, $2, $3, $4, coalesce($5::timestamptz, now())) returning *)
             select json_build_object('personId', p.id, 'displayName', p.display_name, 'email', p.primary_email,
               'role', a.role, 'validFrom', a.valid_from, 'validTo', a.valid_to) as item
             from added a join people p on p.tenant_id = a.tenant_id and p.id = a.person_id`,
            [principal.tenantId, id, body.personId, body.role ?? null, body.from ?? null],
          );
          return rows.rows[0]!.item;
        }),
    }),
    route({
      method: 'DELETE',
      path: '/teams/:id/members/:personId',
      summary: "End a person's current membership now (their past work still counts for the team).",
      tag: 'teams',
      auth: 'admin',
      status: 204,
      handler: ({ principal, request }) =>
        change(principal.tenantId, async (tx) => {
          const id = teamId(request);
          const personId = (request.params as { personId: string }).personId;
          const ended = /^\d{1,18}$/.test(personId)
            ? await tx.query(
                `update team_members set valid_to = greatest(now(), valid_from + interval '1 microsecond')
                 where team_id = $1 and person_id = $2 and valid_to is null`,
                [id, personId],
              )
            : { rowCount: 0 };
          if (ended.rowCount === 0)
            throw new PulseError('NOT_FOUND', {
              message: `Person ${personId} is not a current member of team ${id}.`,
            });
        }),
    }),
    route<undefined, { repositories: string[] }>({
      method: 'PUT',
      path: '/teams/:id/repositories',
      summary: 'Set the repositories a team owns (full names); its deployments count for the team.',
      tag: 'teams',
      auth: 'admin',
      body: z.strictObject({ repositories: z.array(z.string().min(1).max(300)).max(1000) }),
      response: teamItem,
      handler: ({ principal, request, body }) =>
        change(principal.tenantId, async (tx) => {
          const id = teamId(request);
          await readTeam(tx, id);
          const found = await tx.query<{ id: number; full_name: string }>(
            'select id, full_name from repositories where full_name = any($1::text[])',
            [body.repositories],
          );
          const missing = body.repositories.filter((name) => !found.rows.some((r) => r.full_name === name));
          if (missing.length > 0)
            throw new PulseError('VALIDATION_FAILED', {
              message: `body.repositories: no repository ${missing.slice(0, 5).join(', ')} in this tenant.`,
              path: 'body.repositories',
            });
          await tx.query('delete from team_repositories where team_id = $1', [id]);
          await tx.query(
            `insert into team_repositories (tenant_id, team_id, repository_id)
             select $1, $2, unnest($3::bigint[]) on conflict do nothing`,
            [principal.tenantId, id, found.rows.map((r) => r.id)],
          );
          return readTeam(tx, id);
        }),
    }),
  ];
}
