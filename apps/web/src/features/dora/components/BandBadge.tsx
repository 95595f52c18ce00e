import type { Band } from '../api/dora-report.ts';

/** The benchmark band as a labelled badge (text, not colour alone, carries the meaning). */
export function BandBadge({ band, year }: { readonly band: Band | null; readonly year: string }) {
  if (band === null) return <span className="band band-none">No band</span>;
  return (
    <span className={`band band-${band}`} title={`DORA ${year} benchmark band`}>
      {band[0]!.toUpperCase() + band.slice(1)}
    </span>
  );
}
