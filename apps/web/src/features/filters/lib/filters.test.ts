import { describe, expect, it } from 'vitest';
import { defaultFilters } from './filters.ts';
import { parseFilters } from './parse-filters.ts';
import { previousPeriod } from './previous-period.ts';
import { resolvePeriod } from './resolve-period.ts';
import { writeFilters } from './write-filters.ts';

describe('filters in the URL', () => {
  it('reads every filter and writes them back unchanged', () => {
    const params = new URLSearchParams(
      'period=30d&team=core&repository=acme%2Fapi&environment=staging&benchmark=2021&granularity=month',
    );
    const filters = parseFilters(params);
    expect(filters).toEqual({
      period: '30d',
      from: undefined,
      to: undefined,
      team: 'core',
      repository: 'acme/api',
      environment: 'staging',
      benchmark: '2021',
      granularity: 'month',
    });
    expect(writeFilters(filters).toString()).toBe(params.toString());
  });

  it('leaves defaults out of the URL and keeps unrelated parameters', () => {
    const written = writeFilters(defaultFilters, new URLSearchParams('view=slowest&period=30d'));
    expect(written.toString()).toBe('view=slowest');
  });

  it('falls back to defaults for malformed values', () => {
    const filters = parseFilters(new URLSearchParams('period=7y&benchmark=1999&granularity=hour&team=%20'));
    expect(filters).toEqual(defaultFilters);
  });

  it('uses a custom period only with two valid dates in order', () => {
    expect(parseFilters(new URLSearchParams('from=2026-01-01&to=2026-02-01'))).toMatchObject({
      period: 'custom',
      from: '2026-01-01',
      to: '2026-02-01',
    });
    expect(parseFilters(new URLSearchParams('from=2026-02-01&to=2026-01-01')).period).toBe('90d');
    expect(parseFilters(new URLSearchParams('from=yesterday&to=2026-01-01')).period).toBe('90d');
  });
});

describe('resolvePeriod and previousPeriod', () => {
  const now = Date.parse('2026-03-10T15:30:00Z');

  it('ends a preset with today (to is exclusive, so tomorrow) and starts N days earlier', () => {
    expect(resolvePeriod({ period: '30d', from: undefined, to: undefined }, now)).toEqual({
      from: '2026-02-09',
      to: '2026-03-11',
    });
    expect(resolvePeriod({ period: '365d', from: undefined, to: undefined }, now).from).toBe('2025-03-11');
  });

  it('passes a custom period through', () => {
    expect(resolvePeriod({ period: 'custom', from: '2026-01-01', to: '2026-02-01' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-02-01',
    });
  });

  it('gives the period of the same length just before', () => {
    expect(previousPeriod({ from: '2026-02-09', to: '2026-03-11' })).toEqual({
      from: '2026-01-10',
      to: '2026-02-09',
    });
  });
});
