/**
 * The caller's tenant (name and branding: GET for everyone, PATCH for admins) and, for platform
 * operators, every tenant (list and create). Branding lives in `tenants.settings.branding`.
 */
import { z } from 'zod';
import { createTenant, listTenants, withTenant, type Db, type Tx } from '@pulse/db';
import type { Principal } from '../auth/principal.ts';
import { route, type ApiRoute } from './route.ts';

const maxLogoBytes = 100 * 1024;

const logoUrl = z
  .string()
  .max(Math.ceil((maxLogoBytes * 4) / 3) + 64, 'must be at most 100 kB')
  .refine(
    (value) =>
      /^data:image\/(png|jpeg|svg\+xml|webp);base64,[A-Za-z0-9+/]+={0,2}$/.test(value) ||
      /^https:\/\/[^\s"'<>]+$/.test(value),
    'must be an https:// URL or a data:image/(png|jpeg|svg+xml|webp);base64 URL',
  )
  .describe('The logo shown in the dashboard header: an https URL, or a data URL of at most 100 kB.');
const primaryColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour of the form #1f6feb')
  .describe('The primary colour of the dashboard, #rrggbb.');

export const brandingSchema = z.object({
  logoUrl: z.string().nullable(),
  primaryColor: z.string().nullable(),
});
const tenantSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  branding: brandingSchema,
});
const operatorTenant = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  createdAt: z.string(),
});

const patchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  branding: z
    .strictObject({
      logoUrl: logoUrl.nullable().optional(),
      primaryColor: primaryColor.nullable().optional(),
    })
    .optional(),
});

export type TenantView = z.infer<typeof tenantSchema>;

/** The current tenant of `tx` as the API shows it. */
export async function readTenant(tx: Tx): Promise<TenantView> {
  const rows = await tx.query<{
    id: string;
    slug: string;
    name: string;
    branding: Record<string, unknown> | null;
  }>("select id, slug, name, settings->'branding' as branding from tenants");
  const row = rows.rows[0]!;
  const branding = row.branding ?? {};
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    branding: {
      logoUrl: typeof branding.logoUrl === 'string' ? branding.logoUrl : null,
      primaryColor: typeof branding.primaryColor === 'string' ? branding.primaryColor : null,
    },
  };
}

const actorOf = (principal: Principal) =>
  principal.userId === null ? `api-key:${principal.keyId}` : `user:${principal.userId}`;

export function tenantRoutes(deps: { db: Db }): ApiRoute[] {
  return [
    route({
      method: 'GET',
      path: '/tenant',
      summary: "The caller's tenant: name and branding.",
      tag: 'tenants',
      auth: 'viewer',
      response: tenantSchema,
      handler: ({ principal }) => withTenant(deps.db, principal.tenantId, readTenant),
    }),
    route<undefined, z.infer<typeof patchBody>>({
      method: 'PATCH',
      path: '/tenant',
      summary: 'Rename the tenant or change its branding (logo, primary colour); null clears a value.',
      tag: 'tenants',
      auth: 'admin',
      body: patchBody,
      response: tenantSchema,
      handler: ({ principal, body }) =>
        withTenant(deps.db, principal.tenantId, async (tx) => {
          const branding = Object.fromEntries(
            Object.entries(body.branding ?? {}).filter(([, value]) => value !== undefined),
          );
          await tx.query(
            `update tenants set name = coalesce($1, name),
               settings = jsonb_set(settings, '{branding}', coalesce(settings->'branding', '{}') || $2::jsonb)`,
            [body.name ?? null, JSON.stringify(branding)],
          );
          await tx.query(
            `insert into audit_log (tenant_id, actor, action, details) values ($1, $2, 'tenant.update', $3)`,
            [
              principal.tenantId,
              actorOf(principal),
              { name: body.name ?? null, branding: Object.keys(branding) },
            ],
          );
          return readTenant(tx);
        }),
    }),
    route({
      method: 'GET',
      path: '/tenants',
      summary: 'Every tenant of the installation (platform operators).',
      tag: 'tenants',
      auth: 'operator',
      response: z.object({ items: z.array(operatorTenant) }),
      handler: async () => ({
        items: (await listTenants(deps.db)).map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
      }),
    }),
    route<undefined, { slug: string; name?: string | undefined }>({
      method: 'POST',
      path: '/tenants',
      summary: 'Create a tenant (platform operators); add its first admin with POST /users while in it.',
      tag: 'tenants',
      auth: 'operator',
      status: 201,
      body: z.strictObject({
        slug: z.string().describe('Lower-case letters, digits and dashes, 2 to 63 characters.'),
        name: z.string().trim().min(1).max(200).optional(),
      }),
      response: operatorTenant,
      handler: async ({ principal, body }) => {
        const input = { slug: body.slug, ...(body.name === undefined ? {} : { name: body.name }) };
        const tenant = await createTenant(deps.db, input, actorOf(principal));
        return { ...tenant, createdAt: tenant.createdAt.toISOString() };
      },
    }),
  ];
}
