/** Colours of charts in each theme; series colours keep ≥ 3:1 contrast with the background. */
export interface ChartPalette {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly series: readonly string[];
}

export const chartPalettes: Record<'light' | 'dark', ChartPalette> = {
  light: {
    text: '#1e293b',
    muted: '#475569',
    grid: '#e2e8f0',
    series: ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2'],
  },
  dark: {
    text: '#e2e8f0',
    muted: '#94a3b8',
    grid: '#334155',
    series: ['#60a5fa', '#fbbf24', '#34d399', '#f472b6', '#a78bfa', '#22d3ee'],
  },
};
