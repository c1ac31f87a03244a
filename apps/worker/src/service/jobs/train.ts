import path from "node:path";
import { RUN_KINDS } from "@loffta/graphql/domain";
import { effectiveConfig } from "./effective-config";
import { openCache } from "../../core/cache/reader";
import { CacheError } from "../../core/cache/format";
import { train, TrainConfigError, checkCompatibility } from "../../core/train";
import { WorkerRunDocument, type JobResultInput, type WorkerRunFragment } from "../../generated/graphql";
import { PermanentJobError, type JobContext, type JobHandler } from "../worker";
import { trainBaseline } from "./baseline";
import { fineTuningCalibration } from "./calibration";
import { localPath } from "./paths";
import { recordEpoch, recordStep, runResult } from "./run-metrics";
import { withSystemMetrics } from "./system-metrics";

export { localPath };

/** LOFF / LOFF_TA: the classifier trained on the run's feature cache. */
async function trainOnCache(ctx: JobContext, run: WorkerRunFragment): Promise<JobResultInput> {
  if (!run.cache?.storageUri) throw new PermanentJobError(`run ${run.id} has no ready feature cache`);
  const config = effectiveConfig(run);

  let cache;
  try {
    cache = await openCache(localPath(run.cache.storageUri));
  } catch (e) {
    if (e instanceof CacheError) throw new PermanentJobError(e.message);
    throw e;
  }
  const problems = checkCompatibility(config, cache.manifest);
  if (problems.length) throw new PermanentJobError(`config cannot use this cache: ${problems.join("; ")}`);

  ctx.log(`training ${run.kind} run ${run.name} on cache ${run.cache.id}`);
  const state = { lastStep: 0 };
  let summary;
  try {
    summary = await withSystemMetrics(ctx, run, () => train({
      cache,
      config,
      outDir: path.join(ctx.home, "runs", run.id),
      resume: true,
      signal: ctx.signal,
      onStep: (s) => recordStep(ctx, run.id, s, state),
      onEpoch: (e) => recordEpoch(ctx, run.id, e, state),
    }));
  } catch (e) {
    if (e instanceof TrainConfigError) throw new PermanentJobError(e.message);
    throw e;
  }
  if (summary.cancelled) throw ctx.signal.reason ?? new Error("training cancelled");
  const result = runResult(summary, { config, evalSplit: summary.evalSplit }, ctx);
  return { run: { ...result.run, ...(await fineTuningCalibration(ctx, run, config)) } };
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
