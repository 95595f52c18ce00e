/** Seconds from `start` to `end` (ISO timestamps); null while `end` is unknown. */
export function recoverySeconds(start: string, end: string | null): number | null {
  if (end === null) return null;
  return Math.max(0, (Date.parse(end) - Date.parse(start)) / 1000);
}
