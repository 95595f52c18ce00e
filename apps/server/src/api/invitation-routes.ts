/**
 * Invitations: how an e-mail joins a tenant. A tenant admin invites (POST /users answers 202 with
 * the invitation and a one-time code, the same whether the e-mail has an account or not); the
 * invitee either logs in and accepts (GET /invitations, POST /invitations/:id/accept), or, for an
 * e-mail without an account, redeems the code with a password of their choosing (POST
 * /invitations/redeem), which creates the account. Until then no membership exists: the tenant
 * learns nothing about the account, and its tenant-less login keeps working.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PulseError, isEmail } from '@pulse/core';
import { asOperator, readAsOperator, withTenant, type Db, type Tx } from '@pulse/db';
import { hashPassword } from '../auth/password.ts';
import type { Principal } from '../auth/principal.ts';
import { hashToken } from '../auth/sessions.ts';
import { route, type ApiRoute } from './route.ts';

export const invitationDays = 7;
const roles = ['admin', 'member', 'viewer'] as const;
type Role = (typeof roles)[number];

export const invitationSchema = z.object({
  id: z.string().uuid(),
  email: z.string().describe('The e-mail invited, as given (normalised).'),
  role: z.enum(roles),
  createdAt: z.string(),
  expiresAt: z.string(),
});

interface InvitationRow {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
}

const toInvitation = (r: InvitationRow) => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
});

const invalid = () => new PulseError('INVITATION_INVALID');

/**
 * Invites `email` to the tenant of `principal`, replacing a pending invitation of the same e-mail.
 * The answer depends only on the input, never on whether the e-mail has an account; a current
 * member (whom the admin sees in GET /users anyway) is refused with USER_ALREADY_MEMBER.
 */
export async function invite(
  db: Db,
  principal: Principal,
  actor: string,
  input: { email: string; role: Role },
): Promise<{ invitation: z.infer<typeof invitationSchema>; code: string }> {
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email))
    throw new PulseError('USER_EMAIL_INVALID', {
      message: `"${input.email}" is not a valid e-mail address.`,
    });
  const code = `pulse_inv_${randomBytes(24).toString('base64url')}`;
  const row = await withTenant(db, principal.tenantId, async (tx) => {
    // users is filtered to the tenant's members: this finds members only, nobody else.
    const member = await tx.query('select 1 from users where email = $1', [email]);
    if (member.rows.length > 0)
      throw new PulseError('USER_ALREADY_MEMBER', {
        message: `${email} is already a member of this tenant.`,
      });
    await tx.query('delete from invitations where email = $1 and accepted_at is null', [email]);
    const inserted = await tx.query<InvitationRow>(
      `insert into invitations (tenant_id, email, role, code_hash, invited_by, expires_at)
       values ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
       returning id, tenant_id, email, role, created_at, expires_at`,
      [principal.tenantId, email, input.role, hashToken(code), actor, invitationDays],
    );
    await tx.query(
      'insert into audit_log (tenant_id, actor, action, target, details) values ($1, $2, $3, $4, $5)',
      [principal.tenantId, actor, 'user.invite', email, { role: input.role }],
    );
    return inserted.rows[0]!;
  });
  return { invitation: toInvitation(row), code };
}

/** Adds the membership of `inv` for `userId` and marks it accepted (in an operator transaction). */
async function join(tx: Tx, inv: InvitationRow, userId: string): Promise<void> {
  await tx.query(
    'insert into memberships (tenant_id, user_id, role) values ($1, $2, $3) on conflict do nothing',
    [inv.tenant_id, userId, inv.role],
  );
  await tx.query('update invitations set accepted_at = now(), accepted_by = $2 where id = $1', [
    inv.id,
    userId,
  ]);
}

const accepted = z.object({
  tenant: z.object({ id: z.string().uuid(), slug: z.string(), name: z.string() }),
  role: z.enum(roles),
});

async function tenantOf(tx: Tx, id: string) {
  const found = await tx.query<{ id: string; slug: string; name: string }>(
    'select id, slug, name from tenants where id = $1',
    [id],
  );
  return found.rows[0]!;
}

