/**
 * Min/max bucket downsampling (pure). A series is cut into equal step ranges; each bucket keeps
 * its smallest and its largest value (at their own steps), and the series keeps its first and
 * last point, so extremes and spikes survive while a 100k-point series becomes ~maxPoints.
 * The database computes the per-bucket extremes (services/metrics.ts); this module decides the
 * bucket width and assembles the result, and minMaxDownsample() is the in-memory reference.
 */

export interface Series {
  steps: number[];
  values: number[];
}

export interface BucketExtremes {
  minStep: number;
  minValue: number;
  maxStep: number;
  maxValue: number;
}

/** Buckets that fit `maxPoints`: two points per bucket plus the first and last point. */
export function bucketCount(maxPoints: number): number {
  return Math.max(1, Math.floor((maxPoints - 2) / 2));
}

/**
 * Width in steps of one bucket for steps lo..hi (1 when the span itself fits). Only for series
 * with more points than maxPoints: whether to downsample is decided by the point count, never by
 * the span (a sparse series with few points over many steps comes back exact).
 */
export function bucketWidth(lo: number, hi: number, maxPoints: number): number {
  const span = hi - lo + 1;
  if (span <= maxPoints) return 1;
  return Math.ceil(span / bucketCount(maxPoints));
}

/** Merge first/last points and per-bucket extremes (in bucket order) into one step-sorted series. */
export function assembleSeries(first: { step: number; value: number }, last: { step: number; value: number }, buckets: BucketExtremes[]): Series {
  const out: Series = { steps: [], values: [] };
  const push = (step: number, value: number) => {
    const n = out.steps.length;
    if (n > 0 && out.steps[n - 1] >= step) return; // already emitted (same point)
    out.steps.push(step);
    out.values.push(value);
  };
  push(first.step, first.value);
  for (const b of buckets) {
    if (b.minStep <= b.maxStep) {
      push(b.minStep, b.minValue);
      push(b.maxStep, b.maxValue);
    } else {
      push(b.maxStep, b.maxValue);
      push(b.minStep, b.minValue);
    }
  }
  push(last.step, last.value);
  return out;
}

/**
 * In-memory min/max downsampling of a step-sorted series (same buckets as the SQL path). A series
 * of at most maxPoints points is returned exact, whatever its step span.
 */
export function minMaxDownsample(series: Series, maxPoints: number): Series {
  const n = series.steps.length;
  if (n <= maxPoints) return { steps: [...series.steps], values: [...series.values] };
  const lo = series.steps[0];
  const hi = series.steps[n - 1];
  const w = bucketWidth(lo, hi, maxPoints);
  const buckets: BucketExtremes[] = [];
  let cur = -1;
  for (let i = 0; i < n; i++) {
    const b = Math.floor((series.steps[i] - lo) / w);
    const s = series.steps[i];
    const v = series.values[i];
    if (b !== cur) {
      buckets.push({ minStep: s, minValue: v, maxStep: s, maxValue: v });
      cur = b;
      continue;
    }
    const e = buckets[buckets.length - 1];
    // Ties: the min keeps the earliest step, the max the latest (as SQL min/max over [value, step] arrays).
    if (v < e.minValue) {
      e.minValue = v;
      e.minStep = s;
    }
    if (v >= e.maxValue) {
      e.maxValue = v;
      e.maxStep = s;
    }
  }
  return assembleSeries({ step: lo, value: series.values[0] }, { step: hi, value: series.values[n - 1] }, buckets);
}

/** Step-bucket levels kept in the MetricRollup table: bucket = step >> level (widths 8, 32, …, 32768). */
export const ROLLUP_LEVELS = [3, 5, 7, 9, 11, 13, 15] as const;

/**
 * The rollup level to read for a target bucket width: the finest level whose buckets are at least
 * `width` steps wide, so at most the target bucket count of rows is read per series (and the
 * result has between a quarter of and all the target buckets). The coarsest level beyond that.
 */
export function rollupLevelFor(width: number): number {
  for (const l of ROLLUP_LEVELS) if (2 ** l >= width) return l;
  return ROLLUP_LEVELS[ROLLUP_LEVELS.length - 1];
}

/**
 * Re-bucket finer extremes (e.g. rollup buckets) into target buckets of `width` steps from `lo`.
 * Each extreme point is placed by its own step, so every returned point is a stored point and
 * the series' global minimum and maximum always survive.
 */
export function coarsen(fine: BucketExtremes[], lo: number, width: number): BucketExtremes[] {
  // Dense by bucket index (fine extremes span at most the series' range): no map, no sort.
  let top = -1;
  for (const f of fine) top = Math.max(top, Math.floor((f.minStep - lo) / width), Math.floor((f.maxStep - lo) / width));
  const slots = new Array<BucketExtremes | undefined>(top + 1);
  const place = (step: number, value: number) => {
    const b = Math.floor((step - lo) / width);
    const e = slots[b];
    if (!e) {
      slots[b] = { minStep: step, minValue: value, maxStep: step, maxValue: value };
      return;
    }
    if (value < e.minValue || (value === e.minValue && step < e.minStep)) {
      e.minValue = value;
      e.minStep = step;
    }
    if (value > e.maxValue || (value === e.maxValue && step > e.maxStep)) {
      e.maxValue = value;
      e.maxStep = step;
    }
  };
  for (const f of fine) {
    place(f.minStep, f.minValue);
    place(f.maxStep, f.maxValue);
  }
  const out: BucketExtremes[] = [];
  for (const e of slots) if (e) out.push(e);
  return out;
}
