/**
 * Sweeps, pure: which config paths can be swept, the checks of a sweep's parameters, the settings
 * a sweep expands to (a grid's product, or seeded random draws), dotted-path get/set on a config,
 * and the grouping of a sweep's runs by setting with mean ± sample std of their final metrics over
 * the seeds. Browser-safe; the API launches with it (apps/api/src/services/sweeps.ts) and the
 * dashboard's Launch form checks a sweep with the same functions.
 */
import type { RunStatus, SweepMethod } from "../generated/schema-types";
import { METRIC_NAMES, readFinalMetrics, type MetricName } from "./metrics";
import { defaultRunConfig, parseRunConfig, RunConfigError } from "./run-config";

export type { SweepMethod };

/** Most runs one sweep launches (settings × seeds), checked before anything is created. */
export const MAX_SWEEP_RUNS = 256;
/** Most swept parameters of one sweep. */
export const MAX_SWEEP_PARAMETERS = 20;
/** Most values of one parameter. */
export const MAX_SWEEP_VALUES = 256;
/** Most seeds of one sweep. */
export const MAX_SWEEP_SEEDS = 64;
const MAX_SEED = 4294967295;

/** One swept parameter: a config path and its values, or (RANDOM) a numeric range. */
export interface SweepParameterSpec {
  path: string;
  values?: readonly unknown[] | null;
  min?: number | null;
  max?: number | null;
  log?: boolean | null;
  integer?: boolean | null;
}

export interface SweepSpec {
  method: SweepMethod;
  parameters: readonly SweepParameterSpec[];
  /** RANDOM: how many settings to draw. */
  count?: number | null;
  /** RANDOM: seed of the draws (default 0). */
  seed?: number | null;
  /** Run seeds: each setting once per seed. */
  seeds: readonly number[];
}

/** A problem of a sweep's input: the dotted path from the input's root (`parameters.0.values.2`, `count`). */
export interface SweepIssue {
  path: string;
  message: string;
}

/** A setting: the value of each swept path (keys are the dotted paths, in parameter order). */
export type SweepSetting = Record<string, unknown>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** JSON with object keys sorted (arrays keep their order), so equal values give equal strings. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Json;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

/** The value at a dotted path (`optimizer.lr`; a numeric segment indexes an array), or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split(".")) {
    if (Array.isArray(cur) && /^\d+$/.test(k)) cur = cur[Number(k)];
    else if (isObject(cur)) cur = Object.prototype.hasOwnProperty.call(cur, k) ? cur[k] : undefined;
    else return undefined;
  }
  return cur;
}

/**
 * A deep copy of `obj` (JSON) with `value` at the dotted path; missing or non-object steps become
 * objects, a numeric segment into an array sets that element. `obj` is not changed.
 */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const root: unknown = obj === undefined || obj === null ? {} : JSON.parse(JSON.stringify(obj));
  const parts = path.split(".");
  let cur = (isObject(root) || Array.isArray(root) ? root : {}) as Json | unknown[];
  const top = cur;
  for (const [i, k] of parts.entries()) {
    const last = i === parts.length - 1;
    if (Array.isArray(cur) && /^\d+$/.test(k)) {
      if (last) cur[Number(k)] = value;
      else {
        const next = cur[Number(k)];
        cur = (isObject(next) || Array.isArray(next) ? next : (cur[Number(k)] = {})) as Json | unknown[];
      }
    } else {
      const o = cur as Json;
      if (last) o[k] = value;
      else {
        const next = o[k];
        cur = (isObject(next) || Array.isArray(next) ? next : (o[k] = {})) as Json | unknown[];
      }
    }
  }
  return top as T;
}

const SEGMENT = /^[A-Za-z0-9_]+$/;

/**
 * Why `path` cannot be swept, or null when it can: it must name a value of the run configuration
 * (a leaf of `defaultRunConfig()`, arrays such as `optimizer.betas` as one value, or an optional
 * key the schema knows such as `schedule.warmupSteps`), not a section, and not `seed` (a sweep's
 * seeds are its own list).
 */
