import type { Period } from './resolve-period.ts';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period of the same length just before `period`, for "change vs previous period". */
export function previousPeriod(period: Period): Period {
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const to = Date.parse(`${period.to}T00:00:00Z`);
  return { from: day(from - (to - from)), to: period.from };
}
