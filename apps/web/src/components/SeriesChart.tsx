"use client";
/** Line chart of metric series (step → value) with zoom and hover values. */
import { useMemo } from "react";
import { fmtNumber } from "../lib/format";
import { EChart, type ChartOption } from "./EChart";

export interface Series {
  name: string;
  steps: readonly number[];
  values: readonly number[];
}

export function SeriesChart({
  title,
  series,
  height = 320,
  testId,
}: {
  title?: string;
  series: Series[];
  height?: number;
  testId?: string;
}) {
  const points = series.reduce((n, s) => n + s.steps.length, 0);
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 56, right: 24, top: series.length > 1 ? 40 : 16, bottom: 64 },
      legend: series.length > 1 ? { type: "scroll", top: 0 } : { show: false },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "cross", snap: true },
        valueFormatter: (v) => (typeof v === "number" ? fmtNumber(v, 5) : String(v)),
      },
      xAxis: {
        type: "value",
        name: "step",
        nameLocation: "middle",
        nameGap: 28,
        min: "dataMin",
        max: "dataMax",
      },
      yAxis: { type: "value", scale: true },
      dataZoom: [
        { type: "inside", xAxisIndex: 0, filterMode: "none" },
        { type: "slider", xAxisIndex: 0, height: 18, bottom: 8, filterMode: "none" },
      ],
      series: series.map((s) => ({
        type: "line",
        name: s.name,
        showSymbol: s.steps.length < 2,
        symbolSize: 6,
        sampling: "lttb",
        lineStyle: { width: 1.5 },
        emphasis: { focus: "series" },
        data: s.steps.map((x, i) => [x, s.values[i]]),
      })),
    }),
    [series],
  );
  return (
    <figure className="chart" data-testid={testId}>
      {title && <figcaption>{title}</figcaption>}
      {points === 0 ? (
        <div className="empty chart-empty" data-point-count={0}>
          No points logged yet.
        </div>
      ) : (
        <EChart
          option={option}
          height={height}
          ariaLabel={title}
          dataAttrs={{ "point-count": points, "series-count": series.length }}
        />
      )}
    </figure>
  );
}

export function BarsChart({
  title,
  labels,
  values,
  unit,
  testId,
}: {
  title: string;
  labels: string[];
  values: (number | null)[];
  unit?: string;
  testId?: string;
}) {
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 56, right: 24, top: 16, bottom: 56 },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v) => (typeof v === "number" ? `${fmtNumber(v, 4)}${unit ?? ""}` : "—"),
      },
      xAxis: { type: "category", data: labels, axisLabel: { interval: 0, overflow: "truncate", width: 120 } },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => `${fmtNumber(v)}${unit ?? ""}` } },
      series: [
        {
          type: "bar",
          data: values.map((v) => v ?? 0),
          barMaxWidth: 48,
          label: {
            show: true,
            position: "top",
            formatter: (p) =>
              values[p.dataIndex] == null ? "n/a" : `${fmtNumber(values[p.dataIndex], 3)}${unit ?? ""}`,
          },
        },
      ],
    }),
    [labels, values, unit],
  );
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <EChart option={option} height={260} ariaLabel={title} dataAttrs={{ "bar-count": values.length }} />
    </figure>
  );
}
