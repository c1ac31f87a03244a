/**
 * The W&B client's data, mapped onto Loffta's (pure functions; docs/wandb.md):
 * - the API key (HTTP basic auth `api:<key>`) → a Loffta bearer token;
 * - config `{"k": {"value": v}}` → the run's free-form config `{k: v}`;
 * - a history / events line → metric points (nested keys flattened `a/b`, non-numeric skipped);
 * - the summary → finalMetrics and the efficiency columns a baseline is read from;
 * - a console line (`[ERROR ]<ISO time> <text>`) → a run log line.
 */
import type { RunLogLevel } from "../generated/resolvers";

/** Every Loffta token starts with this (packages/db TOKEN_PREFIX). */
const TOKEN_PREFIX = "lft_";

/**
 * A W&B API key that carries a Loffta token: `loffta-<token>-wandb`. The wandb client refuses keys
 * whose part after the first "-" is shorter than 40 characters (a Loffta token is 36), so the token
 * is wrapped: the client's check then sees `<token>-wandb` (42+ characters, letters, digits, `_`, `-`).
 */
export const WANDB_KEY_PREFIX = "loffta-";
export const WANDB_KEY_SUFFIX = "-wandb";

/** The W&B API key for a Loffta token secret. */
export function wandbKeyFor(tokenSecret: string): string {
  return `${WANDB_KEY_PREFIX}${tokenSecret}${WANDB_KEY_SUFFIX}`;
}

/**
 * The Loffta token secret in an Authorization header: `Basic base64(api:<key>)` with `<key>` either
 * `loffta-<token>-wandb` or the bare token, or `Bearer <token>`. Null when absent or malformed (the
 * token itself is then checked like every other: hash lookup, revocation, expiry, scopes).
 */
export function tokenFromAuthorization(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1].startsWith(TOKEN_PREFIX) ? bearer[1] : null;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  let key = decoded.slice(colon + 1).trim();
  if (key.startsWith(WANDB_KEY_PREFIX) && key.endsWith(WANDB_KEY_SUFFIX)) key = key.slice(WANDB_KEY_PREFIX.length, key.length - WANDB_KEY_SUFFIX.length);
  return key.startsWith(TOKEN_PREFIX) && /^[\w-]+$/.test(key) ? key : null;
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parse a JSONString argument (or pass an object through); null when absent or not an object. */
export function parseJsonObject(v: unknown): JsonObject | null {
  if (v == null) return null;
  if (isObject(v)) return v;
  if (typeof v !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(v);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Keys of the client's own bookkeeping (`_wandb`: telemetry, environment) left out of the run's config. */
const CLIENT_CONFIG_KEYS = new Set(["_wandb"]);

/** W&B config `{"k": {"value": v, "desc"?: …}}` → `{k: v}` (a bare value is kept as is). */
export function unwrapConfig(config: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(config)) {
    if (CLIENT_CONFIG_KEYS.has(k)) continue;
    out[k] = isObject(v) && "value" in v ? v.value : v;
  }
  return out;
}

/** `{k: v}` → W&B's `{"k": {"value": v}}` (what a resuming client merges into its config). */
export function wrapConfig(config: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(config)) out[k] = { value: v };
  return out;
}

/** The longest metric key Loffta stores (services/metrics.ts). */
export const MAX_KEY_LENGTH = 200;

export interface FlatValues {
  /** Finite numbers (booleans as 0/1) by flattened key (`a/b`). */
  values: Map<string, number>;
  /** Keys skipped: not a number (strings, lists, media, null, NaN/Infinity) or too long. */
  skipped: string[];
}

/**
 * Flatten a logged row: nested objects become `a/b`; booleans 0/1; keys starting with `_` (the
 * client's `_step`, `_runtime`, `_timestamp`, `_wandb`) are left out; W&B media and other values
 * that are not finite numbers are skipped (and listed).
 */
export function flattenNumeric(row: JsonObject, prefix = "", out: FlatValues = { values: new Map(), skipped: [] }): FlatValues {
  for (const [k, v] of Object.entries(row)) {
    if (!prefix && k.startsWith("_")) continue;
    const key = prefix ? `${prefix}/${k}` : k;
    if (typeof v === "number" && Number.isFinite(v)) put(out, key, v);
    else if (typeof v === "boolean") put(out, key, v ? 1 : 0);
    else if (isObject(v) && typeof v._type !== "string") flattenNumeric(v, key, out);
    else out.skipped.push(key);
  }
  return out;
}

