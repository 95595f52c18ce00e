import { describe, expect, it } from 'vitest';
import { Random, hashString } from './prng.ts';

describe('Random', () => {
  it('repeats the same sequence for the same seed, and another for another seed', () => {
    const draws = (seed: number) => Array.from({ length: 5 }, () => new Random(seed)).map((r) => r.next());
    const a = new Random(42);
    const b = new Random(42);
    const sequence = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(sequence);
    expect(new Random(43).next()).not.toBe(sequence[0]);
    expect(new Set(draws(7)).size).toBe(1);
  });

  it('forks streams that depend on the seed and the label only', () => {
    const root = new Random(42);
    const first = root.fork('deployments').next();
    root.next();
    root.next();
    expect(root.fork('deployments').next()).toBe(first);
    expect(root.fork('incidents').next()).not.toBe(first);
    expect(new Random(41).fork('deployments').next()).not.toBe(first);
  });

  it('draws within the stated ranges', () => {
    const rng = new Random(1);
    for (let i = 0; i < 2000; i += 1) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 5);
      expect([3, 4, 5]).toContain(n);
      expect(rng.poisson(2)).toBeGreaterThanOrEqual(0);
    }
    expect(rng.hex(40)).toMatch(/^[0-9a-f]{40}$/);
    expect(() => rng.pick([])).toThrow();
  });

  it('has the distributions it claims (means over many draws)', () => {
    const rng = new Random(9);
    const n = 20_000;
    const mean = (f: () => number) => Array.from({ length: n }, f).reduce((s, x) => s + x, 0) / n;
    expect(mean(() => rng.poisson(3))).toBeCloseTo(3, 1);
    expect(mean(() => rng.normal())).toBeCloseTo(0, 1);
    const logNormals = Array.from({ length: n }, () => rng.logNormal(10, 0.5)).sort((a, b) => a - b);
    expect(logNormals[n / 2]!).toBeGreaterThan(9.5);
    expect(logNormals[n / 2]!).toBeLessThan(10.5);
    const picks = Array.from({ length: n }, () => rng.weighted({ a: 3, b: 1 }));
    expect(picks.filter((p) => p === 'a').length / n).toBeCloseTo(0.75, 1);
  });

  it('hashes labels into 32-bit seeds', () => {
    expect(hashString('a')).toBe(hashString('a'));
    expect(hashString('a')).not.toBe(hashString('b'));
    expect(hashString('anything')).toBeLessThan(2 ** 32);
  });
});
