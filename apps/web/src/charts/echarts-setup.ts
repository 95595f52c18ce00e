/**
 * ECharts with only what the dashboard draws (tree-shaken): bar and line charts, grid, tooltip,
 * legend, SVG renderer. Loaded lazily by <EChart>, so the first screen never waits for it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

export { echarts };
