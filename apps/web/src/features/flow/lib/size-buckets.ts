/** Size classes of pull requests by lines changed (additions + deletions). */
export const sizeClasses = [
  { label: 'XS (≤ 10)', max: 10 },
  { label: 'S (11–50)', max: 50 },
  { label: 'M (51–250)', max: 250 },
  { label: 'L (251–1000)', max: 1000 },
  { label: 'XL (> 1000)', max: Number.POSITIVE_INFINITY },
] as const;

/**
 * How many pull requests fall into each size class; pull requests whose size the source did not
 * report are counted apart (`unknown`) rather than as zero lines.
 */
export function sizeBuckets(
  pulls: readonly { readonly additions: number | null; readonly deletions: number | null }[],
): { counts: number[]; unknown: number } {
  const counts = sizeClasses.map(() => 0);
  let unknown = 0;
  for (const pull of pulls) {
    if (pull.additions === null || pull.deletions === null) {
      unknown++;
      continue;
    }
    const lines = pull.additions + pull.deletions;
    const index = sizeClasses.findIndex((c) => lines <= c.max);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return { counts, unknown };
}
