/**
 * The tenant's users and their roles (admins), and each user's own preferences. Accounts are
 * global (one login, several tenants); what a tenant admin manages is the membership, and adding
 * an e-mail is an invitation the invitee accepts (invitation-routes.ts): an admin never attaches,
 * or learns about, another tenant's account. A tenant always keeps at least one admin.
 */
import { z } from 'zod';
import { PulseError } from '@pulse/core';
import { asOperator, withTenant, type Db, type Tx } from '@pulse/db';
import { forgetApiKey, revokeKeysOf } from '../auth/api-keys.ts';
import type { Principal } from '../auth/principal.ts';
import { invitationDays, invitationSchema, invite } from './invitation-routes.ts';
import { route, type ApiRoute } from './route.ts';

const roles = ['admin', 'member', 'viewer'] as const;
type Role = (typeof roles)[number];

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(roles),
  createdAt: z.string().describe('When the user joined this tenant.'),
});
const themes = ['system', 'light', 'dark'] as const;
export const preferencesSchema = z.object({ theme: z.enum(themes) });
export type Preferences = z.infer<typeof preferencesSchema>;

const userId = z.string().uuid();

async function listUsers(tx: Tx, id?: string): Promise<z.infer<typeof userSchema>[]> {
  const rows = await tx.query<{
    id: string;
    email: string;
    display_name: string | null;
    role: Role;
    created_at: Date;
  }>(
    `select u.id, u.email, u.display_name, m.role, m.created_at
     from memberships m join users u on u.id = m.user_id
     where $1::uuid is null or u.id = $1::uuid
     order by u.email`,
    [id ?? null],
  );
  return rows.rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    createdAt: r.created_at.toISOString(),
  }));
}

/** The member `id` of the tenant; NOT_FOUND for anyone else (including a malformed id). */
async function member(tx: Tx, request: { params: unknown }) {
  const id = (request.params as { id: string }).id;
  const found = userId.safeParse(id).success ? await listUsers(tx, id) : [];
  if (found[0] === undefined)
    throw new PulseError('NOT_FOUND', { message: `There is no user ${id} in this tenant.` });
  return found[0];
}

/** Refuses a change that would leave the tenant without an admin (run after making it). */
async function keepAnAdmin(tx: Tx): Promise<void> {
  const admins = await tx.query("select 1 from memberships where role = 'admin' limit 1");
  if (admins.rows.length === 0) throw new PulseError('LAST_ADMIN');
}

const actorOf = (principal: Principal) =>
  principal.userId === null ? `api-key:${principal.keyId}` : `user:${principal.userId}`;

async function audit(tx: Tx, principal: Principal, action: string, target: string, details: object) {
  await tx.query(
    'insert into audit_log (tenant_id, actor, action, target, details) values ($1, $2, $3, $4, $5)',
    [principal.tenantId, actorOf(principal), action, target, details],
  );
}

/** The stored preferences of a user, with defaults for what was never set. */
export function preferencesOf(stored: unknown): Preferences {
  const parsed = preferencesSchema.partial().safeParse(stored ?? {});
  return { theme: (parsed.success ? parsed.data.theme : undefined) ?? 'system' };
}

