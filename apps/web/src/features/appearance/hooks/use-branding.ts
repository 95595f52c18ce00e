import { useEffect } from 'react';
import type { Branding } from '../../auth/api/me.ts';
import { isHexColor } from '../lib/is-hex-color.ts';
import { readableTextColor } from '../lib/readable-text-color.ts';

/** Applies the tenant's primary colour (and a readable text colour on it) to the page. */
export function useBranding(branding: Branding | undefined): void {
  const color = branding?.primaryColor ?? null;
  useEffect(() => {
    const style = document.documentElement.style;
    if (color === null || !isHexColor(color)) {
      style.removeProperty('--brand');
      style.removeProperty('--on-brand');
      return;
    }
    style.setProperty('--brand', color);
    style.setProperty('--on-brand', readableTextColor(color));
  }, [color]);
}