export function invitationRoutes(deps: { db: Db }): ApiRoute[] {
  const { db } = deps;
  const pending = `select i.id, i.tenant_id, i.email, i.role, i.created_at, i.expires_at
    from invitations i join users u on u.email = i.email
    where u.id = $1 and i.accepted_at is null and i.expires_at > now()`;
  return [
    route({
      method: 'GET',
      path: '/invitations',
      summary: "Pending invitations of the caller's account, in any tenant (none for an API key).",
      tag: 'users',
      auth: 'viewer',
      response: z.object({
        items: z.array(
          invitationSchema.extend({
            tenant: z.object({ id: z.string().uuid(), slug: z.string(), name: z.string() }),
          }),
        ),
      }),
      handler: async ({ principal }) => {
        if (principal.userId === null) return { items: [] };
        const rows = await readAsOperator(db, (tx) =>
          tx.query<InvitationRow & { slug: string; name: string }>(
            `select p.*, t.slug, t.name from (${pending}) p join tenants t on t.id = p.tenant_id
             order by p.created_at`,
            [principal.userId],
          ),
        );
        return {
          items: rows.rows.map((r) => ({
            ...toInvitation(r),
            tenant: { id: r.tenant_id, slug: r.slug, name: r.name },
          })),
        };
      },
    }),
    route({
      method: 'POST',
      path: '/invitations/:id/accept',
      summary:
        "Accept an invitation to the caller's account: it becomes a member of that tenant (log in to it by naming it).",
      tag: 'users',
      auth: 'viewer',
      response: accepted,
      handler: async ({ principal, request }) => {
        const id = (request.params as { id: string }).id;
        const userId = principal.userId;
        if (userId === null || !z.string().uuid().safeParse(id).success) throw invalid();
        return asOperator(
          db,
          { actor: `user:${userId}`, action: 'user.invitation.accept', target: id },
          async (tx) => {
            const found = await tx.query<InvitationRow>(`${pending} and i.id = $2 for update of i`, [
              userId,
              id,
            ]);
            const inv = found.rows[0];
            if (inv === undefined) throw invalid();
            await join(tx, inv, userId);
            return {
              tenantId: inv.tenant_id,
              result: { tenant: await tenantOf(tx, inv.tenant_id), role: inv.role },
            };
          },
        );
      },
    }),
    route<undefined, { code: string; password: string; displayName?: string | undefined }>({
      method: 'POST',
      path: '/invitations/redeem',
      summary:
        'Create the account of an invited e-mail that has none, with its own password, and join the tenant. An e-mail that already has an account logs in and accepts instead.',
      tag: 'users',
      auth: 'public',
      status: 201,
      body: z.strictObject({
        code: z.string().min(1).max(200),
        password: z.string().min(12, 'must be at least 12 characters').max(1000),
        displayName: z.string().trim().min(1).max(200).optional(),
      }),
      response: accepted.extend({ email: z.string() }),
      handler: async ({ body }) => {
        const passwordHash = await hashPassword(body.password);
        return asOperator(db, { actor: 'invitation', action: 'user.invitation.redeem' }, async (tx) => {
          const found = await tx.query<InvitationRow>(
            `select id, tenant_id, email, role, created_at, expires_at from invitations
             where code_hash = $1 and accepted_at is null and expires_at > now() for update`,
            [hashToken(body.code)],
          );
          const inv = found.rows[0];
          if (inv === undefined) throw invalid();
          const created = await tx.query<{ id: string }>(
            `insert into users (email, display_name, password_hash) values ($1, $2, $3)
             on conflict (email) do nothing returning id`,
            [inv.email, body.displayName ?? null, passwordHash],
          );
          // An existing account is never taken over with a code: its owner logs in and accepts.
          if (created.rows[0] === undefined)
            throw new PulseError('INVITATION_INVALID', {
              hint: 'If the invited e-mail already has a Pulse account, log in with it and accept the invitation (GET /api/v1/invitations).',
            });
          await join(tx, inv, created.rows[0].id);
          return {
            tenantId: inv.tenant_id,
            result: { tenant: await tenantOf(tx, inv.tenant_id), role: inv.role, email: inv.email },
          };
        });
      },
    }),
  ];
}
