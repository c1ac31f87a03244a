/** Metric series held in the browser: the downsampled answer of `metricSeries` plus live points. */
import type { MetricSeriesQuery } from "../generated/graphql";

export interface LiveSeries {
  runId: string;
  key: string;
  steps: number[];
  values: number[];
  totalPoints: number;
  downsampled: boolean;
}

export type SeriesMap = Record<string, LiveSeries>;

export const seriesId = (runId: string, key: string): string => `${runId}\u0000${key}`;

export function fromQuery(rows: MetricSeriesQuery["metricSeries"]): SeriesMap {
  const out: SeriesMap = {};
  for (const r of rows) out[seriesId(r.runId, r.key)] = { ...r, steps: [...r.steps], values: [...r.values] };
  return out;
}

/** Insert (or replace, for a re-sent step) points in step order; returns a new map. */
export function appendPoints(
  map: SeriesMap,
  runId: string,
  points: readonly { key: string; step: number; value: number }[],
): SeriesMap {
  const next = { ...map };
  const touched = new Set<string>();
  for (const p of points) {
    const id = seriesId(runId, p.key);
    let s = next[id];
    if (!s) s = { runId, key: p.key, steps: [], values: [], totalPoints: 0, downsampled: false };
    if (!touched.has(id)) {
      s = { ...s, steps: [...s.steps], values: [...s.values] };
      touched.add(id);
    }
    next[id] = s;
    const n = s.steps.length;
    if (n === 0 || p.step > s.steps[n - 1]) {
      s.steps.push(p.step);
      s.values.push(p.value);
      s.totalPoints++;
      continue;
    }
    // Out of order or re-sent: binary search.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s.steps[mid] < p.step) lo = mid + 1;
      else hi = mid;
    }
    if (s.steps[lo] === p.step) s.values[lo] = p.value;
    else {
      s.steps.splice(lo, 0, p.step);
      s.values.splice(lo, 0, p.value);
      s.totalPoints++;
    }
  }
  return next;
}
