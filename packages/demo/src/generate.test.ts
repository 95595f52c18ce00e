import { describe, expect, it } from 'vitest';
import { isPulseError } from '@pulse/core';
import { demoDigest } from './digest.ts';
import { generateDemo } from './generate.ts';
import { demoTables, sequentialIds } from './tables.ts';

const end = new Date('2026-01-15T00:00:00Z');

describe('generateDemo is deterministic', () => {
  it('gives identical rows for the same seed and end, and different rows otherwise', () => {
    const first = demoDigest(generateDemo({ seed: 42, end, days: 120 }));
    expect(demoDigest(generateDemo({ seed: 42, end, days: 120 }))).toBe(first);
    expect(demoDigest(generateDemo({ seed: 43, end, days: 120 }))).not.toBe(first);
    expect(demoDigest(generateDemo({ seed: 42, end: new Date('2026-01-16T00:00:00Z'), days: 120 }))).not.toBe(
      first,
    );
  });

  it('does not read the clock or Math.random', () => {
    const realRandom = Math.random;
    const realNow = Date.now;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    Date.now = () => {
      throw new Error('Date.now called');
    };
    try {
      expect(() => generateDemo({ seed: 1, end, days: 30 })).not.toThrow();
    } finally {
      Math.random = realRandom;
      Date.now = realNow;
    }
  });

  it('rejects a seed or length it cannot honour with VALIDATION_FAILED', () => {
    for (const options of [
      { seed: -1, end, days: 30 },
      { seed: 1.5, end, days: 30 },
      { seed: 1, end, days: 3 },
      { seed: 1, end, days: 100_000 },
      { seed: 1, end: new Date('nonsense'), days: 30 },
    ]) {
      let error: unknown;
      try {
        generateDemo(options);
      } catch (caught) {
        error = caught;
      }
      expect(isPulseError(error) && error.code === 'VALIDATION_FAILED', JSON.stringify(options)).toBe(true);
    }
  });
});

describe('a year of the demo organisation', () => {
  const data = generateDemo({ seed: 42, end, days: 365 });
  const counts = Object.fromEntries(
    demoTables(data, '00000000-0000-4000-8000-000000000000', sequentialIds(data)).map((t) => [
      t.table,
      t.rows.length,
    ]),
  );

  it('has the sizes docs/demo.md promises', () => {
    expect(counts.people).toBe(26);
    expect(counts.teams).toBe(4);
    expect(counts.repositories).toBe(8);
    expect(counts.pull_requests).toBeGreaterThanOrEqual(3000);
    expect(counts.pull_requests).toBeLessThanOrEqual(5000);
    expect(counts.commits).toBeGreaterThanOrEqual(10_000);
    expect(counts.commits).toBeLessThanOrEqual(20_000);
    expect(counts.deployments).toBeGreaterThanOrEqual(1500);
    expect(counts.deployments).toBeLessThanOrEqual(3000);
    expect(counts.incidents).toBeGreaterThanOrEqual(60);
    expect(counts.incidents).toBeLessThanOrEqual(140);
    expect(counts.work_items).toBeGreaterThanOrEqual(1200);
    expect(counts.work_items).toBeLessThanOrEqual(2000);
    for (const [table, rows] of Object.entries(counts)) expect(rows, table).toBeGreaterThan(0);
  });

  it('writes times inside the window (history before it only for the first commits and backlog)', () => {
    const last = Math.max(
      ...data.commits.map((c) => c.committedAt),
      ...data.pullRequests.map((p) => p.updatedAt),
      ...data.deployments.map((d) => d.finishedAt),
      ...data.incidents.map((i) => i.resolvedAt ?? i.startedAt),
      ...data.workItems.flatMap((w) => w.transitions.map((t) => t.at)),
    );
    expect(last).toBeLessThan(end.getTime());
    expect(Math.min(...data.pullRequests.map((p) => p.createdAt))).toBeGreaterThanOrEqual(data.start);
  });
});
