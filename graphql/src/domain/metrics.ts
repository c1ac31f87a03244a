/**
 * Evaluation metrics a run reports (`Run.finalMetrics`), with labels and direction. Anything
 * else a worker stores next to them (the confusion matrix, the evaluated split and its size) is
 * not a metric and has its own typed field.
 */
export const METRICS = {
  accuracy: { label: "Accuracy", higherIsBetter: true },
  balancedAccuracy: { label: "Balanced accuracy", higherIsBetter: true },
  macroF1: { label: "Macro F1", higherIsBetter: true },
  kappa: { label: "Quadratic κ", higherIsBetter: true },
  auc: { label: "ROC AUC", higherIsBetter: true },
  loss: { label: "Loss", higherIsBetter: false },
} as const satisfies Record<string, { label: string; higherIsBetter: boolean }>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

export function isMetricName(k: string): k is MetricName {
  return Object.prototype.hasOwnProperty.call(METRICS, k);
}

/**
 * A run's `finalMetrics` as stored (one flat JSON object, so SQL can sort and filter on
 * `finalMetrics->>'accuracy'`): the metrics by name, plus `confusion` (cm[true][predicted]),
 * `evalSplit` and `evalCount` of the evaluation. Read it with readFinalMetrics.
 */
export interface FinalMetricsRecord {
  metrics: Partial<Record<MetricName, number>>;
  confusion: number[][] | null;
  evalSplit: string | null;
  evalCount: number | null;
}

/** Read a stored `finalMetrics` JSON (tolerates rows written before this layout). */
export function readFinalMetrics(json: unknown): FinalMetricsRecord {
  const out: FinalMetricsRecord = { metrics: {}, confusion: null, evalSplit: null, evalCount: null };
  if (!json || typeof json !== "object" || Array.isArray(json)) return out;
  const o = json as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) if (isMetricName(k) && typeof v === "number" && Number.isFinite(v)) out.metrics[k] = v;
  const cm = o.confusion;
  if (Array.isArray(cm) && cm.every((r) => Array.isArray(r) && r.every((x) => Number.isInteger(x)))) out.confusion = cm as number[][];
  if (typeof o.evalSplit === "string") out.evalSplit = o.evalSplit;
  const n = o.evalCount ?? o.count;
  if (typeof n === "number" && Number.isInteger(n)) out.evalCount = n;
  return out;
}
