import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { StoreError, cacheKey, storeKeyOf, storeUri } from "@loffta/graphql/object-store";
import { DatasetScanError, scanDataset, type Dataset } from "@loffta/graphql/dataset-scan";
import { MODEL_FAMILIES, type Rgb } from "@loffta/graphql/domain";
import { StorageError, type FileAccess } from "@loffta/graphql/storage-roots";
import { workerEnv } from "../../config";
import { WeightsError } from "../../extract/weights";
import type { LoadFoundationOptions } from "../../extract/foundation";
import { runExtraction } from "../../extract/job";
import { locateStored } from "../../extract/storage";
import { WorkerCacheDocument, type WorkerCacheFragment } from "../../generated/graphql";
import { PermanentJobError, type JobHandler } from "../worker";
import { workerMirror } from "../store";
import { restoreShards, uploadCache } from "./stored-cache";

/**
 * How the API's FoundationModel row and a cache's layer map onto the extraction loader: the
 * catalogue's family → loader, the layer as the 1-based block (0 = the named layer of a TF.js
 * model), mean/std only when the model was registered with an override (else the loader's rule:
 * preprocessor_config.json, then the family default — as for the CLI).
 */
export function loaderOptions(model: WorkerCacheFragment["model"], layer: number, weights: { path: string; access?: FileAccess }): LoadFoundationOptions {
  const options = (model.options ?? {}) as { tfjsLayer?: string; repoId?: string };
  const family = MODEL_FAMILIES[model.family];
  const rgb = (v: number[] | null | undefined): Rgb | undefined => (v && v.length === 3 ? (v as Rgb) : undefined);
  return {
    path: weights.path,
    access: weights.access,
    family: family.loader,
    layer: family.layers === "blocks" ? layer : undefined,
    repoId: options.repoId,
    tfjsLayer: options.tfjsLayer,
    imageSize: model.defaultImageSize,
    mean: rgb(model.mean),
    std: rgb(model.std),
  };
}

/**
 * A URI the API stored, checked again on this worker: a `store:` URI is fetched into the
 * worker's local copy of the object store (../store.ts); any other against this worker's storage
 * roots (LOFFTA_STORAGE_ROOTS). Its real path and an access confined to its area;
 * PermanentJobError naming the URI as stored (outside the roots, missing, not a regular file or
 * folder, no store configured) otherwise.
 */
async function stored(uri: string, what: string, home: string): Promise<{ path: string; access: FileAccess }> {
  try {
    const key = storeKeyOf(uri);
    if (key !== null) {
      const mirror = workerMirror(home);
      if (!mirror) throw new PermanentJobError(`${what} is in the object store (${uri}) but this worker has none configured (LOFFTA_STORE)`);
      const { location, access } = await mirror.locate(key);
      return { path: location.real, access };
    }
    const { location, access } = await locateStored(uri);
    return { path: location.real, access };
  } catch (e) {
    if (e instanceof StorageError) throw new PermanentJobError(`${what} cannot be read on this worker: ${e.message}`);
    if (e instanceof StoreError && e.reason !== "unavailable") throw new PermanentJobError(`${what} cannot be read on this worker: ${e.message}`);
    throw e;
  }
}

/** The loader options of a cache's model, its weights located through the storage roots or the store. */
export async function storedModel(model: WorkerCacheFragment["model"], layer: number, home: string): Promise<LoadFoundationOptions> {
  return loaderOptions(model, layer, await stored(model.weightsUri, `the weights of ${model.name}`, home));
}

/** A cache's dataset, scanned through the storage roots or the store (confined to its area). */
export async function storedDataset(dataset: WorkerCacheFragment["dataset"], home: string): Promise<{ data: Dataset; access: FileAccess }> {
  const { path: root, access } = await stored(dataset.rootUri, `dataset ${dataset.name}`, home);
  try {
    return { data: await scanDataset(root, undefined, { access }), access };
  } catch (e) {
    if (e instanceof DatasetScanError) throw new PermanentJobError(`dataset ${dataset.name}: ${e.message}`);
    throw e;
  }
}

/** Errors a retry cannot fix (weights, storage) as PermanentJobError; others unchanged. */
export function permanentStorageError(e: unknown): unknown {
  return e instanceof WeightsError || e instanceof StorageError ? new PermanentJobError(e.message) : e;
}

/**
 * Fault injection for crash tests: LOFFTA_FAULT_KILL_AFTER_SHARDS=N makes this process SIGKILL
 * itself once N shards are durably written (a worker dying mid-extraction, deterministically).
 */
