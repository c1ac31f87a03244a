import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WeightsError } from "../../extract/weights";
import type { LoadFoundationOptions } from "../../extract/foundation";
import { runExtraction } from "../../extract/job";
import { WorkerCacheDocument, type WorkerCacheFragment } from "../../generated/graphql";
import { PermanentJobError, type JobHandler } from "../worker";
import { localPath } from "./paths";

/** How the API's FoundationModel row maps onto the extraction loader. */
export function loaderOptions(model: WorkerCacheFragment["model"], layer: number): LoadFoundationOptions {
  const options = (model.options ?? {}) as { tfjsLayer?: string; repoId?: string };
  const family = ({ DINOV2: "dinov2", VIT: "vit", DEIT: "vit", CLIP: "clip", OTHER: "tfjs" } as const)[
    model.family
  ];
  return {
    path: localPath(model.weightsUri),
    family,
    layer: layer > 0 ? layer : undefined,
    repoId: options.repoId,
    tfjsLayer: options.tfjsLayer,
    imageSize: model.defaultImageSize,
    mean: model.mean.length === 3 ? (model.mean as [number, number, number]) : undefined,
    std: model.std.length === 3 ? (model.std as [number, number, number]) : undefined,
  };
}

/**
 * Fault injection for crash tests: LOFFTA_FAULT_KILL_AFTER_SHARDS=N makes this process SIGKILL
 * itself once N shards are durably written (a worker dying mid-extraction, deterministically).
 */
function faultInjection(): (() => void) | undefined {
  const after = Number(process.env.LOFFTA_FAULT_KILL_AFTER_SHARDS);
  if (!after) return undefined;
  let written = 0;
  return () => {
    if (++written >= after) process.kill(process.pid, "SIGKILL");
  };
}

/** EXTRACT jobs: the frozen model over the dataset once, into a resumable feature cache. */
export const extractCache: JobHandler = async (ctx) => {
  const cacheId = ctx.job.cache?.id;
  if (!cacheId) throw new PermanentJobError("EXTRACT job without a feature cache");
  const { featureCache: cache } = await ctx.api.request(WorkerCacheDocument, { id: cacheId });
  if (!cache) throw new PermanentJobError(`feature cache ${cacheId} not found`);
  const root = localPath(cache.dataset.rootUri);
  if (!fs.existsSync(root))
    throw new PermanentJobError(`dataset root ${root} is not readable on this worker`);
  const out = path.join(ctx.home, "caches", cache.id);

  let lastReport = 0;
  let result;
  try {
    result = await runExtraction({
      data: root,
      model: loaderOptions(cache.model, cache.layer),
      out,
      size: cache.resolution,
      pool: cache.pooling > 1 ? cache.pooling : undefined,
      datasetName: cache.dataset.name,
      shardSize: Number(process.env.LOFFTA_EXTRACT_SHARD_SIZE) || undefined,
      signal: ctx.signal,
      onShard: faultInjection(),
      onProgress: (p) => {
        // At most one report a second (and always the last): each is a database write.
        const now = Date.now();
        if (p.phase !== "extracting" || now - lastReport >= 1000) {
          lastReport = now;
          void ctx.progress(p.done, p.total);
        }
      },
    });
  } catch (e) {
    if (e instanceof WeightsError) throw new PermanentJobError(e.message);
    throw e;
  }
  if (result.cancelled) throw ctx.signal.reason ?? new Error("extraction cancelled");

  const m = result.manifest;
  const manifestText = fs.readFileSync(path.join(out, "manifest.json"));
  let bytes = manifestText.length;
  for (const s of m.shards) bytes += fs.statSync(path.join(out, s.file)).size;
  ctx.log(
    `cache ${cache.id}: ${m.shards.length} shards, ${m.skipped.length} skipped, ${result.imagesPerSec.toFixed(1)} images/s`,
  );
  return {
    cache: {
      gridH: m.grid.h,
      gridW: m.grid.w,
      dim: m.dim,
      dtype: m.dtype,
      bytes,
      shardCount: m.shards.length,
      imagesPerSec: result.imagesPerSec,
      storageUri: pathToFileURL(out).href,
      manifestSha256: createHash("sha256").update(manifestText).digest("hex"),
      skippedCount: m.skipped.length,
    },
  };
};
