import { describe, expect, it } from 'vitest';
import { matchesAny } from './glob.ts';

describe('matchesAny', () => {
  it('matches the name or owner/name, case-insensitively, with * and ?', () => {
    expect(matchesAny('acme/api-server', ['api-*'])).toBe(true);
    expect(matchesAny('acme/API-server', ['acme/api-*'])).toBe(true);
    expect(matchesAny('acme/web', ['api-*', 'w?b'])).toBe(true);
    expect(matchesAny('acme/web', ['we'])).toBe(false);
    expect(matchesAny('acme/a.b', ['a?b'])).toBe(true);
    expect(matchesAny('acme/axb', ['a.b'])).toBe(false);
  });
});
