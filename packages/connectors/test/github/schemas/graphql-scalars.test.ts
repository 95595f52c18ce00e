import { describe, expect, it } from 'vitest';
import { scalarViolation } from './graphql-scalars.ts';

describe('scalarViolation', () => {
  it.each([
    ['Int', 2147483647],
    ['Float', 0.5],
    ['ID', 'PR_kwDOABCD1M5mN0pQ'],
    ['BigInt', '9007199254740993'],
    ['DateTime', '2024-03-01T09:12:44Z'],
    ['PreciseDateTime', '2024-03-01T09:12:44.123Z'],
    ['GitTimestamp', '2024-03-01T10:12:44+01:00'],
    ['Date', '2024-03-01'],
    ['GitObjectID', 'acb5820ced9479c074f688cc328bf03f341a511d'],
    ['URI', '/acme/api/pull/1347'],
    ['SomeFutureScalar', { any: 'json' }],
  ])('accepts %s %j', (name, value) => {
    expect(scalarViolation(name, value)).toBeUndefined();
  });

  it.each([
    ['Int', 2147483648, 'a 32-bit integer'],
    ['Int', 1.5, 'a 32-bit integer'],
    ['Float', '0.5', 'a finite number'],
    ['Boolean', 'true', 'a boolean'],
    ['BigInt', 12, 'an integer encoded as a string'],
    ['DateTime', '2024-03-01T10:12:44+01:00', 'UTC date-time'],
    ['DateTime', '2024-13-45T09:12:44Z', 'UTC date-time'],
    ['Date', '01/03/2024', 'YYYY-MM-DD'],
    ['GitObjectID', 'ACB5820CED9479C074F688CC328BF03F341A511D', 'git object ID'],
  ])('rejects %s %j', (name, value, expected) => {
    expect(scalarViolation(name, value)).toContain(expected);
  });
});
