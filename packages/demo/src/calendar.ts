/**
 * The demo organisation's working calendar (all times are UTC milliseconds): people work on
 * weekdays from about 08:00 to 19:00, very little at weekends, almost nothing over the winter break
 * (21 December to 3 January) and somewhat less in the first three weeks of August.
 */
import type { Random } from './prng.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function startOfDay(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

export function isWeekend(t: number): boolean {
  const weekday = new Date(t).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWinterBreak(t: number): boolean {
  const date = new Date(t);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  return (month === 11 && day >= 21) || (month === 0 && day <= 3);
}

function isSummerLull(t: number): boolean {
  const date = new Date(t);
  return date.getUTCMonth() === 7 && date.getUTCDate() <= 21;
}

export function isWorkingDay(t: number): boolean {
  return !isWeekend(t) && !isWinterBreak(t);
}

/** How busy a day is compared with an ordinary weekday (1). */
export function dayActivity(t: number): number {
  if (isWinterBreak(t)) return 0.04;
  if (isWeekend(t)) return 0.03;
  if (isSummerLull(t)) return 0.5;
  return 1;
}

/** The start of every day in [start, end). */
export function* eachDay(start: number, end: number): Generator<number> {
  for (let day = startOfDay(start); day < end; day += DAY) yield day;
}

/** A moment of the working day, most often late morning or early afternoon. */
export function workingMoment(rng: Random, day: number): number {
  const hours = 8.5 + (rng.next() + rng.next() + rng.next()) * 3.3;
  return day + hours * HOUR;
}

/**
 * Moves `t` into working hours most of the time: a moment at night or on a day off becomes the
 * next working morning, except for the occasional late evening or weekend session.
 */
export function toWorkingHours(rng: Random, t: number): number {
  const morning = () => 8 * HOUR + rng.between(0, 1.5 * HOUR);
  for (let guard = 0; guard < 40; guard += 1) {
    const hour = (t - startOfDay(t)) / HOUR;
    if (!isWorkingDay(t)) {
      if (rng.chance(0.03)) return t;
      t = startOfDay(t) + DAY + morning();
    } else if (hour < 8) {
      return rng.chance(0.05) ? t : startOfDay(t) + morning();
    } else if (hour >= 19) {
      if (rng.chance(0.1)) return t;
      t = startOfDay(t) + DAY + morning();
    } else {
      return t;
    }
  }
  return t;
}
