import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date.ts';
import { formatDuration } from './format-duration.ts';
import { formatNumber } from './format-number.ts';
import { formatPercent } from './format-percent.ts';

describe('formatDuration', () => {
  it('picks the unit by size and keeps one decimal for hours and days', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(59.6)).toBe('60 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(3599)).toBe('60 min');
    expect(formatDuration(3600)).toBe('1.0 h');
    expect(formatDuration(5.25 * 3600)).toBe('5.3 h');
    expect(formatDuration(47.9 * 3600)).toBe('47.9 h');
    expect(formatDuration(48 * 3600)).toBe('2.0 d');
    expect(formatDuration(10 * 86_400)).toBe('10.0 d');
  });

  it('shows a dash for a missing value instead of zero, and never a negative duration', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-5)).toBe('0 s');
  });
});

describe('formatPercent, formatNumber, formatDate', () => {
  it('formats shares as percentages with one decimal', () => {
    expect(formatPercent(2 / 9)).toBe('22.2 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(null)).toBe('—');
  });

  it('groups thousands and limits decimals', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(2.456, 1)).toBe('2.5');
    expect(formatNumber(3, 1)).toBe('3');
    expect(formatNumber(undefined)).toBe('—');
  });

  it('formats timestamps in UTC', () => {
    expect(formatDate('2026-03-03T14:05:00Z')).toBe('3 Mar 2026, 14:05 UTC');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
});
