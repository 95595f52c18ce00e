import { describe, expect, it } from 'vitest';
import { PulseError, errorRegistry, isErrorCode, isPulseError } from './errors.ts';

describe('error registry', () => {
  it('gives every code an HTTP status, a sentence and an actionable hint', () => {
    for (const [code, spec] of Object.entries(errorRegistry)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.status, code).toBeLessThan(600);
      expect(spec.message, code).toMatch(/^[A-Z].*\.$/);
      expect(spec.hint.length, code).toBeGreaterThan(10);
    }
  });

  it('builds errors that carry the code, status and hint, with specifics overriding the defaults', () => {
    const plain = new PulseError('TENANT_NOT_FOUND');
    expect(plain.toJSON()).toEqual({
      code: 'TENANT_NOT_FOUND',
      message: errorRegistry.TENANT_NOT_FOUND.message,
      hint: errorRegistry.TENANT_NOT_FOUND.hint,
    });
    expect(plain.status).toBe(404);
    const specific = new PulseError('TENANT_NOT_FOUND', { message: 'No tenant "x".', hint: 'Try acme.' });
    expect(specific.message).toBe('No tenant "x".');
    expect(specific.hint).toBe('Try acme.');
    expect(isPulseError(specific)).toBe(true);
    expect(isPulseError(new Error('bug'))).toBe(false);
  });

  it('recognises registered codes only', () => {
    expect(isErrorCode('CONFIG_INVALID')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('NOPE')).toBe(false);
  });
});
