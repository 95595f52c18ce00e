/**
 * Logins and their sessions. A login checks the password (argon2id), then starts a session: an
 * access token (auth/access-token.ts) and a refresh token. Refresh tokens rotate: each works once
 * and returns a new pair; presenting a used one again means it was copied, so the whole family
 * (every token of that login) is revoked. Logout revokes the family. Failed logins are throttled
 * before they get here (auth/login-throttle.ts); no account is ever locked.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { PulseError, isPulseError } from '@pulse/core';
import { asOperator, findTenant, type Db, type Tx } from '@pulse/db';
import { accessTokenSeconds, signAccessToken, type TokenKeys } from './access-token.ts';
import { hashPassword, verifyPassword } from './password.ts';

export const refreshTokenDays = 30;

export interface Session {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly tenant: { readonly id: string; readonly slug: string };
}

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  readonly tenant?: string | undefined;
}

/** A hash of a random password: an unknown account costs a login the same argon2 time. */
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

type LoginOutcome =
  { readonly kind: 'ok'; readonly session: Session } | { readonly kind: 'failed' | 'ambiguous' };

export async function login(db: Db, keys: TokenKeys, input: LoginInput, now = new Date()): Promise<Session> {
  const email = input.email.trim().toLowerCase();
  const tenant =
    input.tenant === undefined ? undefined : await findTenant(db, input.tenant).catch(unknownTenantAsNull);
  const outcome = await asOperator<LoginOutcome>(
    db,
    { actor: `login:${email}`, action: 'auth.login', target: email },
    async (tx) => {
      const found = await tx.query<{
        id: string;
        password_hash: string | null;
        is_operator: boolean;
        disabled_at: Date | null;
      }>('select id, password_hash, is_operator, disabled_at from users where email = $1', [email]);
      const user = found.rows[0];
      // An unknown e-mail costs the same argon2 time as a wrong password, and writes nothing either.
      const valid = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password).catch(
        () => false,
      );
      if (user === undefined || user.password_hash === null || user.disabled_at !== null || !valid)
        return { tenantId: null, result: { kind: 'failed' } };
      const memberships = await tx.query<{ tenant_id: string; slug: string }>(
        `select m.tenant_id, t.slug from memberships m join tenants t on t.id = m.tenant_id
       where m.user_id = $1 order by t.slug`,
        [user.id],
      );
      const chosen = chooseTenant(memberships.rows, tenant, user.is_operator);
      if (chosen === undefined) {
        // A tenant the account is not a member of looks like a wrong password: no membership oracle.
        const kind = tenant === undefined ? 'ambiguous' : 'failed';
        return { tenantId: null, result: { kind } };
      }
      const session = await startSession(
        tx,
        keys,
        { userId: user.id, tenantId: chosen.tenant_id, operator: user.is_operator },
        randomUUID(),
        now,
      );
      return {
        tenantId: chosen.tenant_id,
        result: {
          kind: 'ok',
          session: { ...session, tenant: { id: chosen.tenant_id, slug: chosen.slug } },
        },
      };
    },
  );
  switch (outcome.kind) {
    case 'ok':
      return outcome.session;
    case 'ambiguous':
      throw new PulseError('LOGIN_TENANT_AMBIGUOUS');
    case 'failed':
      throw new PulseError('LOGIN_FAILED');
  }
}