export function configPathIssue(path: string): string | null {
  const parts = path.split(".");
  if (!path || !parts.every((p) => SEGMENT.test(p))) return `"${path}" is not a dotted path of config keys (e.g. augmentations.noise.std)`;
  if (path === "seed") return "seeds are swept with `seeds`, not as a parameter";
  const defaults = defaultRunConfig() as unknown as Json;
  const v = getPath(defaults, path);
  if (isObject(v))
    return `${path} is a section of the config, not a value: sweep one of its fields (${Object.keys(v)
      .slice(0, 4)
      .map((k) => `${path}.${k}`)
      .join(", ")}, …)`;
  if (v !== undefined) return null;
  // Not in the defaults: an optional key its section knows (schedule.warmupSteps), else unknown.
  const parent = parts.slice(0, -1).join(".");
  if (parent && !isObject(getPath(defaults, parent))) return `${path} is not a config path (${parent} is a value, not a section)`;
  try {
    parseRunConfig(setPath({}, path, 1));
    return null;
  } catch (e) {
    if (!(e instanceof RunConfigError)) throw e;
    const unknown = e.issues.some((i) => i.message === "unknown key" && (i.path === path || path.startsWith(`${i.path}.`)));
    return unknown ? `${path} is not a config path (unknown key)` : null;
  }
}

const isSeed = (s: unknown): s is number => Number.isInteger(s) && (s as number) >= 0 && (s as number) <= MAX_SEED;

/** Settings a checked sweep has: the grid's product (Infinity past any bound), or RANDOM's count. */
export function sweepSettingCount(spec: Pick<SweepSpec, "method" | "parameters" | "count">): number {
  if (spec.method === "RANDOM") return spec.count ?? 0;
  let n = 1;
  for (const p of spec.parameters) {
    n *= p.values?.length ?? 0;
    if (n > 1e9) return Infinity;
  }
  return n;
}

/**
 * Every problem of a sweep's shape, before any config is resolved: the paths (config paths,
 * distinct, none inside another), each parameter's values or range for the method, `count` and
 * the draw seed (RANDOM only), the seeds, and the cost bound (settings × seeds ≤ MAX_SWEEP_RUNS).
 * Paths are relative to the input (`parameters.0.path`, `count`, `seeds.1`).
 */
