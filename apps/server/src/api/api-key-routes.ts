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
          }>(
            'select id, name, prefix, scopes, created_at, last_used_at, expires_at, revoked_at from api_keys order by created_at, id',
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
          createdBy: principal.userId,
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
