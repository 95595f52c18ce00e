/**
 * API keys: `pulse_<prefix>_<secret>`. The prefix (8 hex characters) is stored in clear and shown
 * in listings so a key can be recognised; the key itself is shown once, at creation, and only its
 * SHA-256 is stored (a key has 256 random bits, so a fast hash is as safe as a slow one). Scopes
 * map to roles: read → viewer, write → member, admin → admin.
 *
 * A key made by a user is owned by that user and never acts above the owner's current role: an
 * admin key of a demoted admin acts as what the owner is now, a removed owner's keys stop working
 * (and are revoked by the user routes; a deleted user's by a trigger, 0010_invitations_and_key_owners.sql).
 * Keys made by `pulse` commands have no owner and keep their scope.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { PulseError } from '@pulse/core';
import { readAsOperator, withTenant, type Db, type Tx } from '@pulse/db';
import type { Role } from './access-token.ts';
import { hashToken } from './sessions.ts';

export const apiKeyScopes = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

const keyPattern = /^pulse_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export function isApiKey(token: string): boolean {
  return keyPattern.test(token);
}

export interface CreatedApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  /** The key: shown once, never stored. */
  readonly key: string;
}

export async function createApiKey(
  db: Db,
  tenantId: string,
  input: { name: string; scopes: readonly ApiKeyScope[]; createdBy: string | null; expiresAt?: Date | null },
): Promise<CreatedApiKey> {
  const prefix = randomBytes(4).toString('hex');
  const key = `pulse_${prefix}_${randomBytes(32).toString('base64url')}`;
  const row = await withTenant(db, tenantId, (tx) =>
    tx.query<{ id: string }>(
      `insert into api_keys (tenant_id, name, prefix, key_hash, scopes, created_by, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        tenantId,
        input.name,
        prefix,
        hashToken(key),
        [...input.scopes],
        input.createdBy,
        input.expiresAt ?? null,
      ],
    ),
  );
  return { id: row.rows[0]!.id, name: input.name, prefix, scopes: input.scopes, key };
}

export interface KeyPrincipal {
  readonly keyId: string;
  /** The user who made the key (null: made by a `pulse` command). */
  readonly ownerId: string | null;
  readonly tenantId: string;
  readonly role: Role;
  /** Epoch ms the key expires at (Infinity: never). */
  readonly expiresAt: number;
}

/**
 * Keys verified in the last few seconds, by hash: a script polling the API costs one lookup per
 * interval instead of one per request. Revoking through this process forgets the key at once;
 * another API node honours a revocation within `verifiedForMs`.
 */
const verified = new Map<string, { principal: KeyPrincipal; until: number; expiresAt: number }>();
export const verifiedForMs = 5_000;

/** Forgets the cached verification of a key (it was revoked). */
export function forgetApiKey(keyId: string): void {
  for (const [hash, entry] of verified) if (entry.principal.keyId === keyId) verified.delete(hash);
}

/** The tenant and role of a valid key; AUTH_TOKEN_INVALID for an unknown, revoked or expired one. */
export async function verifyApiKey(db: Db, key: string, now = new Date()): Promise<KeyPrincipal> {
  const hash = hashToken(key);
  const known = verified.get(hash);
  if (known !== undefined && known.until > now.getTime() && known.expiresAt > now.getTime())
    return known.principal;
  const principal = await lookUpApiKey(db, key, hash, now);
  if (verified.size > 10_000) verified.clear();
  verified.set(hash, { principal, until: now.getTime() + verifiedForMs, expiresAt: principal.expiresAt });
  return principal;
}

async function lookUpApiKey(db: Db, key: string, hash: string, now: Date): Promise<KeyPrincipal> {
  const match = keyPattern.exec(key);
  const invalid = new PulseError('AUTH_TOKEN_INVALID', {
    message: 'The API key is unknown, revoked or expired.',
  });
  if (match === null) throw invalid;
  const found = await readAsOperator(db, (tx) =>
    tx.query<{
      id: string;
      tenant_id: string;
      key_hash: string;
      scopes: string[];
      revoked_at: Date | null;
      expires_at: Date | null;
      created_by: string | null;
      owner_role: Role | null;
      owner_operator: boolean | null;
    }>(
      `select k.id, k.tenant_id, k.key_hash, k.scopes, k.revoked_at, k.expires_at, k.created_by,
              m.role as owner_role, u.is_operator and u.disabled_at is null as owner_operator
       from api_keys k
       left join users u on u.id = k.created_by
       left join memberships m on m.tenant_id = k.tenant_id and m.user_id = k.created_by
         and u.disabled_at is null
       where k.prefix = $1`,
      [match[1]],
    ),
  );
  const row = found.rows[0];
  if (row === undefined || !sameHash(row.key_hash, hash)) throw invalid;
  if (row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) throw invalid;
  const scoped: Role = row.scopes.includes('admin')
    ? 'admin'
    : row.scopes.includes('write')
      ? 'member'
      : 'viewer';
  const ceiling = row.created_by === null || row.owner_operator === true ? 'admin' : row.owner_role;
  if (ceiling === null)
    throw new PulseError('AUTH_TOKEN_INVALID', {
      message: 'The owner of this API key is no longer a member of its tenant.',
    });
  await touch(db, row.id, row.tenant_id, now);
  return {
    keyId: row.id,
    ownerId: row.created_by,
    tenantId: row.tenant_id,
    role: lowerRole(scoped, ceiling),
    expiresAt: row.expires_at?.getTime() ?? Infinity,
  };
}

const roleRank: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };
const lowerRole = (a: Role, b: Role): Role => (roleRank[a] <= roleRank[b] ? a : b);

/**
 * Revokes the keys `ownerId` made in the tenant of `tx` (the owner lost the admin role or left);
 * returns their ids. Call forgetApiKey for each after the transaction commits.
 */
export async function revokeKeysOf(tx: Tx, ownerId: string): Promise<string[]> {
  const revoked = await tx.query<{ id: string }>(
    'update api_keys set revoked_at = now() where created_by = $1 and revoked_at is null returning id',
    [ownerId],
  );
  return revoked.rows.map((r) => r.id);
}

/** When each key's last_used_at was last written: once a minute is enough, and a write per request is not. */
const touched = new Map<string, number>();
const touchEveryMs = 60_000;

async function touch(db: Db, keyId: string, tenantId: string, now: Date): Promise<void> {
  const last = touched.get(keyId);
  if (last !== undefined && now.getTime() - last < touchEveryMs) return;
  touched.set(keyId, now.getTime());
  if (touched.size > 10_000) touched.clear();
  await withTenant(db, tenantId, (tx) =>
    tx.query('update api_keys set last_used_at = $2 where id = $1', [keyId, now]),
  );
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
