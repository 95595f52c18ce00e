import { describe, expect, it } from 'vitest';
import { DAY, HOUR, dayActivity, isWorkingDay, toWorkingHours } from './calendar.ts';
import { Random } from './prng.ts';

const at = (iso: string) => Date.parse(iso);

describe('the working calendar', () => {
  it('knows weekdays, weekends and the winter break', () => {
    expect(isWorkingDay(at('2025-03-05T10:00:00Z'))).toBe(true); // Wednesday
    expect(isWorkingDay(at('2025-03-08T10:00:00Z'))).toBe(false); // Saturday
    expect(isWorkingDay(at('2025-12-29T10:00:00Z'))).toBe(false); // Monday in the winter break
    expect(dayActivity(at('2025-03-05T00:00:00Z'))).toBe(1);
    expect(dayActivity(at('2025-03-08T00:00:00Z'))).toBeLessThan(0.1);
    expect(dayActivity(at('2025-08-05T00:00:00Z'))).toBe(0.5);
  });

  it('moves most moments outside working hours to the next working morning, never backwards', () => {
    const rng = new Random(3);
    const saturdayNight = at('2025-03-08T23:00:00Z');
    const moved = Array.from({ length: 500 }, () => toWorkingHours(rng, saturdayNight));
    const monday = moved.filter((t) => t >= at('2025-03-10T08:00:00Z') && t < at('2025-03-10T09:30:00Z'));
    expect(monday.length).toBeGreaterThan(450);
    expect(moved.every((t) => t >= saturdayNight && t < saturdayNight + 3 * DAY)).toBe(true);
    const tuesdayNoon = at('2025-03-11T12:00:00Z');
    expect(toWorkingHours(rng, tuesdayNoon)).toBe(tuesdayNoon);
    expect(toWorkingHours(rng, at('2025-12-23T12:00:00Z'))).toBeGreaterThan(
      at('2025-12-23T12:00:00Z') + 24 * HOUR,
    );
  });
});
