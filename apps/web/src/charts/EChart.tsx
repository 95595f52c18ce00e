import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

export interface EChartProps {
  readonly option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the chart itself is an image to them). */
  readonly label: string;
  readonly height?: number;
}

/** An ECharts chart; the library is loaded on first use and the chart follows its box's size. */
export function EChart({ option, label, height = 240 }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts-setup.ts')
      .then(({ echarts }) => {
        if (disposed || box.current === null) return;
        chart.current = echarts.init(box.current, null, { renderer: 'svg' });
        chart.current.setOption(option, true);
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(box.current);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <div className="chart" role="img" aria-label={label} style={{ height }}>
      {failed ? (
        <p className="muted">The chart could not be loaded.</p>
      ) : (
        <div ref={box} className="chart-canvas" />
      )}
    </div>
  );
}
