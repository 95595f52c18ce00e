import type { Filters } from './filters.ts';

const DAY_MS = 86_400_000;

export interface Period {
  /** YYYY-MM-DD (UTC midnight). */
  readonly from: string;
  /** YYYY-MM-DD, exclusive. */
  readonly to: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The dates of the filters' period. A preset of N days ends with today: `to` is tomorrow (the API's
 * `to` is exclusive), `from` N days earlier. Whole days keep the metric cache warm: the same link
 * asks for the same query all day.
 */
export function resolvePeriod(filters: Pick<Filters, 'period' | 'from' | 'to'>, now = Date.now()): Period {
  if (filters.period === 'custom' && filters.from !== undefined && filters.to !== undefined)
    return { from: filters.from, to: filters.to };
  const days = Number((filters.period === 'custom' ? '90d' : filters.period).slice(0, -1));
  const tomorrow = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  return { from: day(tomorrow - days * DAY_MS), to: day(tomorrow) };
}
