/**
 * Metric points as columns (`MetricColumnsInput` of graphql/metrics.graphql): the one encoding of
 * a batch of points, used by the worker to send them (`logMetricColumns`) and by the API to store
 * any batch (a `logMetrics` list of objects and the wandb ingest are encoded the same way).
 */

/** A point as logged: key, step, value, and when it was measured (ISO string or Date) if known. */
export interface MetricPointLike<W = string | Date> {
  key: string;
  step: number;
  value: number;
  wallTime?: W | null;
}

/** `MetricColumnsInput`: point i is (keys[key[i]], steps[i], values[i], wallTimes?.[i]). */
export interface MetricColumns<W = string> {
  keys: string[];
  key: number[];
  steps: number[];
  values: number[];
  wallTimes?: (W | null)[] | null;
}

/**
 * Encode points as columns: each distinct key once, in order of first appearance; `wallTimes`
 * only when some point has one.
 */
export function toMetricColumns<W>(points: readonly MetricPointLike<W>[]): MetricColumns<W> {
  const n = points.length;
  const index = new Map<string, number>();
  const keys: string[] = [];
  const key = new Array<number>(n);
  const steps = new Array<number>(n);
  const values = new Array<number>(n);
  let wallTimes: (W | null)[] | null = null;
  for (let i = 0; i < n; i++) {
    const p = points[i];
    let k = index.get(p.key);
    if (k === undefined) {
      k = keys.length;
      index.set(p.key, k);
      keys.push(p.key);
    }
    key[i] = k;
    steps[i] = p.step;
    values[i] = p.value;
    if (p.wallTime != null) (wallTimes ??= new Array<W | null>(n).fill(null))[i] = p.wallTime;
  }
  return wallTimes ? { keys, key, steps, values, wallTimes } : { keys, key, steps, values };
}
