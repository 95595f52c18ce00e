/** Period checks shared by every metric query. */
import { PulseError } from '@pulse/core';

export type Granularity = 'day' | 'week' | 'month';
export const granularities: readonly Granularity[] = ['day', 'week', 'month'];

export function validatePeriod(from: Date, to: Date, timeZone: string): void {
  if (!(from < to)) {
    throw new PulseError('VALIDATION_FAILED', {
      message: 'The period is empty: "from" must be before "to".',
    });
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new PulseError('VALIDATION_FAILED', {
      message: `Unknown time zone "${timeZone}".`,
      hint: 'Use an IANA time zone name such as Europe/Berlin or America/New_York.',
    });
  }
}
