import { describe, expect, it } from 'vitest';
import { parseInstant, validatePeriod } from './period.ts';

describe('period bounds', () => {
  it('reads a date as midnight in the time zone, across daylight-saving changes', () => {
    expect(parseInstant('2026-03-02', 'UTC', 'from').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(parseInstant('2026-03-02', 'Europe/Berlin', 'from').toISOString()).toBe(
      '2026-03-01T23:00:00.000Z',
    );
    expect(parseInstant('2026-03-30', 'Europe/Berlin', 'to').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(parseInstant('2026-03-09', 'America/New_York', 'to').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    expect(parseInstant('2026-03-01T12:00:00+02:00', 'UTC', 'from').toISOString()).toBe(
      '2026-03-01T10:00:00.000Z',
    );
  });

  it.each(['yesterday', '2026-02-30', '2026-13-01', '2026-03-01T12:00:00'])('rejects %s', (text) => {
    expect(() => parseInstant(text, 'UTC', '--from')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: `--from "${text}" is not a date.` }),
    );
  });

  it('rejects an unknown time zone before reading the date', () => {
    expect(() => parseInstant('2026-03-02', 'Mars/Base', '--from')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'Unknown time zone "Mars/Base".' }),
    );
  });

  it('rejects empty periods and unknown zones', () => {
    const a = new Date('2026-03-01T00:00:00Z');
    expect(() => validatePeriod(a, a, 'UTC')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => validatePeriod(a, new Date('2026-04-01T00:00:00Z'), 'Nowhere/City')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

it('refuses instants outside 1970..9999, year 0000 included', () => {
  for (const text of ['0000-01-01', '0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '0001-01-01'])
    expect(() => parseInstant(text, 'UTC', '--from'), text).toThrow(/is not a date/);
  expect(parseInstant('1970-01-01', 'UTC', '--from').toISOString()).toBe('1970-01-01T00:00:00.000Z');
  expect(parseInstant('9999-12-31', 'UTC', '--to').toISOString()).toBe('9999-12-31T00:00:00.000Z');
});