export function userRoutes(deps: { db: Db }): ApiRoute[] {
  const { db } = deps;
  return [
    route({
      method: 'GET',
      path: '/users',
      summary: "The tenant's users with their roles.",
      tag: 'users',
      auth: 'admin',
      response: z.object({ items: z.array(userSchema) }),
      handler: async ({ principal }) => ({
        items: await withTenant(db, principal.tenantId, (tx) => listUsers(tx)),
      }),
    }),
    route<undefined, { email: string; role: Role }>({
      method: 'POST',
      path: '/users',
      summary:
        'Invite an e-mail to the tenant. Nothing is attached until the invitee accepts (an existing account, after logging in) or redeems the one-time `code` (an e-mail without an account, choosing its password). The answer is the same whether or not the e-mail has an account.',
      tag: 'users',
      auth: 'admin',
      status: 202,
      body: z.strictObject({
        email: z.string().max(320),
        role: z.enum(roles),
      }),
      response: z.object({
        invitation: invitationSchema,
        code: z
          .string()
          .describe(
            `One-time code for the invitee, shown once: POST /invitations/redeem with it creates the account of an e-mail that has none. Expires after ${invitationDays} days.`,
          ),
      }),
      handler: ({ principal, body }) => invite(db, principal, actorOf(principal), body),
    }),
    route<undefined, { role: Role }>({
      method: 'PATCH',
      path: '/users/:id',
      summary: "Change a user's role in this tenant.",
      tag: 'users',
      auth: 'admin',
      body: z.strictObject({ role: z.enum(roles) }),
      response: userSchema,
      handler: async ({ principal, request, body }) => {
        const { user, revokedKeys } = await withTenant(db, principal.tenantId, async (tx) => {
          const user = await member(tx, request);
          await tx.query('update memberships set role = $1 where user_id = $2', [body.role, user.id]);
          await keepAnAdmin(tx);
          // Only admins make keys: one who is no admin any more keeps none.
          const revokedKeys = body.role === 'admin' ? [] : await revokeKeysOf(tx, user.id);
          await audit(tx, principal, 'user.role', user.email, {
            from: user.role,
            to: body.role,
            ...(revokedKeys.length === 0 ? {} : { revokedApiKeys: revokedKeys }),
          });
          return { user, revokedKeys };
        });
        revokedKeys.forEach(forgetApiKey);
        return { ...user, role: body.role };
      },
    }),
    route({
      method: 'DELETE',
      path: '/users/:id',
      summary: 'Remove a user from this tenant (the account and its other tenants stay).',
      tag: 'users',
      auth: 'admin',
      status: 204,
      handler: async ({ principal, request }) => {
        const revokedKeys = await withTenant(db, principal.tenantId, async (tx) => {
          const user = await member(tx, request);
          await tx.query('delete from refresh_tokens where user_id = $1', [user.id]);
          await tx.query('delete from memberships where user_id = $1', [user.id]);
          await keepAnAdmin(tx);
          const revokedKeys = await revokeKeysOf(tx, user.id);
          await audit(tx, principal, 'user.remove', user.email, {
            role: user.role,
            ...(revokedKeys.length === 0 ? {} : { revokedApiKeys: revokedKeys }),
          });
          return revokedKeys;
        });
        revokedKeys.forEach(forgetApiKey);
      },
    }),
    route<undefined, { theme?: Preferences['theme'] | undefined }>({
      method: 'PATCH',
      path: '/me/preferences',
      summary: "Change the caller's own preferences (the dashboard theme); kept per user, in every tenant.",
      tag: 'auth',
      auth: 'viewer',
      body: z.strictObject({ theme: z.enum(themes).optional() }),
      response: preferencesSchema,
      handler: async ({ principal, body }) => {
        const id = principal.userId;
        if (id === null) throw new PulseError('PREFERENCES_NEED_USER');
        const update = (tx: Tx) =>
          tx.query<{ preferences: unknown }>(
            `update users set preferences = preferences || $2::jsonb, updated_at = now()
             where id = $1 returning preferences`,
            [id, JSON.stringify(body)],
          );
        const own = await withTenant(db, principal.tenantId, update);
        if (own.rows[0] !== undefined) return preferencesOf(own.rows[0].preferences);
        // An operator in a tenant it is no member of: its own row is outside the tenant's view.
        const stored = await asOperator(
          db,
          { actor: actorOf(principal), action: 'user.preferences', target: id },
          async (tx) => ({ tenantId: null, result: (await update(tx)).rows[0]?.preferences }),
        );
        return preferencesOf(stored);
      },
    }),
  ];
}
