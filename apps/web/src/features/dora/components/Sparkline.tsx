import { sparklinePath } from '../lib/sparkline-path.ts';

/** A tiny trend line in plain SVG: cards render without waiting for the chart library. */
export function Sparkline({
  values,
  label,
}: {
  readonly values: readonly (number | null)[];
  readonly label: string;
}) {
  const path = sparklinePath(values, 120, 28);
  if (path === null) return <span className="sparkline-empty muted">no trend</span>;
  return (
    <svg className="sparkline" viewBox="-2 -2 124 32" width="120" height="30" role="img" aria-label={label}>
      <path d={path} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}