export function checkSweepSpec(spec: SweepSpec): SweepIssue[] {
  const issues: SweepIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const random = spec.method === "RANDOM";
  if (spec.parameters.length === 0) add("parameters", "give at least one parameter to sweep");
  if (spec.parameters.length > MAX_SWEEP_PARAMETERS) add("parameters", `at most ${MAX_SWEEP_PARAMETERS} parameters`);
  const seen: string[] = [];
  for (const [i, p] of spec.parameters.entries()) {
    const at = `parameters.${i}`;
    const pathIssue = configPathIssue(p.path);
    if (pathIssue) add(`${at}.path`, pathIssue);
    else {
      const clash = seen.find((q) => q === p.path || p.path.startsWith(`${q}.`) || q.startsWith(`${p.path}.`));
      if (clash) add(`${at}.path`, clash === p.path ? `${p.path} is swept twice` : `${p.path} overlaps ${clash}`);
      seen.push(p.path);
    }
    const hasRange = p.min != null || p.max != null;
    if (p.values != null) {
      if (hasRange || p.log || p.integer) add(at, "give values, or min and max, not both");
      if (p.values.length === 0) add(`${at}.values`, "give at least one value");
      if (p.values.length > MAX_SWEEP_VALUES) add(`${at}.values`, `at most ${MAX_SWEEP_VALUES} values`);
      const keys = new Map<string, number>();
      for (const [j, v] of p.values.entries()) {
        if (v === null || v === undefined) add(`${at}.values.${j}`, "null is not a config value");
        const k = canonicalJson(v);
        const first = keys.get(k);
        if (first !== undefined) add(`${at}.values.${j}`, `repeats value ${first} (${k})`);
        else keys.set(k, j);
      }
    } else if (!random) {
      if (hasRange) add(at, "a GRID sweeps values: give `values` (ranges are drawn by RANDOM)");
      else add(`${at}.values`, "give at least one value");
    } else if (p.min == null || p.max == null) add(at, "give values, or both min and max");
    else {
      if (!Number.isFinite(p.min) || !Number.isFinite(p.max)) add(at, "min and max must be finite numbers");
      else if (p.min > p.max) add(`${at}.min`, "must not exceed max");
      else {
        if (p.log && p.min <= 0) add(`${at}.min`, "a log range needs min > 0");
        if (p.integer && Math.ceil(p.min) > Math.floor(p.max)) add(at, "no integer between min and max");
      }
    }
  }
  if (random) {
    if (spec.count == null) add("count", "a RANDOM sweep needs count (how many settings to draw)");
    else if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_SWEEP_RUNS) add("count", `must be an integer from 1 to ${MAX_SWEEP_RUNS}`);
    if (spec.seed != null && !isSeed(spec.seed)) add("seed", "must be an integer in [0, 2^32)");
  } else {
    if (spec.count != null) add("count", "only a RANDOM sweep draws count settings (a GRID runs every combination)");
    if (spec.seed != null) add("seed", "only a RANDOM sweep draws (GRID has no draw seed)");
  }
  if (spec.seeds.length === 0) add("seeds", "give at least one seed");
  if (spec.seeds.length > MAX_SWEEP_SEEDS) add("seeds", `at most ${MAX_SWEEP_SEEDS} seeds`);
  const seeds = new Set<number>();
  for (const [j, s] of spec.seeds.entries()) {
    if (!isSeed(s)) add(`seeds.${j}`, "must be an integer in [0, 2^32)");
    else if (seeds.has(s)) add(`seeds.${j}`, `seed ${s} is given twice`);
    seeds.add(s);
  }
  const settings = sweepSettingCount(spec);
  const total = settings * Math.max(1, spec.seeds.length);
  if (settings > 0 && total > MAX_SWEEP_RUNS) {
    const n = Number.isFinite(settings) ? String(settings) : "over a billion";
    add(random ? "count" : "parameters", `${n} settings × ${spec.seeds.length} seed(s) = ${Number.isFinite(total) ? total : "too many"} runs: a sweep launches at most ${MAX_SWEEP_RUNS}`);
  }
  return issues;
}

/** mulberry32: a small, fast, seeded PRNG in [0, 1) (the draws only need to be reproducible). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One draw of a parameter: from its values, or from its range (6 significant digits; integers). */
function draw(p: SweepParameterSpec, u: number): unknown {
  if (p.values) return p.values[Math.min(p.values.length - 1, Math.floor(u * p.values.length))];
  const min = p.min as number;
  const max = p.max as number;
  if (p.integer) {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    // Each integer k owns [k, k + 1) of the (log-)scale from lo to hi + 1.
    const x = p.log ? Math.exp(Math.log(lo) + u * (Math.log(hi + 1) - Math.log(lo))) : lo + u * (hi + 1 - lo);
    return Math.min(hi, Math.max(lo, Math.floor(x)));
  }
  const x = p.log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
  return Math.min(max, Math.max(min, Number(x.toPrecision(6))));
}

/**
 * The settings of a checked sweep (checkSweepSpec without issues), in launch order. GRID: the
 * Cartesian product of the values, the first parameter varying slowest. RANDOM: `count` settings,
 * each parameter drawn in order from `seededRandom(seed ?? 0)` — the same spec gives the same
 * settings.
 */
export function expandSweep(spec: SweepSpec): SweepSetting[] {
  if (spec.method === "GRID") {
    let out: SweepSetting[] = [{}];
    for (const p of spec.parameters) out = out.flatMap((s) => (p.values ?? []).map((v) => ({ ...s, [p.path]: v })));
    return out;
  }
  const rand = seededRandom(spec.seed ?? 0);
  return Array.from({ length: spec.count ?? 0 }, () => Object.fromEntries(spec.parameters.map((p) => [p.path, draw(p, rand())])));
}

/** What grouping reads of a run. */
export interface SweepRunLike {
  id: string;
  seed: number;
  status: RunStatus;
  config: unknown;
  finalMetrics: unknown;
}

