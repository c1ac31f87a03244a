/** Display helpers (pure). Domain facts (kinds, metrics) come from the catalogue, @loffta/graphql/domain. */
import {
  isMetricName,
  METRIC_NAMES,
  METRICS,
  MODEL_FAMILIES,
  RUN_KINDS,
  type AugmentationParam,
  type MetricName,
} from "@loffta/graphql/domain";
import type { ModelFamily, RunKind } from "../generated/graphql";

export function fmtNumber(v: number | null | undefined, digits = 3): string {
  if (v == null || !Number.isFinite(v)) return "—";
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(2);
  return Number(v.toPrecision(digits)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

export function fmtBytes(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return "—";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let x = v;
  let i = 0;
  while (Math.abs(x) >= 1024 && i < units.length - 1) {
    x /= 1024;
    i++;
  }
  return `${x.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export function fmtRatio(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? "—" : `${v.toFixed(v >= 10 ? 1 : 2)}×`;
}

export function fmtDuration(sec: number | null | undefined): string {
  if (sec == null || !Number.isFinite(sec)) return "—";
  if (sec < 60) return `${sec.toFixed(1)} s`;
  const m = Math.floor(sec / 60);
  if (m < 60) return `${m} min ${Math.round(sec % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

export function fmtAgo(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "—";
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(s)) return iso;
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/** A JSON value in one line. */
export function fmtJson(v: unknown): string {
  if (v === undefined || v === null) return "—";
  if (typeof v === "number") return fmtNumber(v, 4);
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Value at a dotted path of a JSON object ("augmentations.noise.std"). */
export function getPath(obj: unknown, dotted: string): unknown {
  let cur: unknown = obj;
  for (const part of dotted.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Every leaf path of a JSON object (arrays are leaves), sorted. */
export function leafPaths(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return prefix ? [prefix] : [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj as Record<string, unknown>))
    out.push(...leafPaths(v, prefix ? `${prefix}.${k}` : k));
  return out.sort();
}

/** One evaluation metric of a run, as the catalogue (`METRICS`) names and ranks it. */
export interface MetricValue {
  name: MetricName;
  label: string;
  higherIsBetter: boolean;
  value: number;
}

/** The catalogue's entry for a metric name (label and direction); null for anything that is not a metric. */
export function metricSpec(
  name: string,
): { name: MetricName; label: string; higherIsBetter: boolean } | null {
  return isMetricName(name) ? { name, ...METRICS[name] } : null;
}

/**
 * The evaluation metrics of a `Run.finalMetrics` object, in catalogue order. Only names in
 * `METRICS` count: the test-set size, the split or a confusion matrix are never metrics (they
 * have their own typed fields: `evalCount`, `evalSplit`, `confusionMatrix`).
 */
export function runMetrics(finalMetrics: unknown): MetricValue[] {
  if (!finalMetrics || typeof finalMetrics !== "object" || Array.isArray(finalMetrics)) return [];
  const o = finalMetrics as Record<string, unknown>;
  return METRIC_NAMES.flatMap((name) => {
    const v = o[name];
    return typeof v === "number" && Number.isFinite(v) ? [{ name, ...METRICS[name], value: v }] : [];
  });
}

/** A run kind's label (the catalogue's `RUN_KINDS`). */
export const kindLabel = (kind: RunKind): string => RUN_KINDS[kind].label;

/**
 * A feature cache's layer (`FeatureCache.layer`): a 1-based block number (the last is the model's
 * depth), or 0 for families whose feature layer is named in the model's options (MODEL_FAMILIES).
 */
export function layerLabel(layer: number, family: ModelFamily, depth: number): string {
  if (MODEL_FAMILIES[family].layers === "named") return "named layer (options.tfjsLayer)";
  return `block ${layer} of ${depth}${layer === depth ? " (last)" : ""}`;
}

/** An augmentation parameter's value as the catalogue describes it (`AugmentationParam`). */
export function fmtParam(param: AugmentationParam | undefined, v: unknown): string {
  if (param?.type === "range" && Array.isArray(v) && v.length === 2)
    return `${fmtJson(v[0])}–${fmtJson(v[1])}`;
  return fmtJson(v);
}
