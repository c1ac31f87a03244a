/**
 * Extraction job: dataset → frozen foundation model → feature cache (core/cache writer).
 *
 * Determinism: items come in dataset order (@loffta/graphql/dataset-scan, the scanner the API registers with); each split is cut into fixed chunks of
 * `shardSize` items by position, each chunk becomes exactly one shard (minus unreadable
 * images) and is processed in fixed batches of `batchSize`. Resume: the writer adopts the
 * complete shards of an earlier run; a chunk is done when any of its indices is stored, so a
 * restarted job redoes only the chunk that was interrupted and writes byte-identical shards.
 * Unreadable images are skipped and listed (manifest.skipped) with their reason.
 * Decoding of the next batches overlaps with model compute (bounded prefetch).
 * Files are read through `access` (default: ./storage.ts's accessFor of the data path, confined
 * to the storage roots when LOFFTA_STORAGE_ROOTS is set).
 */
import * as tf from "@tensorflow/tfjs";
import { openCacheWriter } from "../core/cache/writer";
import type { CacheManifest, CacheMeta, SkippedImage } from "../core/cache/format";
import { CacheMetaMismatchError } from "../core/cache/format";
import { avgPoolGridTensor, pooledSize } from "../core/pool";
import { scanDataset } from "@loffta/graphql/dataset-scan";
import type { Dataset, DatasetItem } from "@loffta/graphql/dataset-scan";
import { STORAGE_LIMITS, localAccess, type FileAccess } from "@loffta/graphql/storage-roots";
import { loadExtractorModel } from "./extractor";
import type { ExtractorSetting } from "./extractor";
import type { FoundationModel, LoadFoundationOptions } from "./foundation";
import type { BackboneOutput } from "./models/backbone";
import { loadImage } from "./images";
import type { ImagePipelineOptions } from "./images";
import { prefetch } from "./prefetch";
import { ProgressTracker } from "./progress";
import type { ExtractProgress, ProgressCallback } from "./progress";
import { accessFor } from "./storage";

export interface ExtractJobOptions {
  /** ImageFolder root or CSV manifest (or an already listed Dataset). */
  data: string | Dataset;
  /** How dataset files are read (default: accessFor(data) for a path, localAccess for a Dataset). */
  access?: FileAccess;
  /** A loaded model, or how to load one. */
  model: FoundationModel | LoadFoundationOptions;
  /** When `model` is how to load one: tfjs | onnx | auto (default: LOFFTA_EXTRACTOR, see ./extractor.ts). */
  extractor?: ExtractorSetting;
  /** Folder of exported ONNX graphs (default `<LOFFTA_HOME or .loffta>/onnx`; null: in memory). */
  onnxCacheDir?: string | null;
  /** Cache directory (created; resumed when it holds a cache with the same settings). */
  out: string;
  /** Input resolution (square side); default: the model's native size. */
  size?: number;
  resize?: ImagePipelineOptions["resize"];
  cropPct?: number;
  alpha?: ImagePipelineOptions["alpha"];
  /** k×k average pooling of the grid at write time (1 / undefined: none). */
  pool?: number;
  /** Block whose output is cached (1-based; default the model's). */
  layer?: number;
  batchSize?: number;
  shardSize?: number;
  /** Decoded batches kept ready ahead of the model (default 2). */
  prefetch?: number;
  datasetName?: string;
  onProgress?: ProgressCallback;
  /** Draw a progress bar on stderr (default false). */
  progressBar?: boolean;
  signal?: AbortSignal;
  /** Called after each shard is durably written (tests, services). */
  onShard?: (file: string, count: number) => void | Promise<void>;
}

export interface ExtractResult {
  manifest: CacheManifest;
  /** Items handled in this run (written + skipped). */
  processed: number;
  /** Items found done in the cache at start (resume). */
  resumedItems: number;
  skipped: SkippedImage[];
  seconds: number;
  imagesPerSec: number;
  cancelled: boolean;
  /** What the extraction applied and read (reported to the API with the cache). */
  normalisation: { mean: [number, number, number]; std: [number, number, number] };
  weightsSha256: string | null;
  /** Which runtime computed the features. */
  extractor: "tfjs" | "onnx";
}

export class ExtractionCancelledError extends Error {
  override name = "ExtractionCancelledError";
}

interface Chunk {
  split: string;
  items: DatasetItem[];
}

