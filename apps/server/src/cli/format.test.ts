import { describe, expect, it } from 'vitest';
import { formatDuration, formatNumber, formatPercent } from './format.ts';

describe('terminal formatting', () => {
  it.each([
    [null, '—'],
    [0, '0s'],
    [59.6, '1m 0s'],
    [90, '1m 30s'],
    [3600, '1h 0m'],
    [14.5 * 3600, '14h 30m'],
    [50 * 3600, '2d 2h'],
  ])('formats %s seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('formats ratios and numbers', () => {
    expect(formatPercent(2 / 9)).toBe('22.2 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(3)).toBe('3');
  });
});