function faultInjection(): (() => void) | undefined {
  const after = workerEnv("LOFFTA_FAULT_KILL_AFTER_SHARDS");
  if (!after) return undefined;
  let written = 0;
  return () => {
    if (++written >= after) process.kill(process.pid, "SIGKILL");
  };
}

/** Skipped images listed with a cache (its skippedCount counts them all). */
const MAX_SKIPPED_REPORTED = 1000;

/** EXTRACT jobs: the frozen model over the dataset once, into a resumable feature cache. */
export const extractCache: JobHandler = async (ctx) => {
  const cacheId = ctx.job.cache?.id;
  if (!cacheId) throw new PermanentJobError("EXTRACT job without a feature cache");
  const { featureCache: cache } = await ctx.api.request(WorkerCacheDocument, { id: cacheId });
  if (!cache) throw new PermanentJobError(`feature cache ${cacheId} not found`);
  const { data, access } = await storedDataset(cache.dataset, ctx.home);
  const model = await storedModel(cache.model, cache.layer, ctx.home);
  const out = path.join(ctx.home, "caches", cache.id);
  // With a store, each shard goes there as soon as it is durably written, and an attempt on
  // another worker starts from the shards an earlier attempt put there (the writer adopts them).
  const mirror = workerMirror(ctx.home);
  const key = cacheKey(cache.id);
  if (mirror) {
    const restored = await restoreShards(mirror.store, key, out);
    if (restored) ctx.log(`cache ${cache.id}: ${restored} shards of an earlier attempt restored from the object store`);
  }
  const fault = faultInjection();

  let lastReport = 0;
  // Peak resident memory of the extraction, sampled at every progress report and shard.
  let peakRss = process.memoryUsage().rss;
  const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  let result;
  try {
    result = await runExtraction({
      data,
      access,
      model,
      out,
      size: cache.resolution,
      pool: cache.pooling > 1 ? cache.pooling : undefined,
      datasetName: cache.dataset.name,
      shardSize: workerEnv("LOFFTA_EXTRACT_SHARD_SIZE"),
      onnxCacheDir: path.join(ctx.home, "onnx"),
      signal: ctx.signal,
      onShard: async (file) => {
        sampleRss();
        if (mirror) await mirror.store.putFile(`${key}/${file}`, path.join(out, file));
        fault?.();
      },
      onProgress: (p) => {
        sampleRss();
        // At most one report a second (and always the last): each is a database write.
        const now = Date.now();
        if (p.phase !== "extracting" || now - lastReport >= 1000) {
          lastReport = now;
          void ctx.progress(p.done, p.total);
        }
      },
    });
  } catch (e) {
    throw permanentStorageError(e);
  }
  if (result.cancelled) throw ctx.signal.reason ?? new Error("extraction cancelled");

  const m = result.manifest;
  const manifestText = fs.readFileSync(path.join(out, "manifest.json"));
  let bytes = manifestText.length;
  for (const s of m.shards) bytes += fs.statSync(path.join(out, s.file)).size;
  ctx.log(
    `cache ${cache.id}: ${m.shards.length} shards, ${m.skipped.length} skipped, ${result.imagesPerSec.toFixed(1)} images/s`,
  );
  // With an object store the cache goes there (every worker can train on it) and this worker's
  // folder is only its working copy; without one it stays here (one machine).
  let storageUri = pathToFileURL(out).href;
  if (mirror) {
    const t0 = Date.now();
    await uploadCache(mirror.store, out, key, m);
    storageUri = storeUri(key);
    ctx.log(`cache ${cache.id}: ${(bytes / 1e6).toFixed(1)} MB written to the object store as ${storageUri} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return {
    cache: {
      gridH: m.grid.h,
      gridW: m.grid.w,
      dim: m.dim,
      dtype: m.dtype,
      bytes,
      shardCount: m.shards.length,
      imagesPerSec: result.imagesPerSec,
      storageUri,
      manifestSha256: createHash("sha256").update(manifestText).digest("hex"),
      skippedCount: m.skipped.length,
      mean: result.normalisation.mean,
      std: result.normalisation.std,
      weightsSha256: result.weightsSha256,
      splitCounts: Object.entries(m.splits).map(([split, s]) => ({ split, count: s.count })),
      extractSeconds: result.seconds,
      extractPeakMemoryBytes: sampleRss(),
      extractDevice: ctx.device,
      datasetContentHash: data.contentHash,
      skipped: m.skipped.slice(0, MAX_SKIPPED_REPORTED).map((s) => ({
        path: s.path ? (path.isAbsolute(s.path) ? path.relative(data.root, s.path).split(path.sep).join("/") : s.path) : `#${s.index ?? "?"}`,
        reason: s.reason.slice(0, 500),
      })),
    },
  };
};
