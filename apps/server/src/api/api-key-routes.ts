/** GET/POST /api-keys and DELETE /api-keys/:id: an admin manages the tenant's API keys. */
import { z } from 'zod';
import { instant, PulseError } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';
import { apiKeyScopes, createApiKey, forgetApiKey } from '../auth/api-keys.ts';
import { route, type ApiRoute } from './route.ts';

const listed = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string().describe('The visible start of the key: pulse_<prefix>_…'),
  scopes: z.array(z.enum(apiKeyScopes)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  owner: z
    .object({
      id: z.string().uuid(),
      email: z.string().nullable().describe('Null once the owner is no longer a member of this tenant.'),
    })
    .nullable()
    .describe(
      'The user who made the key; it never acts above their current role, and is revoked when they lose the admin role or leave. Null: made by a `pulse` command.',
    ),
});

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function apiKeyRoutes(deps: { db: Db }): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/api-keys',
      summary: "The tenant's API keys (never the keys themselves).",
      tag: 'api-keys',
      auth: 'admin',
      response: z.object({ items: z.array(listed) }),
      handler: async ({ principal }) => {
        const rows = await withTenant(deps.db, principal.tenantId, (tx) =>
          tx.query<{
            id: string;
            name: string;
            prefix: string;
            scopes: ('read' | 'write' | 'admin')[];
            created_at: Date;
            last_used_at: Date | null;
            expires_at: Date | null;
            revoked_at: Date | null;
            created_by: string | null;
            owner_email: string | null;
          }>(
            // users is filtered to the tenant's members: a former member's e-mail stays hidden.
            `select k.id, k.name, k.prefix, k.scopes, k.created_at, k.last_used_at, k.expires_at,
                    k.revoked_at, k.created_by, u.email as owner_email
             from api_keys k left join users u on u.id = k.created_by
             order by k.created_at, k.id`,
          ),
        );
        return {
          items: rows.rows.map((r) => ({
            id: r.id,
            name: r.name,
            prefix: r.prefix,
            scopes: r.scopes,
            createdAt: r.created_at.toISOString(),
            lastUsedAt: iso(r.last_used_at),
            expiresAt: iso(r.expires_at),
            revokedAt: iso(r.revoked_at),
            owner: r.created_by === null ? null : { id: r.created_by, email: r.owner_email },
          })),
        };
      },
    }),
    route<
      undefined,
      { name: string; scopes: ('read' | 'write' | 'admin')[]; expiresAt?: string | undefined }
    >({
      method: 'POST',
      path: '/api-keys',
      summary: 'Create an API key; the response holds the key, shown this once.',
      tag: 'api-keys',
      auth: 'admin',
      status: 201,
      body: z.strictObject({
        name: z.string().min(1).max(100),
        scopes: z.array(z.enum(apiKeyScopes)).min(1),
        expiresAt: instant.optional(),
      }),
      response: z.object({
        id: z.string().uuid(),
        name: z.string(),
        prefix: z.string(),
        scopes: z.array(z.enum(apiKeyScopes)),
        key: z.string(),
      }),
      handler: ({ principal, body }) =>
        createApiKey(deps.db, principal.tenantId, {
          name: body.name,
          scopes: [...new Set(body.scopes)],
          // A key made with a key belongs to that key's owner: no chain of keys outlives its user.
          createdBy: principal.userId ?? principal.keyOwnerId,
          expiresAt: body.expiresAt === undefined ? null : new Date(body.expiresAt),
        }),
    }),
    route({
      method: 'DELETE',
      path: '/api-keys/:id',
      summary: 'Revoke an API key: it stops working at once.',
      tag: 'api-keys',
      auth: 'admin',
      status: 204,
      handler: async ({ principal, request }) => {
        const id = (request.params as { id: string }).id;
        const revoked = await withTenant(deps.db, principal.tenantId, (tx) =>
          tx.query(
            `update api_keys set revoked_at = coalesce(revoked_at, now())
             where id::text = $1 returning id`,
            [id],
          ),
        );
        if (revoked.rows.length === 0)
          throw new PulseError('NOT_FOUND', { message: `There is no API key ${id} in this tenant.` });
        forgetApiKey(id);
      },
    }),
  ];
}
