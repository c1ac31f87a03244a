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
}

/**
 * Titles of the training series a worker logs besides the catalogue's metrics (the worker's
 * `recordStep` / `recordEpoch`). An unknown key still gets its own chart, titled by its name.
 */
const SERIES_TITLES: Record<string, string> = {
  lr: "Learning rate",
  images_per_sec: "Throughput (images/s)",
  epoch: "Epoch",
};
const TAIL = ["lr", "images_per_sec", "epoch"];

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
    .map(([id, ks]) => ({ id, title: titleOf(id), keys: [...new Set(ks)].sort() }));
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
