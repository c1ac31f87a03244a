"use client";
/**
 * echarts, tree-shaken: only the line, bar, scatter and parallel-coordinates charts and the
 * components used here are registered (echarts/core), with the canvas renderer.
 */
import { useEffect, useRef, type CSSProperties } from "react";
import * as echarts from "echarts/core";
import {
  BarChart,
  LineChart,
  ParallelChart,
  ScatterChart,
  type BarSeriesOption,
  type LineSeriesOption,
  type ParallelSeriesOption,
  type ScatterSeriesOption,
} from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  ParallelComponent,
  TooltipComponent,
  VisualMapComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type ParallelComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  ParallelChart,
  GridComponent,
  TooltipComponent,
  DataZoomComponent,
  LegendComponent,
  ParallelComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | DataZoomComponentOption
  | LegendComponentOption
>;

/** A parallel-coordinates chart (its own option type: its axes are `parallelAxis`). */
export type ParallelChartOption = {
  animation?: boolean;
  parallel?: ParallelComponentOption;
  parallelAxis?: echarts.ComposeOption<ParallelComponentOption>["parallelAxis"];
  visualMap?: VisualMapComponentOption;
  series?: ParallelSeriesOption[];
};

export interface EChartProps {
  option: ChartOption | ParallelChartOption;
  height?: number;
  className?: string;
  style?: CSSProperties;
  /** Extra data-* attributes for tests and debugging (e.g. point counts). */
  dataAttrs?: Record<string, string | number>;
  ariaLabel?: string;
}

export function EChart({ option, height = 320, className, style, dataAttrs, ariaLabel }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: "canvas" });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Merge (keeps the zoom window across live updates); series are replaced as a whole.
    chart.current?.setOption(option, { replaceMerge: ["series", "xAxis", "yAxis", "parallelAxis"], lazyUpdate: true });
  }, [option]);

  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(dataAttrs ?? {})) attrs[`data-${k}`] = String(v);
  return (
    <div
      ref={el}
      className={className}
      style={{ width: "100%", height, ...style }}
      role="img"
      aria-label={ariaLabel}
      {...attrs}
    />
  );
}
