/** Config comparison (pure): flatten JSON configs to dotted paths and keep what differs. */
import { METRIC_NAMES, readFinalMetrics, type MetricName } from "@loffta/graphql/domain";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Flatten nested objects to dotted paths (`optimizer.lr`). Arrays are leaves (compared whole:
 * `scale: [0.5, 1]` is one value); an empty object is a leaf too.
 */
export function flattenConfig(value: unknown, prefix = "", out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flattenConfig(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

export interface ConfigDifference {
  path: string;
  /** One value per config, in input order; null where the config lacks the path. */
  values: unknown[];
}

/** Paths whose values are not all equal across `configs`, sorted by path. */
export function diffConfigs(configs: unknown[]): ConfigDifference[] {
  const flats = configs.map((c) => flattenConfig(c));
  const paths = new Set<string>();
  for (const f of flats) for (const p of f.keys()) paths.add(p);
  const out: ConfigDifference[] = [];
  for (const path of [...paths].sort()) {
    const values = flats.map((f) => (f.has(path) ? f.get(path) : undefined));
    const same = values.every((v) => v !== undefined && jsonEqual(v, values[0]));
    if (!same) out.push({ path, values: values.map((v) => (v === undefined ? null : v)) });
  }
  return out;
}

/**
 * Final metrics side by side: every metric (METRICS) any run reports, sorted by key; null where
 * missing. Only metrics: what else a stored finalMetrics holds (the confusion matrix, the
 * evaluated split and its size) is not compared here.
 */
export function compareMetrics(finalMetrics: unknown[]): { key: MetricName; values: (number | null)[] }[] {
  const read = finalMetrics.map((m) => readFinalMetrics(m).metrics);
  const keys = METRIC_NAMES.filter((k) => read.some((m) => m[k] !== undefined)).sort();
  return keys.map((key) => ({ key, values: read.map((m) => m[key] ?? null) }));
}

/** a ÷ b when both are known and positive, else null. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || !(a > 0) || !(b > 0)) return null;
  return a / b;
}

export interface Efficiency {
  trainImagesPerSec: number | null;
  peakMemoryBytes: number | null;
  baselineImagesPerSec: number | null;
  baselinePeakMemoryBytes: number | null;
}

/** Speed-up (run ÷ baseline images/s) and memory saving (baseline ÷ run peak memory). */
export function savings(e: Efficiency): { speedup: number | null; memorySaving: number | null } {
  return { speedup: ratio(e.trainImagesPerSec, e.baselineImagesPerSec), memorySaving: ratio(e.baselinePeakMemoryBytes, e.peakMemoryBytes) };
}
