import path from "node:path";
import { BaselineError, isBaselineKind, trainOnImages } from "../../baselines";
import { loadFoundationModel } from "../../extract/foundation";
import type { WorkerRunFragment } from "../../generated/graphql";
import { PermanentJobError, type JobContext } from "../worker";
import { permanentStorageError, storedDataset, storedModel } from "./extract";
import { recordStep, recordEpoch, runResult } from "./run-metrics";
import { effectiveConfig } from "./effective-config";
import { withSystemMetrics } from "./system-metrics";
import { publishRunArtifacts, writePredictions } from "./artifacts";

/**
 * FROZEN_LINEAR and UNFROZEN_LINEAR runs: the foundation model runs on every step over
 * image-augmented batches (frozen: linear head on CLS; unfrozen: full fine-tuning). The run's
 * cache names the dataset, model and resolution; its cached tokens are not used.
 */
export async function trainBaseline(
  ctx: JobContext,
  run: WorkerRunFragment,
): Promise<ReturnType<typeof runResult>> {
  const cache = run.cache;
  if (!cache)
    throw new PermanentJobError(`run ${run.id} has no cache (it names the dataset, model and resolution)`);
  const kind = run.kind;
  if (!isBaselineKind(kind)) throw new PermanentJobError(`run ${run.id} is a ${kind} run, not an image baseline`);
  const config = effectiveConfig(run);
  const { data } = await storedDataset(cache.dataset, ctx.home);
  let model;
  try {
    model = await loadFoundationModel({ ...(await storedModel(cache.model, cache.layer, ctx.home)), hash: false });
  } catch (e) {
    throw permanentStorageError(e);
  }
  ctx.log(`training ${run.kind} run ${run.name} on ${cache.dataset.name} at ${cache.resolution}px`);
  const state = { lastStep: 0 };
  try {
    const summary = await withSystemMetrics(ctx, run, () => trainOnImages({
      model,
      data,
      kind,
      config,
      imageSize: cache.resolution,
      signal: ctx.signal,
      onStep: (s) => recordStep(ctx, run.id, s, state),
      onEpoch: (e) => recordEpoch(ctx, run.id, e, state),
    }));
    if (summary.cancelled) throw ctx.signal.reason ?? new Error("training cancelled");
    const outDir = path.join(ctx.home, "runs", run.id);
    await writePredictions(summary, data.labelNames, outDir);
    await publishRunArtifacts(ctx, run.id, outDir);
    return runResult(summary, { config, evalSplit: summary.evalSplit }, ctx);
  } catch (e) {
    if (e instanceof BaselineError) throw new PermanentJobError(e.message);
    throw e;
  } finally {
    model.dispose();
  }
}
