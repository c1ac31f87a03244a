import { existsSync } from "node:fs";
import path from "node:path";
import { StoreError, checkpointKey, storeKeyOf, type StoreMirror } from "@loffta/graphql/object-store";
import { RUN_KINDS } from "@loffta/graphql/domain";
import { effectiveConfig } from "./effective-config";
import { openCache, type FeatureCache } from "../../core/cache/reader";
import { CacheError } from "../../core/cache/format";
import { train, TrainConfigError, checkCompatibility } from "../../core/train";
import { WorkerRunDocument, type JobResultInput, type WorkerRunFragment } from "../../generated/graphql";
import { PermanentJobError, type JobContext, type JobHandler } from "../worker";
import { trainBaseline } from "./baseline";
import { fineTuningCalibration } from "./calibration";
import { localPath } from "./paths";
import { workerMirror } from "../store";
import { openStoredCache, type StoredCache } from "./stored-cache";
import { recordEpoch, recordStep, runResult } from "./run-metrics";
import { withSystemMetrics } from "./system-metrics";
import { publishRunArtifacts, writePredictions } from "./artifacts";

export { localPath };

/** Checkpoint files of a run: in `<home>/runs/<run id>/` and, with a store, under `runs/<run id>/checkpoints/`. */
const CHECKPOINTS = ["last.safetensors", "best.safetensors"] as const;

/**
 * A run retried on this worker after another one stopped (killed, lost its lease) resumes from
 * the checkpoints that worker put in the store, when this worker has none of its own.
 */
async function restoreCheckpoints(ctx: JobContext, mirror: StoreMirror, runId: string, outDir: string): Promise<void> {
  for (const file of CHECKPOINTS) {
    const local = path.join(outDir, file);
    if (existsSync(local)) continue;
    const key = checkpointKey(runId, file);
    if (!(await mirror.store.head(key))) continue;
    await mirror.store.download(key, local);
    ctx.log(`run ${runId}: ${file} restored from the object store (resuming where the last attempt stopped)`);
  }
}

/**
 * A checkpoint just written, into the store: a worker that dies loses at most the epoch in
 * progress, wherever the run is retried. Only once every metric point logged before it reached
 * the API — a run resumed from it elsewhere re-logs the steps after it, never misses one before
 * it (points left in a dead worker's spool are on a disk no other worker reads). When they cannot
 * be delivered now, the store keeps the previous checkpoint (consistent with what was delivered).
 */
async function publishCheckpoint(ctx: JobContext, mirror: StoreMirror, runId: string, file: string): Promise<void> {
  if (!(await ctx.metrics.drain(60_000))) {
    ctx.log(`${path.basename(file)} not copied to the object store: metrics of the run are not yet delivered to the API`, "WARN");
    return;
  }
  await mirror.store.putFile(checkpointKey(runId, path.basename(file)), file);
}

/** The run's feature cache: from the object store (`store:` URI) through the local copy, else a local folder. */
async function openRunCache(ctx: JobContext, run: WorkerRunFragment & { cache: NonNullable<WorkerRunFragment["cache"]> }): Promise<{ cache: FeatureCache; stored?: StoredCache }> {
  const uri = run.cache.storageUri!;
  try {
    const key = storeKeyOf(uri);
    if (key === null) return { cache: await openCache(localPath(uri)) };
    const mirror = workerMirror(ctx.home);
    if (!mirror) throw new PermanentJobError(`the feature cache is in the object store (${uri}) but this worker has none configured (LOFFTA_STORE)`);
    const stored = await openStoredCache(mirror, key, run.cache.manifestSha256);
    return { cache: stored.cache, stored };
  } catch (e) {
    if (e instanceof CacheError) throw new PermanentJobError(e.message);
    if (e instanceof StoreError && e.reason !== "unavailable") throw new PermanentJobError(`the feature cache cannot be read: ${e.message}`);
    throw e;
  }
}

/** LOFF / LOFF_TA: the classifier trained on the run's feature cache. */
async function trainOnCache(ctx: JobContext, run: WorkerRunFragment): Promise<JobResultInput> {
  if (!run.cache?.storageUri) throw new PermanentJobError(`run ${run.id} has no ready feature cache`);
  const config = effectiveConfig(run);
  const { cache, stored } = await openRunCache(ctx, { ...run, cache: run.cache });
  try {
    const problems = checkCompatibility(config, cache.manifest);
    if (problems.length) throw new PermanentJobError(`config cannot use this cache: ${problems.join("; ")}`);

    const outDir = path.join(ctx.home, "runs", run.id);
    const mirror = workerMirror(ctx.home);
    if (mirror) await restoreCheckpoints(ctx, mirror, run.id, outDir);
    ctx.log(`training ${run.kind} run ${run.name} on cache ${run.cache.id}`);
    const state = { lastStep: 0 };
    let summary;
    try {
      summary = await withSystemMetrics(ctx, run, () => train({
        cache,
        config,
        outDir,
        resume: true,
        signal: ctx.signal,
        onStep: (s) => recordStep(ctx, run.id, s, state),
        onEpoch: (e) => recordEpoch(ctx, run.id, e, state),
        onCheckpoint: mirror ? (file) => publishCheckpoint(ctx, mirror, run.id, file) : undefined,
      }));
    } catch (e) {
      if (e instanceof TrainConfigError) throw new PermanentJobError(e.message);
      throw e;
    }
    if (summary.cancelled) throw ctx.signal.reason ?? new Error("training cancelled");
    await writePredictions(summary, cache.manifest.labelNames, outDir);
    await publishRunArtifacts(ctx, run.id, outDir);
    const result = runResult(summary, { config, evalSplit: summary.evalSplit }, ctx);
    return { run: { ...result.run, ...(await fineTuningCalibration(ctx, run, config)) } };
  } finally {
    stored?.close();
  }
}

/** TRAIN jobs: dispatch on the run's kind. */
export const trainRun: JobHandler = async (ctx: JobContext) => {
  const runId = ctx.job.run?.id;
  if (!runId) throw new PermanentJobError("TRAIN job without a run");
  const { run } = await ctx.api.request(WorkerRunDocument, { id: runId });
  if (!run) throw new PermanentJobError(`run ${runId} not found`);
  // The catalogue says where a kind's batches come from.
  return RUN_KINDS[run.kind].source === "cache" ? trainOnCache(ctx, run) : trainBaseline(ctx, run);
};
