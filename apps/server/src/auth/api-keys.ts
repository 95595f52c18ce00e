/**
 * API keys: `pulse_<prefix>_<secret>`. The prefix (8 hex characters) is stored in clear and shown
 * in listings so a key can be recognised; the key itself is shown once, at creation, and only its
 * SHA-256 is stored (a key has 256 random bits, so a fast hash is as safe as a slow one). Scopes
 * map to roles: read → viewer, write → member, admin → admin.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PulseError } from '@pulse/core';
import { readAsOperator, withTenant, type Db } from '@pulse/db';
import type { Role } from './access-token.ts';

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
        sha256(key),
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
  readonly tenantId: string;
  readonly role: Role;
}

/** The tenant and role of a valid key; AUTH_TOKEN_INVALID for an unknown, revoked or expired one. */
export async function verifyApiKey(db: Db, key: string, now = new Date()): Promise<KeyPrincipal> {
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
    }>('select id, tenant_id, key_hash, scopes, revoked_at, expires_at from api_keys where prefix = $1', [
      match[1],
    ]),
  );
  const row = found.rows[0];
  if (row === undefined || !sameHash(row.key_hash, sha256(key))) throw invalid;
  if (row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) throw invalid;
  await withTenant(db, row.tenant_id, (tx) =>
    tx.query('update api_keys set last_used_at = $2 where id = $1', [row.id, now]),
  );
  const role: Role = row.scopes.includes('admin')
    ? 'admin'
    : row.scopes.includes('write')
      ? 'member'
      : 'viewer';
  return { keyId: row.id, tenantId: row.tenant_id, role };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
