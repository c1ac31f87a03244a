/**
 * Which curves share a chart. A run logs keys like `train/loss`, `val/accuracy`, `train/lr`,
 * `train/images_per_sec`, `epoch`: a chart per *quantity* (the name after the split prefix), so
 * every chart has one unit on its y axis and its own range — accuracy never shares an axis with
 * images/s or the learning rate — while train and val of the same quantity are overlaid where
 * they can be compared. Every loss (`train/loss`, `val/loss`, `train/epoch_loss`) is one quantity.
 * The evaluation metrics are the catalogue's (`METRICS`, labels and direction).
 */
import { isMetricName, METRIC_NAMES, METRICS } from "@loffta/graphql/domain";

export interface Panel {
  /** Stable id, used in test ids (`chart-<id>`): `loss`, a metric name, `lr`, `images_per_sec`, `epoch`, … */
  id: string;
  title: string;
  /** Metric keys drawn on it, sorted. */
  keys: string[];
  /**
   * System metrics (`system/*` keys only): their steps are not optimizer steps (a worker logs
   * seconds since training started, a wandb import its event line), so the chart keeps its own
   * x range instead of the run's shared step range.
   */
  ownX: boolean;
}

/**
 * Titles of the training series a worker logs besides the catalogue's metrics (the worker's
 * `recordStep` / `recordEpoch`). An unknown key still gets its own chart, titled by its name.
 */
const SERIES_TITLES: Record<string, string> = {
  lr: "Learning rate",
  images_per_sec: "Throughput (images/s)",
  epoch: "Epoch",
  // System metrics of the training process (the worker's system-metrics.ts; the step is seconds
  // since training started): percent and bytes are different quantities, so separate charts.
  cpu_percent: "CPU (% of one core) vs seconds",
  rss_bytes: "Memory RSS (bytes) vs seconds",
  gpu_bytes: "GPU memory (bytes) vs seconds",
};
const TAIL = ["lr", "images_per_sec", "epoch", "cpu_percent", "rss_bytes", "gpu_bytes"];

/** The quantity of a key: its name after the last `/`, every loss as `loss`. */
export function quantityOf(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  return /loss/i.test(name) ? "loss" : name;
}

function titleOf(q: string): string {
  if (isMetricName(q)) return `${METRICS[q].label} ${METRICS[q].higherIsBetter ? "↑" : "↓"}`;
  return SERIES_TITLES[q] ?? q.replace(/_/g, " ");
}

function rank(q: string): number {
  const m = (METRIC_NAMES as string[]).indexOf(q);
  if (q === "loss") return -1;
  if (m >= 0) return m;
  const t = TAIL.indexOf(q);
  return t >= 0 ? 100 + t : 50;
}

/** The charts of a run: one per quantity, in order loss, the catalogue's metrics, unknown keys, lr, throughput, epoch. */
export function panelsOf(keys: readonly string[]): Panel[] {
  const by = new Map<string, string[]>();
  for (const k of keys) {
    const q = quantityOf(k);
    by.set(q, [...(by.get(q) ?? []), k]);
  }
  return [...by.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([id, ks]) => ({
      id,
      title: titleOf(id),
      keys: [...new Set(ks)].sort(),
      ownX: ks.every((k) => k.startsWith("system/")),
    }));
}

/**
 * Compare's default keys: the validation curve of every catalogue metric (`val/<metric>`, in
 * catalogue order) and the training loss, among the keys the runs logged; when the runs logged
 * none of these, their first keys.
 */
export function defaultCompareKeys(available: readonly string[], max = 8): string[] {
  const has = new Set(available);
  const wanted = ["train/loss", ...METRIC_NAMES.map((m) => `val/${m}`)].filter((k) => has.has(k));
  return wanted.length ? wanted.slice(0, max) : [...available].sort().slice(0, Math.min(4, max));
}

/** A key's title in Compare: the key, with the catalogue's label when it names a metric. */
export function keyTitle(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  return isMetricName(name)
    ? `${key} — ${METRICS[name].label} ${METRICS[name].higherIsBetter ? "↑" : "↓"}`
    : key;
}