/** Exchanges a refresh token for a new session; a reused token revokes its family. */
export async function refresh(db: Db, keys: TokenKeys, token: string, now = new Date()): Promise<Session> {
  const outcome = await asOperator<Session | null>(
    db,
    { actor: 'session', action: 'auth.refresh' },
    async (tx) => {
      const found = await tx.query<{
        id: string;
        tenant_id: string;
        user_id: string;
        family_id: string;
        expires_at: Date;
        used_at: Date | null;
        revoked_at: Date | null;
        is_operator: boolean;
        disabled_at: Date | null;
        slug: string;
      }>(
        `select r.id, r.tenant_id, r.user_id, r.family_id, r.expires_at, r.used_at, r.revoked_at,
              u.is_operator, u.disabled_at, t.slug
       from refresh_tokens r join users u on u.id = r.user_id join tenants t on t.id = r.tenant_id
       where r.token_hash = $1 for update of r`,
        [hashToken(token)],
      );
      const row = found.rows[0];
      if (row === undefined) return { tenantId: null, result: null };
      if (row.used_at !== null || row.revoked_at !== null) {
        // Replayed (or already logged out): whoever holds the family's newer tokens is cut off too.
        await revokeFamily(tx, row.family_id, now);
        return { tenantId: row.tenant_id, result: null };
      }
      if (row.expires_at <= now || row.disabled_at !== null) return { tenantId: row.tenant_id, result: null };
      const member = await tx.query('select 1 from memberships where tenant_id = $1 and user_id = $2', [
        row.tenant_id,
        row.user_id,
      ]);
      if (member.rows.length === 0 && !row.is_operator) {
        await revokeFamily(tx, row.family_id, now);
        return { tenantId: row.tenant_id, result: null };
      }
      await tx.query('update refresh_tokens set used_at = $2 where id = $1', [row.id, now]);
      const session = await startSession(
        tx,
        keys,
        { userId: row.user_id, tenantId: row.tenant_id, operator: row.is_operator },
        row.family_id,
        now,
      );
      return {
        tenantId: row.tenant_id,
        result: { ...session, tenant: { id: row.tenant_id, slug: row.slug } },
      };
    },
  );
  if (outcome === null) throw new PulseError('REFRESH_TOKEN_INVALID');
  return outcome;
}

/** Ends the session of `token` (its whole family). Unknown tokens are ignored: logout is idempotent. */
export async function logout(db: Db, token: string, now = new Date()): Promise<void> {
  await asOperator(db, { actor: 'session', action: 'auth.logout' }, async (tx) => {
    const found = await tx.query<{ family_id: string; tenant_id: string }>(
      'select family_id, tenant_id from refresh_tokens where token_hash = $1',
      [hashToken(token)],
    );
    const row = found.rows[0];
    if (row !== undefined) await revokeFamily(tx, row.family_id, now);
    return { tenantId: row?.tenant_id ?? null, result: undefined };
  });
}

async function startSession(
  tx: Tx,
  keys: TokenKeys,
  who: { userId: string; tenantId: string; operator: boolean },
  familyId: string,
  now: Date,
): Promise<Omit<Session, 'tenant'>> {
  const refreshToken = `pulse_rt_${randomBytes(32).toString('base64url')}`;
  await tx.query(
    `insert into refresh_tokens (tenant_id, user_id, family_id, token_hash, expires_at)
     values ($1, $2, $3, $4, $5)`,
    [
      who.tenantId,
      who.userId,
      familyId,
      hashToken(refreshToken),
      new Date(now.getTime() + refreshTokenDays * 86_400_000),
    ],
  );
  const accessToken = await signAccessToken(
    keys,
    { sub: who.userId, tid: who.tenantId, op: who.operator, sid: familyId },
    now,
  );
  return { accessToken, tokenType: 'Bearer', expiresIn: accessTokenSeconds, refreshToken };
}

async function revokeFamily(tx: Tx, familyId: string, now: Date): Promise<void> {
  await tx.query('update refresh_tokens set revoked_at = $2 where family_id = $1 and revoked_at is null', [
    familyId,
    now,
  ]);
}

/** SHA-256 (hex) of a refresh token or API key: what is stored instead of the secret. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A tenant named at login that does not exist fails like a wrong password; other errors stay errors. */
function unknownTenantAsNull(error: unknown): null {
  if (isPulseError(error) && error.code === 'TENANT_NOT_FOUND') return null;
  throw error;
}

/**
 * The tenant a login is for: the one named (a membership, or any existing one for an operator),
 * else the account's only membership; undefined when there is none or several to choose from.
 */
function chooseTenant(
  memberships: readonly { tenant_id: string; slug: string }[],
  named: { id: string; slug: string } | null | undefined,
  operator: boolean,
): { tenant_id: string; slug: string } | undefined {
  if (named === undefined) return memberships.length === 1 ? memberships[0] : undefined;
  if (named === null) return undefined;
  const member = memberships.find((m) => m.tenant_id === named.id);
  return member ?? (operator ? { tenant_id: named.id, slug: named.slug } : undefined);
}
