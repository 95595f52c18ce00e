/**
 * The SVG path of a sparkline: values scaled into width × height (y grows downwards), gaps where a
 * bucket has no value (a missing week is not a zero). Null when fewer than two values exist.
 */
export function sparklinePath(
  values: readonly (number | null)[],
  width: number,
  height: number,
): string | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2 || values.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  let path = '';
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    const x = (i * step).toFixed(1);
    // A flat series sits in the middle instead of on the floor.
    const y = (max === min ? height / 2 : height - ((value - min) / span) * height).toFixed(1);
    path += `${drawing ? 'L' : 'M'}${x} ${y} `;
    drawing = true;
  });
  return path.trim();
}
