/**
 * Seeds of one setting: runs that differ only in their seed — same kind, same feature cache and
 * the same effective configuration (`Run.config`) apart from `seed` — are one setting measured
 * several times. Compare can draw such a group as a mean curve with a min–max band and its final
 * metrics as mean ± std. Pure functions (no React), unit-tested in tests/web/seeds.test.ts.
 */

export interface SeedRunLike {
  id: string;
  name: string;
  kind: string;
  seed: number;
  config: unknown;
  cache?: { id: string } | null;
}

export interface SeedGroup<R extends SeedRunLike> {
  /** The setting (kind, cache, config without seed) as a canonical string. */
  key: string;
  /** Display name: the runs' common name (seed suffix dropped), else the first run's name. */
  name: string;
  runs: R[];
  seeds: number[];
}

/** JSON with object keys sorted (arrays keep their order), so equal configs give equal strings. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

/** What a run's setting is, apart from its seed. */
export function settingKey(r: SeedRunLike): string {
  const cfg =
    r.config && typeof r.config === "object" && !Array.isArray(r.config)
      ? Object.fromEntries(Object.entries(r.config as Record<string, unknown>).filter(([k]) => k !== "seed"))
      : r.config;
  return `${r.kind}\u0000${r.cache?.id ?? ""}\u0000${canonicalJson(cfg)}`;
}

/** The common name of a group's runs: their longest common prefix without a trailing seed marker. */
export function groupName(names: readonly string[]): string {
  if (names.length === 0) return "";
  if (names.length === 1) return names[0];
  let p = names[0];
  for (const n of names.slice(1)) {
    let i = 0;
    while (i < p.length && i < n.length && p[i] === n[i]) i++;
    p = p.slice(0, i);
  }
  p = p.replace(/([\s\-_./:#=]+(seed|s))?[\s\-_./:#=]*$/i, "");
  return p.length >= 2 ? p : names[0];
}

/**
 * Runs grouped by setting, in the order of each setting's first run; a run whose setting no other
 * run shares is a group of one.
 */
export function groupBySeed<R extends SeedRunLike>(runs: readonly R[]): SeedGroup<R>[] {
  const by = new Map<string, R[]>();
  for (const r of runs) {
    const k = settingKey(r);
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return [...by.entries()].map(([key, rs]) => ({
    key,
    name: groupName(rs.map((r) => r.name)),
    runs: rs,
    seeds: rs.map((r) => r.seed),
  }));
}

export interface MeanStd {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  std: number;
  n: number;
}

export function meanStd(values: readonly number[]): MeanStd | null {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, std, n: xs.length };
}

export interface StepSeries {
  steps: readonly number[];
  values: readonly number[];
}

export interface AggregatedSeries {
  steps: number[];
  mean: number[];
  std: number[];
  min: number[];
  max: number[];
  /** Runs aggregated at every step. */
  n: number;
}

/** Value of a series at `step` (linear between its points; the caller keeps `step` in its range). */
function valueAt(s: StepSeries, step: number): number {
  let lo = 0;
  let hi = s.steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.steps[mid] < step) lo = mid + 1;
    else hi = mid;
  }
  if (s.steps[lo] === step || lo === 0) return s.values[lo];
  const x0 = s.steps[lo - 1];
  const x1 = s.steps[lo];
  const t = (step - x0) / (x1 - x0);
  return s.values[lo - 1] + t * (s.values[lo] - s.values[lo - 1]);
}

/**
 * The mean, std, min and max of several runs' series of one key, step by step, over the steps
 * every run has reached (a run still training shortens the group's curve rather than changing
 * how many runs its mean is over). At a step a run did not log (downsampled series do not share
 * steps) its value is interpolated linearly between its neighbouring points. At most `maxPoints`
 * steps (evenly thinned). Null when the runs share no step range.
 */
export function aggregateSeries(series: readonly StepSeries[], maxPoints = 2000): AggregatedSeries | null {
  const ss = series.filter((s) => s.steps.length > 0);
  if (ss.length === 0) return null;
  const from = Math.max(...ss.map((s) => s.steps[0]));
  const to = Math.min(...ss.map((s) => s.steps[s.steps.length - 1]));
  if (from > to) return null;
  let steps = [...new Set(ss.flatMap((s) => s.steps.filter((x) => x >= from && x <= to)))].sort(
    (a, b) => a - b,
  );
  if (steps.length > maxPoints) {
    const stride = (steps.length - 1) / (maxPoints - 1);
    steps = Array.from({ length: maxPoints }, (_, i) => steps[Math.round(i * stride)]);
  }
  const out: AggregatedSeries = { steps, mean: [], std: [], min: [], max: [], n: ss.length };
  for (const step of steps) {
    const vs = ss.map((s) => valueAt(s, step));
    const m = meanStd(vs)!;
    out.mean.push(m.mean);
    out.std.push(m.std);
    out.min.push(Math.min(...vs));
    out.max.push(Math.max(...vs));
  }
  return out;
}
