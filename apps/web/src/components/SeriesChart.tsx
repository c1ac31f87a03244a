"use client";
/** Line chart of metric series (step → value) with zoom and hover values. */
import { useMemo } from "react";
import { fmtNumber } from "../lib/format";
import { EChart, type ChartOption } from "./EChart";

/** Series colours, in order (a band takes its series' colour). */
export const PALETTE = [
  "#2563eb",
  "#dc2626",
  "#16a34a",
  "#d97706",
  "#7c3aed",
  "#0891b2",
  "#db2777",
  "#65a30d",
  "#475569",
  "#ea580c",
];

export interface Series {
  name: string;
  steps: readonly number[];
  values: readonly number[];
  /** Its colour (default: PALETTE by position), so one run keeps its colour across charts. */
  color?: string;
  /**
   * A band around the line (e.g. the min–max of a group of seeds), aligned with `steps`; `std`
   * and `n` are shown in the tooltip.
   */
  band?: { lo: readonly number[]; hi: readonly number[]; std?: readonly number[]; n?: number };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Axis labels in one notation per axis: exponents when the values are tiny (learning rates) or
 * huge, else a few significant digits with thousands separators.
 */
function axisLabel(series: Series[]): (v: number) => string {
  let max = 0;
  for (const s of series)
    for (const v of s.band?.hi ?? s.values) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  for (const s of series)
    for (const v of s.band?.lo ?? []) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  if (max > 0 && (max < 1e-2 || max >= 1e6)) return (v) => (v === 0 ? "0" : v.toExponential(1));
  return (v) => Number(v.toPrecision(4)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/**
 * A chart whose values are all one value (a single evaluation so far) gets a sensible range
 * instead of echarts' padding around it: 0–1 for a fraction (accuracy, F1…), else ±10 %.
 */
function flatRange(series: Series[]): { min?: number; max?: number } {
  const vs = new Set(series.flatMap((s) => [...s.values, ...(s.band?.lo ?? []), ...(s.band?.hi ?? [])]));
  if (vs.size !== 1) return {};
  const [v] = [...vs];
  if (!Number.isFinite(v)) return {};
  if (v >= 0 && v <= 1) return { min: 0, max: 1 };
  const pad = Math.abs(v) * 0.1 || 1;
  return { min: v - pad, max: v + pad };
}

export function SeriesChart({
  title,
  series,
  height = 320,
  testId,
  legend = true,
  xRange,
}: {
  title?: string;
  series: Series[];
  height?: number;
  testId?: string;
  /** Draw the chart's own legend (off where the page shows one legend for several charts). */
  legend?: boolean;
  /** A shared step range (charts of one run line up); default the data's. */
  xRange?: { min: number; max: number };
}) {
  const points = series.reduce((n, s) => n + s.steps.length, 0);
  const bands = series.filter((s) => s.band).length;
  const option = useMemo<ChartOption>(() => {
    // The lines first (the legend takes its icon from the first series of a name), then each
    // band as two stacked series: its lower edge (invisible) and the width above it (filled).
    const lines = series.map((s, i) => ({
      type: "line" as const,
      name: s.name,
      color: s.color ?? PALETTE[i % PALETTE.length],
      showSymbol: s.steps.length < 2,
      symbolSize: 6,
      sampling: "lttb" as const,
      lineStyle: { width: s.band ? 2 : 1.5 },
      emphasis: { focus: "series" as const },
      z: 3,
      data: s.steps.map((x, j) => [x, s.values[j]]),
    }));
    const bandSeries = series.flatMap((s, i) => {
      if (!s.band) return [];
      const b = s.band;
      const common = {
        type: "line" as const,
        name: s.name,
        color: s.color ?? PALETTE[i % PALETTE.length],
        stack: `band-${i}`,
        stackStrategy: "all" as const,
        symbol: "none",
        silent: true,
        lineStyle: { opacity: 0 },
        emphasis: { disabled: true },
        z: 1,
      };
      return [
        { ...common, data: s.steps.map((x, j) => [x, b.lo[j]]) },
        {
          ...common,
          areaStyle: { opacity: 0.18 },
          data: s.steps.map((x, j) => [x, b.hi[j] - b.lo[j]]),
        },
      ];
    });
    const showLegend = legend && series.length > 1;
    return {
      animation: false,
      grid: { left: 56, right: 28, top: showLegend ? 40 : 16, bottom: 64 },
      legend: showLegend ? { type: "scroll", top: 0, data: series.map((s) => s.name) } : { show: false },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "cross", snap: true },
        formatter: (raw) => {
          const ps = (Array.isArray(raw) ? raw : [raw]).filter((p) => (p.seriesIndex ?? 0) < series.length);
          if (ps.length === 0) return "";
          const step = (ps[0].value as number[] | undefined)?.[0];
          const rows = ps.map((p) => {
            const s = series[p.seriesIndex ?? 0];
            const j = p.dataIndex ?? 0;
            const y = (p.value as number[])[1];
            let extra = "";
            if (s.band) {
              const std = s.band.std?.[j];
              extra =
                (std != null ? ` ± ${fmtNumber(std, 3)}` : "") +
                ` <span style="opacity:.7">[${fmtNumber(s.band.lo[j], 4)} – ${fmtNumber(s.band.hi[j], 4)}${
                  s.band.n ? `, n=${s.band.n}` : ""
                }]</span>`;
            }
            return `${typeof p.marker === "string" ? p.marker : ""}${escapeHtml(p.seriesName ?? "")}: <b>${fmtNumber(y, 5)}</b>${extra}`;
          });
          return [`step ${step ?? ""}`, ...rows].join("<br/>");
        },
      },
      xAxis: {
        type: "value",
        name: "step",
        nameLocation: "middle",
        nameGap: 28,
        min: xRange?.min ?? "dataMin",
        max: xRange?.max ?? "dataMax",
      },
      yAxis: {
        type: "value",
        scale: true,
        ...flatRange(series),
        axisLabel: { formatter: axisLabel(series) },
      },
      dataZoom: [
        { type: "inside", xAxisIndex: 0, filterMode: "none" },
        { type: "slider", xAxisIndex: 0, height: 18, bottom: 8, filterMode: "none" },
      ],
      series: [...lines, ...bandSeries],
    };
  }, [series, legend, xRange?.min, xRange?.max]);
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
          dataAttrs={{
            "point-count": points,
            "series-count": series.length,
            "band-count": bands,
            "series-names": JSON.stringify(series.map((s) => s.name)),
          }}
        />
      )}
    </figure>
  );
}

/**
 * Horizontal bars, one per label (top to bottom in label order): long run names stay readable
 * on the category axis however many there are.
 */
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
      grid: {
        left: 8,
        right: 56,
        top: 8,
        bottom: 24,
        outerBoundsMode: "same",
        outerBoundsContain: "axisLabel",
      },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v) => (typeof v === "number" ? `${fmtNumber(v, 4)}${unit ?? ""}` : "—"),
      },
      yAxis: {
        type: "category",
        data: labels,
        inverse: true,
        axisTick: { show: false },
        axisLabel: { interval: 0, overflow: "truncate", width: 200 },
      },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => `${fmtNumber(v)}${unit ?? ""}` } },
      series: [
        {
          type: "bar",
          data: values.map((v) => v ?? 0),
          barMaxWidth: 22,
          label: {
            show: true,
            position: "right",
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
      <EChart
        option={option}
        height={Math.max(140, 40 + 30 * labels.length)}
        ariaLabel={title}
        dataAttrs={{ "bar-count": values.length }}
      />
    </figure>
  );
}
