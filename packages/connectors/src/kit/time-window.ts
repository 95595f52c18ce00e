/** The incremental read window every connector with an "updated since" query uses. */

export interface WindowSettings {
  /** Re-read this many minutes before the cursor (clock skew, late writes). */
  readonly overlapMinutes: number;
  /** Don't read history older than this (ISO date or date-time). */
  readonly since?: string | undefined;
}

/**
 * The oldest time an incremental read must still look at: the cursor minus the overlap window,
 * but never before the configured `since`. undefined = read everything.
 */
export function readFrom(settings: WindowSettings, cursorTime: string | undefined): string | undefined {
  const fromCursor =
    cursorTime === undefined
      ? undefined
      : new Date(Date.parse(cursorTime) - settings.overlapMinutes * 60_000).toISOString();
  const since = settings.since === undefined ? undefined : new Date(settings.since).toISOString();
  if (fromCursor === undefined) return since;
  if (since === undefined) return fromCursor;
  return fromCursor > since ? fromCursor : since;
}

/** The later of two ISO instants (either may be missing). */
export function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
