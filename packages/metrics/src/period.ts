/** Period checks shared by every metric query. */
import { inInstantRange, PulseError } from '@pulse/core';

export type Granularity = 'day' | 'week' | 'month';
export const granularities: readonly Granularity[] = ['day', 'week', 'month'];

export function validatePeriod(from: Date, to: Date, timeZone: string): void {
  if (!(from < to)) {
    throw new PulseError('VALIDATION_FAILED', {
      message: 'The period is empty: "from" must be before "to".',
    });
  }
  assertTimeZone(timeZone);
}

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new PulseError('VALIDATION_FAILED', {
      message: `Unknown time zone "${timeZone}".`,
      hint: 'Use an IANA time zone name such as Europe/Berlin or America/New_York.',
    });
  }
}

/**
 * Reads a period bound: a date (YYYY-MM-DD, midnight in `timeZone`) or an ISO timestamp with an
 * offset, between 1970 and the end of 9999. Throws VALIDATION_FAILED naming `what` otherwise.
 */
export function parseInstant(text: string, timeZone: string, what: string): Date {
  assertTimeZone(timeZone);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day !== null) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const guess = Date.UTC(year, month - 1, date);
    // Midnight local = midnight UTC minus the zone's offset; re-check once for DST edges.
    const first = guess - offsetMs(guess, timeZone);
    const instant = guess - offsetMs(first, timeZone);
    const check = new Date(guess);
    const real = check.getUTCMonth() === month - 1 && check.getUTCDate() === date;
    if (real && inInstantRange(instant)) return new Date(instant);
  } else if (/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(text) && inInstantRange(Date.parse(text))) {
    return new Date(text);
  }
  throw new PulseError('VALIDATION_FAILED', {
    message: `${what} "${text}" is not a date.`,
    hint: 'Use YYYY-MM-DD (midnight in the chosen time zone) or an ISO timestamp such as 2026-03-01T00:00:00Z, between 1970 and 9999.',
  });
}

/** The offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
function offsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(utcMs / 1000) * 1000;
}
