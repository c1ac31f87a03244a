import type { RunConfig } from "@loffta/graphql/run-config";
import { measureInChild } from "../../baselines/measure";
import { workerEnv } from "../../config";
import {
  WorkerCalibrationDocument,
  type CalibrationInput,
  type WorkerRunFragment,
} from "../../generated/graphql";
import type { JobContext } from "../worker";
import { storedModel } from "./extract";

/** Timed fine-tuning steps of a calibration (after one untimed warm-up micro-batch). */
const CALIBRATION_STEPS = 2;

/**
 * What a LOFF / LOFF_TA run is compared with when it has no fine-tuning baseline run: the cost
 * of fine-tuning its cache's foundation model (UNFROZEN_LINEAR steps at the cache's resolution
 * and the run's batch) on this kind of worker. Measured once — in a fresh process, so its peak
 * memory is its own — then stored by the API and reused. LOFFTA_CALIBRATION=off skips it.
 */
export async function fineTuningCalibration(
  ctx: JobContext,
  run: WorkerRunFragment,
  config: RunConfig,
): Promise<{ calibration?: CalibrationInput; calibrationId?: string }> {
  const cache = run.cache;
  if (!cache || !workerEnv("LOFFTA_CALIBRATION")) return {};
  const key = {
    modelId: cache.model.id,
    resolution: cache.resolution,
    batchSize: config.batchSize,
    device: ctx.device,
  };
  const { calibration } = await ctx.api.request(WorkerCalibrationDocument, key);
  if (calibration) return { calibrationId: calibration.id };

  ctx.log(
    `measuring the cost of fine-tuning ${cache.model.name} at ${cache.resolution}px, batch ${config.batchSize} (once per worker device)`,
  );
  try {
    const opts = await storedModel(cache.model, cache.layer, ctx.home);
    const r = await measureInChild(
      {
        kind: "finetune",
        model: { path: opts.path, family: opts.family, layer: opts.layer, tfjsLayer: opts.tfjsLayer, imageSize: opts.imageSize },
        imageSize: cache.resolution,
        batchSize: config.batchSize,
        microBatch: config.microBatch,
        steps: CALIBRATION_STEPS,
      },
      { signal: ctx.signal },
    );
    return {
      calibration: {
        resolution: cache.resolution,
        batchSize: config.batchSize,
        device: ctx.device,
        imagesPerSec: r.imagesPerSec,
        peakMemoryBytes: r.peakRssBytes,
        steps: r.steps,
      },
    };
  } catch (e) {
    // The run itself succeeded: report it without savings rather than fail it.
    ctx.log(`calibration failed, the run will have no speed-up figures: ${(e as Error).message}`, "WARN");
    return {};
  }
}
