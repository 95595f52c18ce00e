import { describe, expect, it } from 'vitest';
import { cleanDeep, cleanText } from './clean-text.ts';

describe('cleanText', () => {
  it('removes U+0000 and replaces lone surrogates, keeping valid pairs', () => {
    expect(cleanText('a\u0000b')).toBe('ab');
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
    expect(cleanText('x\uDC00y')).toBe('x\uFFFDy');
    expect(cleanText('end\uD83D')).toBe('end\uFFFD');
    expect(cleanText('emoji 😀 ok')).toBe('emoji 😀 ok');
    expect(cleanText('plain')).toBe('plain');
  });
});

describe('cleanDeep', () => {
  it('cleans every string, keys included, and reports the change', () => {
    const input = { title: 'a\u0000', nested: [{ 'k\u0000': 'v\uDFFF' }], n: 1, ok: 'fine' };
    const { value, changed } = cleanDeep(input);
    expect(changed).toBe(true);
    expect(value).toEqual({ title: 'a', nested: [{ k: 'v\uFFFD' }], n: 1, ok: 'fine' });
    expect(input.title).toBe('a\u0000'); // the input is not modified
  });

  it('returns a clean value as it is', () => {
    const input = { a: ['x', { b: 'y' }], c: null, d: true };
    const { value, changed } = cleanDeep(input);
    expect(changed).toBe(false);
    expect(value).toBe(input);
  });
});