function put(out: FlatValues, key: string, v: number): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) out.skipped.push(key.slice(0, 60));
  else out.values.set(key, v);
}

/** An events line (system metrics): `system.cpu` → `system/cpu`, `system.gpu.0.gpu` → `system/gpu.0.gpu`. */
export function flattenEvents(row: JsonObject): FlatValues {
  const renamed: JsonObject = {};
  for (const [k, v] of Object.entries(row)) renamed[k.startsWith("system.") ? `system/${k.slice("system.".length)}` : k] = v;
  return flattenNumeric(renamed);
}

/** `_timestamp` (seconds since the epoch) of a logged row, as a Date; null when absent. */
export function rowTime(row: JsonObject): Date | null {
  const t = row._timestamp;
  if (typeof t !== "number" || !Number.isFinite(t)) return null;
  const d = new Date(Math.round(t * 1000));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `_step` of a history row (an integer ≥ 0), or null. */
export function rowStep(row: JsonObject): number | null {
  const s = row._step;
  return typeof s === "number" && Number.isInteger(s) && s >= 0 && s <= 2 ** 31 - 1 ? s : null;
}

/** Summary keys whose values become the run's efficiency columns (what a comparison reads of a baseline). */
export const EFFICIENCY_KEYS = {
  trainImagesPerSec: ["images_per_sec", "train_images_per_sec", "trainImagesPerSec"],
  peakMemoryBytes: ["peak_memory_bytes", "peakMemoryBytes"],
} as const;

export interface SummaryFacts {
  /** Flattened numeric summary without `_` keys (the run's finalMetrics). */
  finalMetrics: Record<string, number>;
  trainImagesPerSec: number | null;
  peakMemoryBytes: bigint | null;
  /** `_runtime` (seconds), when the client sent it. */
  runtimeSec: number | null;
}

export function summaryFacts(summary: JsonObject): SummaryFacts {
  const flat = flattenNumeric(summary);
  const finalMetrics = Object.fromEntries(flat.values);
  const first = (keys: readonly string[]): number | null => {
    for (const k of keys) if (flat.values.has(k)) return flat.values.get(k) as number;
    return null;
  };
  const ips = first(EFFICIENCY_KEYS.trainImagesPerSec);
  const mem = first(EFFICIENCY_KEYS.peakMemoryBytes);
  const rt = summary._runtime;
  return {
    finalMetrics,
    trainImagesPerSec: ips !== null && ips > 0 ? ips : null,
    peakMemoryBytes: mem !== null && mem >= 0 ? BigInt(Math.round(mem)) : null,
    runtimeSec: typeof rt === "number" && Number.isFinite(rt) && rt >= 0 ? rt : null,
  };
}

/** The longest log message Loffta stores (services/logs.ts MAX_LOG_MESSAGE). */
const MAX_MESSAGE = 4000;

export interface ConsoleLine {
  level: RunLogLevel;
  time: Date | null;
  message: string;
}

/** One `output.log` line: `[ERROR ]<ISO time> <text>` (stderr lines start with `ERROR `; the time is UTC). */
export function parseConsoleLine(line: string): ConsoleLine {
  let rest = line;
  let level: RunLogLevel = "INFO";
  if (rest.startsWith("ERROR ")) {
    level = "ERROR";
    rest = rest.slice("ERROR ".length);
  }
  let time: Date | null = null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})? ?/.exec(rest);
  if (m) {
    const d = new Date(m[1].slice(0, 23) + (m[2] ?? "Z"));
    if (!Number.isNaN(d.getTime())) {
      time = d;
      rest = rest.slice(m[0].length);
    }
  }
  // A stored message is 1–4,000 characters: an empty console line is kept as one space.
  const message = rest.length === 0 ? " " : rest.length > MAX_MESSAGE ? `${rest.slice(0, MAX_MESSAGE - 1)}…` : rest;
  return { level, time, message };
}

/** The W&B bookkeeping worth comparing between runs (config._wandb): the rest is offsets, tails and the raw summary. */
const COMPARED_META_KEYS = ["id", "group", "jobType", "program"];

/** A run's config as Compare diffs it: an external run's `_wandb` reduced to its id, group, job type and program. */
export function comparableConfig(kind: string, config: unknown): unknown {
  if (kind !== "EXTERNAL" || !isObject(config as Json) || !isObject((config as JsonObject)._wandb)) return config;
  const c = config as JsonObject;
  const meta = c._wandb as JsonObject;
  return { ...c, _wandb: Object.fromEntries(COMPARED_META_KEYS.filter((k) => k in meta).map((k) => [k, meta[k]])) };
}