/** Mean and sample std (n − 1) of a metric over runs; std null with fewer than 2 values. */
export interface MetricSummary {
  key: string;
  mean: number | null;
  std: number | null;
  n: number;
}

export function summarize(key: string, values: readonly number[]): MetricSummary {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { key, mean: null, std: null, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const std = n < 2 ? null : Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { key, mean, std, n };
}

const FINISHED: readonly RunStatus[] = ["SUCCEEDED", "FAILED", "CANCELLED"];

export interface SweepGroupOf<R extends SweepRunLike> {
  /** Position of the setting (0-based, launch order). */
  index: number;
  /** Canonical JSON of the setting's values (what runs are matched by). */
  key: string;
  values: { path: string; value: unknown }[];
  /** In the order of the sweep's seeds. */
  runs: R[];
  runCount: number;
  finishedCount: number;
  succeededCount: number;
  metric: MetricSummary;
  /** Every catalogue metric a SUCCEEDED run reports, in the catalogue's order. */
  metrics: MetricSummary[];
}

/**
 * A sweep's runs grouped by setting: one group per setting (in `settings` order; settings with
 * equal values are one group), a run matched by its config's values at `paths` (a run matching no
 * setting gets a group of its own after them). Each group's metrics are the mean ± sample std over
 * its SUCCEEDED runs' final metrics (`readFinalMetrics`), `metric` the sweep's own.
 */
export function groupSweepRuns<R extends SweepRunLike>(
  paths: readonly string[],
  settings: readonly SweepSetting[],
  seeds: readonly number[],
  runs: readonly R[],
  metric: MetricName,
): SweepGroupOf<R>[] {
  const keyOf = (values: unknown[]) => canonicalJson(values);
  const groups: { key: string; values: unknown[]; runs: R[] }[] = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  const groupFor = (values: unknown[]) => {
    const key = keyOf(values);
    let g = byKey.get(key);
    if (!g) {
      g = { key, values, runs: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    return g;
  };
  for (const s of settings) groupFor(paths.map((p) => s[p]));
  for (const r of runs) groupFor(paths.map((p) => getPath(r.config, p))).runs.push(r);
  const seedOrder = (s: number) => {
    const i = seeds.indexOf(s);
    return i < 0 ? seeds.length : i;
  };
  return groups.map((g, index) => {
    const rs = [...g.runs].sort((a, b) => seedOrder(a.seed) - seedOrder(b.seed) || a.seed - b.seed || a.id.localeCompare(b.id));
    const ok = rs.filter((r) => r.status === "SUCCEEDED").map((r) => readFinalMetrics(r.finalMetrics).metrics);
    const reported = METRIC_NAMES.filter((m) => ok.some((x) => x[m] !== undefined));
    const summary = (m: MetricName) => summarize(m, ok.flatMap((x) => (x[m] === undefined ? [] : [x[m]])));
    return {
      index,
      key: g.key,
      values: paths.map((path, i) => ({ path, value: g.values[i] })),
      runs: rs,
      runCount: rs.length,
      finishedCount: rs.filter((r) => FINISHED.includes(r.status)).length,
      succeededCount: ok.length,
      metric: summary(metric),
      metrics: reported.map(summary),
    };
  });
}

export interface SweepProgressCounts {
  total: number;
  queued: number;
  running: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  finished: number;
  done: boolean;
}

export function sweepProgress(runs: readonly { status: RunStatus }[]): SweepProgressCounts {
  const n = (s: RunStatus) => runs.filter((r) => r.status === s).length;
  const finished = n("SUCCEEDED") + n("FAILED") + n("CANCELLED");
  return {
    total: runs.length,
    queued: n("QUEUED"),
    running: n("RUNNING"),
    succeeded: n("SUCCEEDED"),
    failed: n("FAILED"),
    cancelled: n("CANCELLED"),
    finished,
    done: runs.length > 0 && finished === runs.length,
  };
}

/** A value as a short label (`0.1`, `true`, `[0.5,1]`, `"absolute"` without quotes). */
export function sweepValueLabel(v: unknown): string {
  return typeof v === "string" ? v : canonicalJson(v);
}
