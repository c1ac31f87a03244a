/**
 * Which runtime computes the features: `tfjs` (models/*, TensorFlow.js), `onnx` (onnx/*,
 * onnxruntime-node on a graph exported from the same weights), or `auto`: onnx for the
 * families it supports (dinov2, vit, clip), tfjs for the others and — with a loud warning —
 * when onnxruntime-node cannot load on the host. An explicit `onnx` never falls back: an
 * unsupported family or a missing runtime is an OnnxExtractorError.
 * Chosen per extraction (`extractor` option / `--extractor`), else by the worker setting
 * LOFFTA_EXTRACTOR, else DEFAULT_EXTRACTOR. LOFFTA_ONNX_THREADS sets onnxruntime's threads.
 */
import os from "node:os";
import path from "node:path";
import { workerEnv } from "../config";
import { loadFoundationModel } from "./foundation";
import type { FoundationModel, LoadFoundationOptions } from "./foundation";
import { OnnxExtractorError, loadOrt, onnxFromBase } from "./onnx/onnx-model";

export type ExtractorSetting = "tfjs" | "onnx" | "auto";
export const EXTRACTOR_SETTINGS: readonly ExtractorSetting[] = ["tfjs", "onnx", "auto"];
/**
 * tfjs until the lead flips it: with `auto`, apps/worker/test/extract/job.test.ts's SIGKILL test
 * compares an in-process tfjs cache bit-for-bit with a CLI cache, which would then be onnx's.
 */
export const DEFAULT_EXTRACTOR: ExtractorSetting = "tfjs";

export class ExtractorSettingError extends Error {
  override name = "ExtractorSettingError";
}

export function parseExtractor(raw: string, what = "extractor"): ExtractorSetting {
  const v = raw.trim().toLowerCase();
  if (!(EXTRACTOR_SETTINGS as readonly string[]).includes(v)) throw new ExtractorSettingError(`${what} must be one of ${EXTRACTOR_SETTINGS.join(", ")}, got ${JSON.stringify(raw)}`);
  return v as ExtractorSetting;
}

/** LOFFTA_EXTRACTOR (tfjs | onnx | auto; unset: DEFAULT_EXTRACTOR). */
export function extractorFromEnv(env: NodeJS.ProcessEnv = process.env): ExtractorSetting {
  const raw = workerEnv("LOFFTA_EXTRACTOR", env);
  return raw ? parseExtractor(raw, "LOFFTA_EXTRACTOR") : DEFAULT_EXTRACTOR;
}

/** LOFFTA_ONNX_THREADS (positive integer; unset: every CPU of the host). */
export function onnxThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  try {
    return workerEnv("LOFFTA_ONNX_THREADS", env) ?? os.availableParallelism();
  } catch (e) {
    throw new ExtractorSettingError((e as Error).message);
  }
}

/** Where exported graphs are kept: `<LOFFTA_HOME or .loffta>/onnx`. */
export function defaultOnnxCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(workerEnv("LOFFTA_HOME", env) ?? ".loffta", "onnx");
}

export interface ExtractorOptions {
  extractor?: ExtractorSetting;
  /** Input sizes the ONNX graphs are exported for up front. */
  sizes?: { height: number; width: number }[];
  /** Folder of exported graphs (default defaultOnnxCacheDir(); null: in memory only). */
  onnxCacheDir?: string | null;
  threads?: number;
  /** Notices (which extractor, exports, fallbacks). Default: console.error. */
  log?: (line: string) => void;
}

/** Load the model for extraction with the chosen extractor (see the module comment). */
export async function loadExtractorModel(opts: LoadFoundationOptions, o: ExtractorOptions = {}): Promise<FoundationModel> {
  const setting = o.extractor ?? extractorFromEnv();
  const log = o.log ?? ((l: string) => console.error(l));
  if (setting === "tfjs") return loadFoundationModel(opts);
  let ort;
  try {
    ort = await loadOrt();
  } catch (e) {
    if (setting === "onnx") throw e;
    log(`loffta: WARNING ${(e as Error).message}; extracting with tfjs instead`);
    return loadFoundationModel(opts);
  }
  const base = await loadFoundationModel(opts);
  if (!base.backbone && setting === "auto") return base; // e.g. family tfjs: only tfjs runs it
  try {
    return await onnxFromBase(base, ort, {
      cacheDir: o.onnxCacheDir === undefined ? defaultOnnxCacheDir() : o.onnxCacheDir,
      threads: o.threads ?? onnxThreadsFromEnv(),
      sizes: o.sizes,
      reload: () => loadFoundationModel({ ...opts, hash: false }),
      log,
    });
  } catch (e) {
    if (setting === "onnx" || !(e instanceof OnnxExtractorError) || e.problem !== "session-failed") throw e;
    log(`loffta: WARNING ${e.message}; extracting with tfjs instead`);
    return loadFoundationModel(opts);
  }
}

export { OnnxExtractorError };
