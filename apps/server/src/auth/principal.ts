/**
 * Who is calling: the bearer credential of a request (an access token or an API key) turned into
 * a principal, with the role and the session read from the database on every request, so a
 * removed member, a demoted admin or a logged-out session loses access at once rather than when
 * the token expires.
 */
import { PulseError } from '@pulse/core';
import { readAsOperator, withTenant, type Db } from '@pulse/db';
import { verifyAccessToken, type Role, type TokenKeys } from './access-token.ts';
import { isApiKey, verifyApiKey } from './api-keys.ts';

export interface Principal {
  readonly kind: 'user' | 'api_key';
  /** The user (null for an API key). */
  readonly userId: string | null;
  readonly keyId: string | null;
  /** For an API key: the user who made it (null for a key made by a `pulse` command). */
  readonly keyOwnerId: string | null;
  readonly tenantId: string;
  readonly role: Role;
  readonly operator: boolean;
}

/**
 * A session is live while its family has an unrevoked refresh token of this user. Rotation marks
 * tokens used, never revoked; logout, replay detection and removal revoke (or delete) them all.
 * Read on every request, uncached: one indexed lookup (refresh_tokens_family_idx) is the price
 * of a revocation that holds at once on every node. $1 is the user, $2 the session.
 */
const liveSession = `select 1 from refresh_tokens r
  where r.family_id = $2 and r.user_id = $1 and r.revoked_at is null`;

const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

export async function authenticate(
  db: Db,
  keys: TokenKeys,
  authorization: string | undefined,
): Promise<Principal> {
  if (authorization === undefined || authorization.trim() === '') throw new PulseError('AUTH_REQUIRED');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (match === null)
    throw new PulseError('AUTH_REQUIRED', { message: 'The Authorization header must be "Bearer <token>".' });
  const token = match[1]!;
  if (isApiKey(token)) {
    const key = await verifyApiKey(db, token);
    return {
      kind: 'api_key',
      userId: null,
      keyId: key.keyId,
      keyOwnerId: key.ownerId,
      tenantId: key.tenantId,
      role: key.role,
      operator: false,
    };
  }
  const claims = await verifyAccessToken(keys, token);
  const gone = new PulseError('AUTH_TOKEN_INVALID', {
    message: 'The account of this token has no access to its tenant any more.',
  });
  const ended = new PulseError('AUTH_TOKEN_INVALID', {
    message: 'The session of this token has ended (logged out or revoked).',
  });
  if (claims.op) {
    const operator = await readAsOperator(db, (tx) =>
      tx.query(
        `select 1 from users where id = $1 and is_operator and disabled_at is null
         and exists (${liveSession})`,
        [claims.sub, claims.sid],
      ),
    );
    if (operator.rows.length === 0) throw ended;
    return {
      kind: 'user',
      userId: claims.sub,
      keyId: null,
      keyOwnerId: null,
      tenantId: claims.tid,
      role: 'admin',
      operator: true,
    };
  }
  const member = await withTenant(db, claims.tid, (tx) =>
    tx.query<{ role: Role; live: boolean }>(
      `select m.role, exists (${liveSession}) as live
       from memberships m join users u on u.id = m.user_id
       where m.user_id = $1 and u.disabled_at is null`,
      [claims.sub, claims.sid],
    ),
  );
  const row = member.rows[0];
  if (row === undefined) throw gone;
  if (!row.live) throw ended;
  const role = row.role;
  return {
    kind: 'user',
    userId: claims.sub,
    keyId: null,
    keyOwnerId: null,
    tenantId: claims.tid,
    role,
    operator: false,
  };
}

export function requireRole(principal: Principal, needed: Role): void {
  if (rank[principal.role] < rank[needed])
    throw new PulseError('AUTH_FORBIDDEN', {
      message: `This needs the ${needed} role; yours is ${principal.role}.`,
    });
}
