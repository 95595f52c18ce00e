export interface Change {
  /** e.g. "+12 %", "−3.1 pp", "no change"; null when either period has no value. */
  readonly text: string | null;
  readonly tone: 'better' | 'worse' | 'same' | 'none';
  /** For screen readers: "up 12 % vs previous period". */
  readonly description: string;
}

/**
 * The change of a metric against the previous period. Rates (shares) change in percentage points,
 * everything else relative to the previous value; `betterWhen` says which direction is good
 * (shorter lead time is better, more deployments are better).
 */
export function changeVsPrevious(
  current: number | null,
  previous: number | null,
  options: { readonly kind: 'rate' | 'relative'; readonly betterWhen: 'lower' | 'higher' },
): Change {
  if (current === null || previous === null)
    return { text: null, tone: 'none', description: 'no comparison: not enough data in one of the periods' };
  const delta =
    options.kind === 'rate'
      ? (current - previous) * 100
      : previous === 0
        ? current === 0
          ? 0
          : Number.POSITIVE_INFINITY
        : ((current - previous) / previous) * 100;
  const unit = options.kind === 'rate' ? 'pp' : '%';
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return { text: 'no change', tone: 'same', description: 'no change vs previous period' };
  const up = rounded > 0;
  const tone = up === (options.betterWhen === 'higher') ? 'better' : 'worse';
  const magnitude = Number.isFinite(rounded)
    ? `${Math.abs(rounded).toFixed(options.kind === 'rate' ? 1 : 0)} ${unit}`
    : 'from zero';
  return {
    text: `${up ? '+' : '−'}${magnitude}`,
    tone,
    description: `${up ? 'up' : 'down'} ${magnitude} vs previous period (${tone})`,
  };
}
