import { describe, expect, it } from 'vitest';
import { parseLinkHeader } from './pagination.ts';

describe('parseLinkHeader', () => {
  it('reads GitHub’s Link header', () => {
    const header =
      '<https://api.github.com/repositories/1/issues?per_page=3&page=1>; rel="prev", ' +
      '<https://api.github.com/repositories/1/issues?per_page=3&page=3>; rel="next", ' +
      '<https://api.github.com/repositories/1/issues?per_page=3&page=5>; rel="last", ' +
      '<https://api.github.com/repositories/1/issues?per_page=3&page=1>; rel="first"';
    expect(parseLinkHeader(header)).toEqual({
      prev: 'https://api.github.com/repositories/1/issues?per_page=3&page=1',
      next: 'https://api.github.com/repositories/1/issues?per_page=3&page=3',
      last: 'https://api.github.com/repositories/1/issues?per_page=3&page=5',
      first: 'https://api.github.com/repositories/1/issues?per_page=3&page=1',
    });
  });

  it('keeps commas inside URLs, unquoted and multi-valued rels', () => {
    expect(
      parseLinkHeader(
        '<https://x/search?q=a,b&page=2>; rel=next, <https://x/p1>; title="t"; rel="first prev"',
      ),
    ).toEqual({
      next: 'https://x/search?q=a,b&page=2',
      first: 'https://x/p1',
      prev: 'https://x/p1',
    });
  });

  it('is empty for a missing or malformed header', () => {
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader('')).toEqual({});
    expect(parseLinkHeader('garbage; rel="next"')).toEqual({});
  });
});
