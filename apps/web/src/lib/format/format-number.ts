const formats = new Map<number, Intl.NumberFormat>();

/** A number with thousands separators and at most `decimals` decimals (en-GB, like the API docs). */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let format = formats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: decimals });
    formats.set(decimals, format);
  }
  return format.format(value);
}
