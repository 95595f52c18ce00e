/**
 * Device tokens: proof that a login of this e-mail once succeeded on this device. Handed out with
 * every successful login and shown back with the next ones, a device token lets the owner past the
 * per-account throttle (auth/login-throttle.ts) that a stranger guessing from elsewhere fills: a
 * stranger cannot lock the owner out. It grants nothing else: the password is still checked, and
 * the device's own failures are throttled in a bucket of their own.
 *
 * A JWT (HS256, keys of auth/access-token.ts) with its own audience, so it is never mistaken for
 * an access token; it names the e-mail by its SHA-256 only and the device by a random id.
 */
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { TokenKeys } from './access-token.ts';

const issuer = 'pulse';
const audience = 'pulse-device';
export const deviceTokenDays = 90;

const emailHash = (email: string) => createHash('sha256').update(email).digest('base64url');

/** A device token for `email` (normalised), valid `deviceTokenDays`. */
export function signDeviceToken(
  keys: TokenKeys,
  email: string,
  device: string = randomUUID(),
  now = new Date(),
): Promise<string> {
  const seconds = Math.floor(now.getTime() / 1000);
  return new SignJWT({ eh: emailHash(email) })
    .setProtectedHeader({ alg: 'HS256', kid: keys.currentId, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setJti(device)
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + deviceTokenDays * 86_400)
    .sign(keys.byId.get(keys.currentId)!);
}

/** The device id of a valid token for `email`; null for anything else (absent, forged, expired, another e-mail). */
export async function deviceOf(
  keys: TokenKeys,
  token: string | undefined,
  email: string,
): Promise<string | null> {
  if (token === undefined) return null;
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid === undefined ? undefined : keys.byId.get(header.kid);
        if (key === undefined) throw new Error('unknown key');
        return key;
      },
      { algorithms: ['HS256'], issuer, audience, requiredClaims: ['jti', 'exp', 'eh'] },
    );
    return payload.eh === emailHash(email) ? payload.jti! : null;
  } catch {
    return null;
  }
}
