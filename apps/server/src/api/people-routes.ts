/**
 * People and their accounts in each source (identities), and merging two people found to be the
 * same (e.g. a GitHub login and a work e-mail of git commits that did not share an address).
 */
import { z } from 'zod';
import { withTenant, type Db } from '@pulse/db';
import { mergePeople } from '@pulse/sync';
import type { FactsRefresher } from '../facts-refresher.ts';
import type { StreamBus } from '../stream/bus.ts';
import { listRoute } from './list.ts';
import { numericId, route, type ApiRoute } from './route.ts';

const identity = z.object({
  source: z.string(),
  externalId: z.string(),
  login: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
});
const personItem = z.object({
  id: z.number().int(),
  displayName: z.string(),
  email: z.string().nullable(),
  isBot: z.boolean(),
  identities: z.array(identity),
  teams: z.array(z.string()).describe('Names of the teams the person belongs to now.'),
});

export function peopleRoutes(deps: { db: Db; facts: FactsRefresher; stream: StreamBus }): ApiRoute[] {
  return [
    listRoute(deps.db, {
      path: '/people',
      summary: 'People with their accounts (identities) in each source and their current teams.',
      tag: 'people',
      from: 'people t',
      item: `json_build_object('id', t.id, 'displayName', t.display_name, 'email', t.primary_email, 'isBot', t.is_bot,
        'identities', coalesce((select json_agg(json_build_object('source', i.source, 'externalId', i.external_id,
          'login', i.login, 'email', i.email, 'name', i.name) order by i.source, i.id)
          from identities i where i.person_id = t.id), '[]'::json),
        'teams', coalesce((select json_agg(distinct tm.name) from team_members m
          join teams tm on tm.tenant_id = m.tenant_id and tm.id = m.team_id
          where m.person_id = t.id and m.valid_to is null), '[]'::json))`,
      itemSchema: personItem,
      sorts: { displayName: { expr: 'lower(t.display_name)', type: 'text' } },
      defaultSort: 'displayName',
      defaultOrder: 'asc',
      filters: {
        q: {
          schema: z.string().min(1).max(200).describe('Part of the name, e-mail, login or account id.'),
          where: (p) => `(strpos(lower(t.display_name), lower(${p})) > 0
            or strpos(lower(coalesce(t.primary_email, '')), lower(${p})) > 0
            or exists (select 1 from identities i where i.person_id = t.id and (
              strpos(lower(coalesce(i.login, '')), lower(${p})) > 0 or strpos(lower(coalesce(i.email, '')), lower(${p})) > 0
              or strpos(lower(i.external_id), lower(${p})) > 0)))`,
        },
        bot: {
          schema: z.enum(['true', 'false']).describe('Only bots (true) or only humans (false).'),
          where: (p) => `t.is_bot = (${p})::boolean`,
        },
      },
    }),
    route<undefined, { from: number }>({
      method: 'POST',
      path: '/people/:id/merge',
      summary:
        'Merge person `from` into this one: its identities and team memberships move here, and it is deleted.',
      tag: 'people',
      auth: 'admin',
      body: z.strictObject({ from: z.number().int().positive().describe('The person merged away.') }),
      response: z.object({
        into: z.number().int(),
        from: z.number().int(),
        identities: z.number().int().describe('Identities moved.'),
        memberships: z.number().int().describe('Team memberships moved.'),
      }),
      handler: async ({ principal, request, body }) => {
        const into = Number(numericId(request, 'person'));
        const merged = await withTenant(deps.db, principal.tenantId, (tx) =>
          mergePeople(tx, { into, from: body.from }),
        );
        // Authors changed: changes and PRs may now count for other teams.
        deps.facts.schedule(principal.tenantId);
        deps.stream.publish(principal.tenantId, 'data', { reason: 'people', integrationId: null });
        return merged;
      },
    }),
  ];
}
