import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PulseError } from '../errors.ts';
import { createKeyring, generateSecretKey, open, parseSecretKey, seal, sealedKeyId } from './keyring.ts';

const keyA = parseSecretKey(generateSecretKey());
const keyB = parseSecretKey(generateSecretKey());

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof PulseError ? error.code : `not a PulseError: ${String(error)}`;
  }
  return undefined;
}

describe('secret keyring (AES-256-GCM)', () => {
  it('parses 32-byte keys as base64, base64url or hex and derives a stable key id', () => {
    const bytes = randomBytes(32);
    const ids = [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')].map(
      (text) => parseSecretKey(text).id,
    );
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{12}$/);
    expect(parseSecretKey(bytes.toString('base64')).id).not.toBe(keyA.id);
  });

  it.each(['short', randomBytes(16).toString('base64'), randomBytes(31).toString('hex'), '!'.repeat(44)])(
    'rejects %s as SECRET_KEY_INVALID without echoing it',
    (text) => {
      expect(codeOf(() => parseSecretKey(text))).toBe('SECRET_KEY_INVALID');
      try {
        parseSecretKey(text);
      } catch (error) {
        expect((error as Error).message).not.toContain(text);
      }
    },
  );

  it('round-trips a value and never stores it in the clear', () => {
    const ring = createKeyring(keyA);
    const sealed = seal(ring, 'ghp_supersecrettoken', 'tenant-1:integration-7');
    expect(sealed).not.toContain('ghp_supersecrettoken');
    expect(sealed.startsWith(`v1.${keyA.id}.`)).toBe(true);
    expect(sealedKeyId(sealed)).toBe(keyA.id);
    expect(open(ring, sealed, 'tenant-1:integration-7')).toBe('ghp_supersecrettoken');
    expect(seal(ring, 'same', 'ad')).not.toBe(seal(ring, 'same', 'ad')); // fresh IV each time
  });

  it('refuses a value moved to another record (associated data differs)', () => {
    const ring = createKeyring(keyA);
    const sealed = seal(ring, 'token', 'tenant-1:integration-7');
    expect(codeOf(() => open(ring, sealed, 'tenant-2:integration-7'))).toBe('SECRET_DECRYPT_FAILED');
  });

  it('detects tampering', () => {
    const ring = createKeyring(keyA);
    const parts = seal(ring, 'token', 'ad').split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(codeOf(() => open(ring, parts.join('.'), 'ad'))).toBe('SECRET_DECRYPT_FAILED');
    expect(codeOf(() => open(ring, 'garbage', 'ad'))).toBe('SECRET_DECRYPT_FAILED');
  });

  it('opens values under previous keys and reports an unknown key id', () => {
    const old = seal(createKeyring(keyA), 'token', 'ad');
    const rotated = createKeyring(keyB, [keyA]);
    expect(open(rotated, old, 'ad')).toBe('token');
    expect(sealedKeyId(seal(rotated, 'token', 'ad'))).toBe(keyB.id);
    expect(codeOf(() => open(createKeyring(keyB), old, 'ad'))).toBe('SECRET_KEY_UNKNOWN');
  });
});
