import type { ClassificationMetrics } from "../../core/metrics";

/** Scalar metrics of an evaluation as metric-point keys, e.g. `val/accuracy`. */
export function evalPoints(prefix: string, m: ClassificationMetrics): { key: string; value: number }[] {
  const out: { key: string; value: number }[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (k === "confusion" || k === "count" || typeof v !== "number" || !Number.isFinite(v)) continue;
    out.push({ key: `${prefix}/${k}`, value: v });
  }
  return out;
}

/** A run's finalMetrics JSON: every scalar plus the confusion matrix and the evaluated count. */
export function finalMetricsJson(m: ClassificationMetrics | null): Record<string, unknown> {
  if (!m) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v !== "number" || Number.isFinite(v)) out[k] = v;
  return out;
}
