"use client";
/**
 * Final metric against total cost (training + the run's share of its cache's build, in seconds
 * or GB·s: `RunComparison.cost`), the Pareto front marked (@loffta/graphql/domain paretoFront:
 * no other run is at least as cheap and at least as good), and per run how it stands against a
 * fine-tuning run of the set: "accuracy within X of fine-tuning at Y× less cost".
 */
import { METRICS, METRIC_NAMES, paretoFront, type MetricName, type RunKind } from "@loffta/graphql/domain";
import { useMemo, useState } from "react";
import { EChart, type ChartOption } from "../components/EChart";
import { Empty } from "../components/states";
import { fmtDuration, fmtNumber, kindLabel } from "../lib/format";

export interface CostPoint {
  id: string;
  name: string;
  kind: RunKind;
  totalSeconds: number | null;
  memoryGbSeconds: number | null;
  cacheShareSeconds: number;
  metrics: Record<string, number> | null | undefined;
}

type Axis = "seconds" | "gbs";

/** "accuracy 0.012 below fine-tuning at 3.4× less cost" (direction by the metric's). */
export function vsFinetune(value: number, cost: number, ftValue: number, ftCost: number, metric: MetricName): string {
  const spec = METRICS[metric];
  const d = value - ftValue;
  const better = spec.higherIsBetter ? d > 0 : d < 0;
  const where = d === 0 ? "equal to" : `${fmtNumber(Math.abs(d), 3)} ${better === spec.higherIsBetter ? "above" : "below"}`;
  const ratio = ftCost / cost;
  const price = ratio >= 1 ? `${fmtNumber(ratio, 3)}× less cost` : `${fmtNumber(1 / ratio, 3)}× more cost`;
  return `${spec.label.toLowerCase()} ${where} fine-tuning at ${price}`;
}

export function CostPlot({ points }: { points: CostPoint[] }) {
  const [metric, setMetric] = useState<MetricName>("accuracy");
  const [axis, setAxis] = useState<Axis>("seconds");
  const spec = METRICS[metric];
  const rows = useMemo(
    () =>
      points
        .map((p) => ({ ...p, cost: axis === "seconds" ? p.totalSeconds : p.memoryGbSeconds, value: p.metrics?.[metric] }))
        .filter((p): p is typeof p & { cost: number; value: number } => typeof p.cost === "number" && typeof p.value === "number" && Number.isFinite(p.value)),
    [points, axis, metric],
  );
  const front = useMemo(() => new Set(paretoFront(rows.map((r) => ({ cost: r.cost, metric: spec.higherIsBetter ? r.value : -r.value }))).map((i) => rows[i].id)), [rows, spec]);
  const finetune = rows.find((r) => r.kind === "UNFROZEN_LINEAR");
  const option = useMemo((): ChartOption => {
    const frontRows = rows.filter((r) => front.has(r.id)).sort((a, b) => a.cost - b.cost);
    return {
      animation: false,
      grid: { left: 56, right: 140, top: 28, bottom: 44 },
      legend: { top: 0 },
      tooltip: { trigger: "item" },
      xAxis: { type: "log", name: axis === "seconds" ? "total cost (s, log)" : "memory × time (GB·s, log)", nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "value", name: spec.label, scale: true },
      series: [
        {
          type: "scatter",
          name: "runs",
          symbolSize: 11,
          data: rows.map((r) => ({ value: [r.cost, r.value], name: `${r.name} (${kindLabel(r.kind)})`, itemStyle: { color: front.has(r.id) ? "#2563eb" : "#94a3b8" } })),
          label: { show: true, position: "right", formatter: (p: { name?: string }) => p.name ?? "", fontSize: 10 },
        },
        { type: "line", name: "Pareto front", step: "end", showSymbol: false, lineStyle: { color: "#2563eb", type: "dashed" }, data: frontRows.map((r) => [r.cost, r.value]) },
      ],
    };
  }, [rows, front, axis, spec]);
  return (
    <section className="card" data-testid="cost-plot-card">
      <h2>
        Metric against cost{" "}
        <span className="muted small">training + the run&apos;s share of its cache&apos;s build; blue: the Pareto front</span>
      </h2>
      <p className="small">
        <label>
          Metric{" "}
          <select value={metric} onChange={(e) => setMetric(e.target.value as MetricName)} data-testid="cost-metric">
            {METRIC_NAMES.map((m) => (
              <option key={m} value={m}>
                {METRICS[m].label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Cost{" "}
          <select value={axis} onChange={(e) => setAxis(e.target.value as Axis)} data-testid="cost-axis">
            <option value="seconds">seconds</option>
            <option value="gbs">GB·s of memory</option>
          </select>
        </label>
      </p>
      {rows.length === 0 ? (
        <Empty>No finished run with a cost and a {spec.label.toLowerCase()} yet.</Empty>
      ) : (
        <>
          <EChart option={option} height={300} ariaLabel="metric against cost" dataAttrs={{ testid: "cost-plot", front: [...front].join(","), points: rows.length }} />
          <table className="data compact" data-testid="cost-table">
            <thead>
              <tr>
                <th>Run</th>
                <th className="num">{spec.label}</th>
                <th className="num">Total cost</th>
                <th className="num">of it: cache share</th>
                <th>Front</th>
                <th>Against fine-tuning</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-run-id={r.id} data-front={front.has(r.id) ? "1" : "0"}>
                  <td>{r.name}</td>
                  <td className="num">{fmtNumber(r.value, 4)}</td>
                  <td className="num">{axis === "seconds" ? fmtDuration(r.cost) : `${fmtNumber(r.cost)} GB·s`}</td>
                  <td className="num">{fmtDuration(r.cacheShareSeconds)}</td>
                  <td>{front.has(r.id) ? "●" : ""}</td>
                  <td className="small" data-testid="vs-finetune">
                    {finetune && finetune.id !== r.id ? vsFinetune(r.value, r.cost, finetune.value, finetune.cost, metric) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
