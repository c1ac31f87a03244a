/**
 * One training-cost measurement per process. Peak RSS of a process is polluted by whatever ran
 * before in it (tf's allocator keeps freed memory, V8 keeps its heap), so the worker runs each
 * calibration in a fresh child: `measureInChild(spec)` spawns measure-cli.ts, which runs
 * `runMeasurement(spec)` and prints one JSON line. In the child, `peakRssBytes` is the process
 * high-water mark (getrusage maxrss: includes the Node + TensorFlow runtime and the model's
 * weights, as a real training process would), `sampledPeakRssBytes` the probe's samples.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { workerEntry } from "../entry-points";
import type { PresetName } from "../core/model/presets";
import { loadFoundationModel } from "../extract/foundation";
import type { Family } from "../extract/foundation";
import { calibrateFineTuning, measureCacheTraining } from "./calibrate";
import type { CalibrationResult } from "./calibrate";
import { BaselineError } from "./finetune-model";

export interface FineTuneMeasureSpec {
  kind: "finetune";
  /** A local model (any location loadFoundationModel accepts). */
  model: { path: string; family?: Family; layer?: number; tfjsLayer?: string; imageSize?: number };
  imageSize: number;
  batchSize: number;
  microBatch?: number;
  steps?: number;
  warmupSteps?: number;
  numClasses?: number;
}

export interface CacheMeasureSpec {
  kind: "cache";
  /** Cached grid (before pooling) and feature dim. */
  grid: { h: number; w: number };
  dim: number;
  pool?: number;
  preset?: PresetName;
  batchSize: number;
  microBatch?: number;
  steps?: number;
  warmupSteps?: number;
  numClasses?: number;
  augment?: boolean;
}

export type MeasureSpec = FineTuneMeasureSpec | CacheMeasureSpec;

export interface MeasureResult extends CalibrationResult {
  kind: MeasureSpec["kind"];
  /** Process peak (getrusage maxrss) when isolated, else the sampled peak. */
  peakRssBytes: number;
  sampledPeakRssBytes: number;
  processPeakRssBytes: number;
  /** Measured in a fresh process (measureInChild / measure-cli). */
  isolated: boolean;
  wallMs: number;
}

/** Run one measurement in this process (isolated: this process does nothing else). */
export async function runMeasurement(spec: MeasureSpec, o: { isolated?: boolean } = {}): Promise<MeasureResult> {
  const t0 = performance.now();
  let r: CalibrationResult;
  if (spec.kind === "finetune") {
    const model = await loadFoundationModel({ path: spec.model.path, family: spec.model.family, layer: spec.model.layer, tfjsLayer: spec.model.tfjsLayer, imageSize: spec.model.imageSize, hash: false });
    r = await calibrateFineTuning({ model, imageSize: spec.imageSize, batchSize: spec.batchSize, microBatch: spec.microBatch, steps: spec.steps, warmupSteps: spec.warmupSteps, numClasses: spec.numClasses, releaseModel: true });
  } else if (spec.kind === "cache") {
    r = await measureCacheTraining(spec);
  } else throw new BaselineError(`unknown measurement kind ${JSON.stringify((spec as { kind?: unknown }).kind)}`);
  const processPeak = process.resourceUsage().maxRSS * 1024;
  const isolated = !!o.isolated;
  return { ...r, kind: spec.kind, peakRssBytes: isolated ? Math.max(processPeak, r.peakRssBytes) : r.peakRssBytes, sampledPeakRssBytes: r.peakRssBytes, processPeakRssBytes: processPeak, isolated, wallMs: performance.now() - t0 };
}

/** measure-cli: its .ts file through tsx from the sources, its bundle in the compiled build (entry-points.ts). */
const MEASURE = workerEntry("baselines/measure-cli");
export const MEASURE_CLI = MEASURE.file;
/** The repository root: the child's working directory (from the sources, `--import tsx` resolves tsx there). */
const ROOT = path.resolve(__dirname, "../../../..");

export interface MeasureInChildOptions {
  /** Kill the child after this long (default: none). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Extra environment for the child (e.g. LOFFTA_TF_BACKEND). */
  env?: NodeJS.ProcessEnv;
  /** Receives the child's stderr lines (progress, TensorFlow logs). */
  onLog?: (line: string) => void;
}

/** Run one measurement in a fresh Node process and return its parsed result. */
export function measureInChild(spec: MeasureSpec, o: MeasureInChildOptions = {}): Promise<MeasureResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...MEASURE.execArgv, MEASURE_CLI, JSON.stringify(spec)], {
      cwd: ROOT,
      env: { ...process.env, ...o.env },
      stdio: ["ignore", "pipe", "pipe"],
      signal: o.signal,
      timeout: o.timeoutMs,
      killSignal: "SIGKILL",
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err = (err + d).slice(-20000);
      if (o.onLog) for (const l of d.split("\n")) if (l.trim()) o.onLog(l);
    });
    child.on("error", (e) => reject(e));
    child.on("close", (code, sig) => {
      const line = out.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      let parsed: (MeasureResult & { error?: undefined }) | { error: string } | null = null;
      try {
        parsed = line ? (JSON.parse(line) as MeasureResult | { error: string }) : null;
      } catch {
        parsed = null;
      }
      if (parsed && !("error" in parsed && parsed.error) && code === 0) resolve(parsed as MeasureResult);
      else {
        const why = parsed && "error" in parsed && parsed.error ? parsed.error : `exit ${code ?? sig}${err ? `: ${err.trim().split("\n").slice(-3).join(" | ")}` : ""}`;
        reject(new BaselineError(`measurement child failed (${why})`));
      }
    });
  });
}