export async function runExtraction(opts: ExtractJobOptions): Promise<ExtractResult> {
  const t0 = performance.now();
  let access = opts.access ?? localAccess();
  let ds: Dataset;
  if (typeof opts.data === "string") {
    const at = opts.access ? { path: opts.data, access } : await accessFor(opts.data);
    access = at.access;
    ds = await scanDataset(at.path, undefined, { access });
  } else ds = opts.data;
  const ownModel = !("forward" in opts.model);
  const sizes = opts.size ? [{ height: opts.size, width: opts.size }] : undefined;
  const model: FoundationModel = "forward" in opts.model ? opts.model : await loadExtractorModel({ ...opts.model, layer: opts.layer ?? opts.model.layer }, { extractor: opts.extractor, sizes, onnxCacheDir: opts.onnxCacheDir });
  try {
    return await run(opts, ds, model, t0, access);
  } finally {
    if (ownModel) model.dispose();
  }
}

async function run(opts: ExtractJobOptions, ds: Dataset, model: FoundationModel, t0: number, access: FileAccess): Promise<ExtractResult> {
  const size = opts.size ?? model.imageSize;
  const batchSize = opts.batchSize ?? 8;
  const shardSize = opts.shardSize ?? 256;
  const k = opts.pool ?? 1;
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`pool must be a positive integer, got ${k}`);
  if (shardSize < 1 || batchSize < 1) throw new RangeError("batchSize and shardSize must be ≥ 1");
  const layer = model.layer === null ? null : (opts.layer ?? model.layer);
  const full = model.gridSize(size, size);
  const grid = k > 1 ? pooledSize(full.h, full.w, k, "floor") : full;
  if (grid.h < 1 || grid.w < 1) throw new RangeError(`grid ${full.h}×${full.w} is smaller than the ${k}×${k} pooling kernel`);
  const img: ImagePipelineOptions = { size, resize: opts.resize ?? "crop", cropPct: opts.cropPct ?? 1, alpha: opts.alpha ?? "black", mean: model.mean, std: model.std };
  // extractor / runtime: provenance only (not part of the cache's identity; tfjs and onnx agree within float16).
  const extractor = { extractor: model.extractor ?? "tfjs", runtime: model.runtime ?? null, ...(model.onnxGraphs?.length ? { onnxGraphs: [...model.onnxGraphs] } : {}) };
  const extraction = { layer, weightsSha256: model.weights.sha256, architecture: model.architecture, image: img, batchSize, shardSize, dataset: { layout: ds.layout, root: ds.root, items: ds.items.length }, ...extractor };
  const meta: CacheMeta = {
    model: { name: model.name, family: model.family, ...(model.patchSize ? { patchSize: model.patchSize } : {}) },
    dataset: { name: opts.datasetName ?? ds.name },
    resolution: size,
    grid,
    dim: model.dim,
    hasCls: true,
    pooling: k > 1 ? { type: "avg", kernel: k, from: full } : null,
    labelNames: ds.labelNames,
    extra: { extraction },
  };
  const writer = await openCacheWriter(opts.out, meta);
  // Settings the writer does not compare (layer, weights, preprocessing) must match on resume.
  const prev = (writer.manifest.extra as { extraction?: typeof extraction } | undefined)?.extraction;
  if (prev && writer.done.items > 0) {
    for (const key of ["layer", "weightsSha256", "image", "shardSize", "batchSize"] as const) {
      if (JSON.stringify(prev[key]) !== JSON.stringify(extraction[key])) throw new CacheMetaMismatchError(`existing cache in ${opts.out} was extracted with a different ${key}: ${JSON.stringify(prev[key])} vs ${JSON.stringify(extraction[key])}`);
    }
  }

  // Fixed chunks per split; skip those already stored.
  const chunks: Chunk[] = [];
  const skippedBefore = new Set(writer.manifest.skipped.map((s) => s.index));
  let resumedItems = 0;
  for (const split of ds.splits) {
    const items = ds.items.filter((i) => i.split === split);
    const done = (writer.done.bySplit[split] ?? 0) > 0 ? await writer.doneIndices(split) : new Set<number>();
    for (let s = 0; s < items.length; s += shardSize) {
      const c = items.slice(s, s + shardSize);
      if (c.some((i) => done.has(i.index))) resumedItems += c.length;
      else chunks.push({ split, items: c });
    }
  }
  const T = 1 + grid.h * grid.w;
  const D = model.dim;
  let skippedCount = writer.manifest.skipped.length;
  const progress = new ProgressTracker(ds.items.length, resumedItems, { onProgress: opts.onProgress, bar: opts.progressBar });
  const newSkipped: SkippedImage[] = [];
  let processed = 0;
  let cancelled = false;

  type Batch = { chunk: number; first: boolean; last: boolean; items: DatasetItem[] };
  const batches: Batch[] = [];
  chunks.forEach((c, ci) => {
    for (let b = 0; b < c.items.length; b += batchSize) batches.push({ chunk: ci, first: b === 0, last: b + batchSize >= c.items.length, items: c.items.slice(b, b + batchSize) });
  });
  const decode = async (b: Batch): Promise<{ ok: DatasetItem[]; pixels: Float32Array[]; bad: SkippedImage[] }> => {
    const read = (it: DatasetItem) => access.readFile(it.path, STORAGE_LIMITS.imageBytes).then((bytes) => loadImage(bytes, img));
    const res = await Promise.all(b.items.map((it) => read(it).then((px) => ({ it, px, err: null as string | null }), (e: Error) => ({ it, px: null, err: e.message }))));
    return {
      ok: res.filter((r) => r.px).map((r) => r.it),
      pixels: res.filter((r) => r.px).map((r) => r.px as Float32Array),
      bad: res.filter((r) => !r.px).map((r) => ({ split: r.it.split, index: r.it.index, path: r.it.path, reason: r.err ?? "unknown" })),
    };
  };

  let buf: { tokens: Float32Array[]; labels: number[]; index: number[]; bad: SkippedImage[] } = { tokens: [], labels: [], index: [], bad: [] };
  const plane = size * size * 3;
  for await (const { job, result } of prefetch(batches, decode, opts.prefetch ?? 2)) {
    if (opts.signal?.aborted) {
      cancelled = true;
      break;
    }
    if (job.first) buf = { tokens: [], labels: [], index: [], bad: [] };
    buf.bad.push(...result.bad);
    if (result.ok.length) {
      const n = result.ok.length;
      const pix = new Float32Array(n * plane);
      result.pixels.forEach((p, i) => pix.set(p, i * plane));
      const x = tf.tensor4d(pix, [n, size, size, 3]);
      const o = layer === null ? undefined : { layer };
      let fwd: BackboneOutput;
      try {
        fwd = model.forwardAsync ? await model.forwardAsync(x, o) : model.forward(x, o);
      } finally {
        x.dispose();
      }
      const { cls, grid: g } = fwd;
      const out = tf.tidy(() => {
        const pooled = k > 1 ? avgPoolGridTensor(g, k) : g;
        return tf.concat([cls.reshape([n, 1, D]), pooled.reshape([n, T - 1, D])], 1);
      });
      tf.dispose([cls, g]);
      buf.tokens.push(out.dataSync() as Float32Array);
      out.dispose();
      for (const it of result.ok) {
        buf.labels.push(it.label);
        buf.index.push(it.index);
      }
    }
    if (job.last) {
      const c = chunks[job.chunk];
      if (buf.index.length) {
        const tokens = new Float32Array(buf.index.length * T * D);
        let off = 0;
        for (const t of buf.tokens) tokens.set(t, (off += t.length) - t.length);
        const entry = await writer.writeShard({ split: c.split, tokens, labels: buf.labels, index: buf.index });
        await opts.onShard?.(entry.file, entry.count);
      }
      const fresh = buf.bad.filter((s) => !skippedBefore.has(s.index));
      if (fresh.length) await writer.addSkipped(fresh);
      newSkipped.push(...buf.bad);
      skippedCount += fresh.length;
      processed += c.items.length;
      progress.advance(c.items.length, skippedCount, writer.done.shards);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const stats = progress.snapshot(cancelled ? "cancelled" : "done", skippedCount, writer.done.shards);
  let manifest: CacheManifest;
  if (cancelled) {
    manifest = writer.manifest as CacheManifest;
  } else {
    // A resume by another extractor: both are named (their shards agree within float16 rounding).
    const mixed = prev?.extractor && prev.extractor !== extraction.extractor && resumedItems > 0 ? { extractorsUsed: [prev.extractor, extraction.extractor] } : {};
    manifest = await writer.finish({ extraction: { ...extraction, ...mixed, seconds, imagesPerSec: stats.imagesPerSec, finishedAt: new Date().toISOString() } });
  }
  opts.onProgress?.(stats);
  progress.draw(stats, true);
  if (cancelled && opts.signal?.reason instanceof Error && opts.signal.reason.name !== "AbortError") throw opts.signal.reason;
  return { manifest, processed, resumedItems, skipped: newSkipped, seconds, imagesPerSec: stats.imagesPerSec, cancelled, normalisation: { mean: [...model.mean], std: [...model.std] }, weightsSha256: model.weights.sha256, extractor: extraction.extractor };
}

export type { ExtractProgress, ProgressCallback };
