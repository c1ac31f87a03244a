import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseRunConfig, RunConfigError, type RunConfig } from "@loffta/graphql/run-config";
import { openCache } from "../../core/cache/reader";
import { CacheError } from "../../core/cache/format";
import { train, TrainConfigError, checkCompatibility } from "../../core/train";
import { WorkerRunDocument } from "../../generated/graphql";
import { PermanentJobError, type JobContext, type JobHandler } from "../worker";
import { evalPoints, finalMetricsJson } from "./run-metrics";

/** A cache's storage URI (`file:///…` or a plain path) as a local folder. */
export function localPath(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : path.resolve(uri);
}

/** LOFF is LOFF-TA without tensor augmentations: everything off, whatever the config says. */
export function withoutAugmentations(config: RunConfig): RunConfig {
  const aug = Object.fromEntries(
    Object.entries(config.augmentations).map(([k, v]) => [k, { ...v, enabled: false }]),
  );
  return { ...config, augmentations: aug as RunConfig["augmentations"] };
}

/** How often (optimizer steps) the job reports progress; cancellation is also seen every step. */
const PROGRESS_EVERY = 5;

/** TRAIN jobs of LOFF / LOFF_TA runs: the classifier trained on a feature cache. */
export const trainOnCache: JobHandler = async (ctx: JobContext) => {
  const runId = ctx.job.run?.id;
  if (!runId) throw new PermanentJobError("TRAIN job without a run");
  const { run } = await ctx.api.request(WorkerRunDocument, { id: runId });
  if (!run) throw new PermanentJobError(`run ${runId} not found`);
  if (run.kind !== "LOFF" && run.kind !== "LOFF_TA")
    throw new PermanentJobError(`run kind ${run.kind} does not train on a cache`);
  if (!run.cache?.storageUri) throw new PermanentJobError(`run ${runId} has no ready feature cache`);

  let config: RunConfig;
  try {
    config = parseRunConfig(run.config);
  } catch (e) {
    if (e instanceof RunConfigError) throw new PermanentJobError(e.message);
    throw e;
  }
  if (run.kind === "LOFF") config = withoutAugmentations(config);

  let cache;
  try {
    cache = await openCache(localPath(run.cache.storageUri));
  } catch (e) {
    if (e instanceof CacheError) throw new PermanentJobError(e.message);
    throw e;
  }
  const problems = checkCompatibility(config, cache.manifest);
  if (problems.length) throw new PermanentJobError(`config cannot use this cache: ${problems.join("; ")}`);

  const now = () => new Date().toISOString();
  ctx.log(`training ${run.kind} run ${run.name} on cache ${run.cache.id}`);
  // Every point is keyed by the global optimizer step, so evaluation curves line up with loss.
  let lastStep = 0;
  let summary;
  try {
    summary = await train({
      cache,
      config,
      outDir: path.join(ctx.home, "runs", run.id),
      resume: true,
      signal: ctx.signal,
      onStep: (s) => {
        const wallTime = now();
        lastStep = s.step;
        ctx.metrics.add(run.id, { key: "train/loss", step: s.step, value: s.loss, wallTime });
        ctx.metrics.add(run.id, { key: "train/lr", step: s.step, value: s.lr, wallTime });
        if (s.imagesPerSec > 0)
          ctx.metrics.add(run.id, {
            key: "train/images_per_sec",
            step: s.step,
            value: s.imagesPerSec,
            wallTime,
          });
        if (s.step % PROGRESS_EVERY === 0 || s.step === s.totalSteps) void ctx.progress(s.step, s.totalSteps);
      },
      onEpoch: (e) => {
        const wallTime = now();
        ctx.metrics.add(run.id, { key: "epoch", step: lastStep, value: e.epoch, wallTime });
        ctx.metrics.add(run.id, { key: "train/epoch_loss", step: lastStep, value: e.trainLoss, wallTime });
        if (e.metrics)
          for (const p of evalPoints("val", e.metrics))
            ctx.metrics.add(run.id, { ...p, step: lastStep, wallTime });
      },
    });
  } catch (e) {
    if (e instanceof TrainConfigError) throw new PermanentJobError(e.message);
    throw e;
  }
  if (summary.cancelled) throw ctx.signal.reason ?? new Error("training cancelled");
  return {
    run: {
      finalMetrics: finalMetricsJson(summary.finalMetrics),
      trainImagesPerSec: summary.imagesPerSec,
      peakMemoryBytes: summary.peakRssBytes,
      wallTimeSec: summary.wallTimeMs / 1000,
    },
  };
};
