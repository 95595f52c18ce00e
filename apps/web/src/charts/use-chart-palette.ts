import { useSyncExternalStore } from 'react';
import { chartPalettes, type ChartPalette } from './chart-palette.ts';

function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The palette of the theme on <html data-theme>, updated when the theme changes. */
export function useChartPalette(): ChartPalette {
  const theme = useSyncExternalStore(subscribe, () => document.documentElement.dataset.theme);
  return chartPalettes[theme === 'dark' ? 'dark' : 'light'];
}
