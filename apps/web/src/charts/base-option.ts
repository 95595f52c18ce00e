import type { ChartPalette } from './chart-palette.ts';

/** Axis, grid, tooltip and text settings every chart shares, in the palette's colours. */
export function baseOption(palette: ChartPalette, categories: readonly string[]) {
  return {
    animation: false,
    aria: { enabled: true },
    color: [...palette.series],
    textStyle: { color: palette.text },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0, textStyle: { color: palette.text } },
    xAxis: {
      type: 'category' as const,
      data: [...categories],
      axisLabel: { color: palette.muted },
      axisLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'value' as const,
      axisLabel: { color: palette.muted },
      splitLine: { lineStyle: { color: palette.grid } },
    },
  };
}
