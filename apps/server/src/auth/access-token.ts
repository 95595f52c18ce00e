/**
 * Access tokens: short-lived JWTs (HS256) signed with a key derived from the keyring's current
 * key, named by `kid`, so rotating the keyring (PULSE_SECRET_KEY_PREVIOUS) keeps tokens signed
 * under the previous key valid until they expire. Only HS256 with a known kid is accepted:
 * `alg: none`, other algorithms, a tampered claim or a foreign key fail verification.
 */
import { hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { PulseError, isUuid, type Keyring } from '@pulse/core';

export type Role = 'admin' | 'member' | 'viewer';

export interface AccessClaims {
  /** The user id. */
  readonly sub: string;
  /** The tenant the session is for. */
  readonly tid: string;
  /** Platform operator: may act in any tenant as admin. */
  readonly op: boolean;
  /**
   * The session (refresh-token family) the token belongs to: every request checks it is still
   * live, so logout or a replayed refresh token ends the access token at once, on every node.
   */
  readonly sid: string;
}

const issuer = 'pulse';
const audience = 'pulse-api';
export const accessTokenSeconds = 15 * 60;

export interface TokenKeys {
  readonly currentId: string;
  readonly byId: ReadonlyMap<string, Uint8Array>;
}

/** The signing keys of `keyring`: one per keyring key, derived so they are never the sealing key. */
export function tokenKeys(keyring: Keyring): TokenKeys {
  const byId = new Map<string, Uint8Array>();
  for (const [id, key] of keyring.keys)
    byId.set(id, new Uint8Array(hkdfSync('sha256', key.bytes, new Uint8Array(0), 'pulse access tokens', 32)));
  return { currentId: keyring.current.id, byId };
}

export async function signAccessToken(
  keys: TokenKeys,
  claims: AccessClaims,
  now = new Date(),
): Promise<string> {
  const seconds = Math.floor(now.getTime() / 1000);
  return new SignJWT({ tid: claims.tid, op: claims.op, sid: claims.sid })
    .setProtectedHeader({ alg: 'HS256', kid: keys.currentId, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + accessTokenSeconds)
    .sign(keys.byId.get(keys.currentId)!);
}

/** The claims of a valid token; AUTH_TOKEN_INVALID (with the reason) otherwise. */
export async function verifyAccessToken(keys: TokenKeys, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid === undefined ? undefined : keys.byId.get(header.kid);
        if (key === undefined)
          throw new PulseError('AUTH_TOKEN_INVALID', { message: 'The token names an unknown key.' });
        return key;
      },
      { algorithms: ['HS256'], issuer, audience, requiredClaims: ['sub', 'exp', 'tid', 'sid'] },
    );
    const { tid, sid } = payload;
    if (typeof tid !== 'string' || !isUuid(tid) || !isUuid(payload.sub ?? ''))
      throw new PulseError('AUTH_TOKEN_INVALID', { message: 'The token lacks its tenant or user.' });
    if (typeof sid !== 'string' || !isUuid(sid))
      throw new PulseError('AUTH_TOKEN_INVALID', { message: 'The token names no session.' });
    return { sub: payload.sub!, tid, op: payload.op === true, sid };
  } catch (error) {
    if (error instanceof PulseError) throw error;
    if (error instanceof joseErrors.JWTExpired)
      throw new PulseError('AUTH_TOKEN_INVALID', { message: 'The access token has expired.' });
    if (error instanceof joseErrors.JOSEError)
      throw new PulseError('AUTH_TOKEN_INVALID', {
        message: `The access token was rejected (${error.code}).`,
      });
    throw error;
  }
}
