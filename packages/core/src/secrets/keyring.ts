/**
 * Encryption of integration credentials at rest: AES-256-GCM under a keyring.
 *
 * A sealed value is `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is derived
 * from the key itself, so a value names the key that can open it and rotation can find values
 * still sealed under an old key. Callers pass associated data (e.g. tenant + integration id):
 * a sealed value copied onto another row or tenant then fails to open instead of leaking.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { PulseError } from '../errors.ts';

const VERSION = 'v1';
const IV_BYTES = 12;

export interface SecretKey {
  readonly id: string;
  readonly bytes: Buffer;
}

export interface Keyring {
  /** The key new values are sealed under. */
  readonly current: SecretKey;
  /** Every key that may open a value, the current one included. */
  readonly keys: ReadonlyMap<string, SecretKey>;
}

/** Parses a 32-byte key given as base64/base64url (44/43 chars) or hex (64 chars). */
export function parseSecretKey(text: string, source = 'PULSE_SECRET_KEY'): SecretKey {
  const trimmed = text.trim();
  let bytes: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) bytes = Buffer.from(trimmed, 'base64');
  if (bytes?.length !== 32) {
    throw new PulseError('SECRET_KEY_INVALID', {
      message: `${source} is not 32 bytes of base64 or hex (it has ${trimmed.length} characters).`,
    });
  }
  return { id: keyId(bytes), bytes };
}

export function generateSecretKey(): string {
  return randomBytes(32).toString('base64');
}

export function createKeyring(current: SecretKey, previous: readonly SecretKey[] = []): Keyring {
  const keys = new Map<string, SecretKey>();
  for (const key of [current, ...previous]) keys.set(key.id, key);
  return { current, keys };
}

export function seal(keyring: Keyring, plaintext: string, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.bytes, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
  return [VERSION, keyring.current.id, ...parts].join('.');
}

export function open(keyring: Keyring, sealed: string, associatedData: string): string {
  const [version, id, iv, tag, body] = sealed.split('.');
  if (
    version !== VERSION ||
    id === undefined ||
    iv === undefined ||
    tag === undefined ||
    body === undefined
  ) {
    throw new PulseError('SECRET_DECRYPT_FAILED', {
      message: 'A stored secret is not in a format Pulse knows.',
    });
  }
  const key = keyring.keys.get(id);
  if (key === undefined) {
    throw new PulseError('SECRET_KEY_UNKNOWN', {
      message: `A stored secret was encrypted under key ${id}, which Pulse was not given.`,
    });
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (cause) {
    throw new PulseError('SECRET_DECRYPT_FAILED', { cause });
  }
}

/** The key id of a sealed value, without opening it. */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split('.')[1];
}

function keyId(bytes: Buffer): string {
  return createHash('sha256').update('pulse-secret-key-id:').update(bytes).digest('hex').slice(0, 12);
}
