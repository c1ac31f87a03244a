/**
 * Short, fixed-size training measurements (no dataset):
 * - calibrateFineTuning: UNFROZEN_LINEAR steps on random images through the foundation model,
 *   the "short calibration the worker measures once and stores" when no full fine-tuning run
 *   of that model / resolution exists;
 * - measureCacheTraining: LOFF-TA steps (deit-s classifier by default) on random cached tokens
 *   of a given grid / dim, with the default tensor augmentations. A high-resolution cache holds
 *   its grid k×k-pooled (extract/job.ts pools at write time), so the classifier trains on the
 *   pooled grid, as a run on that cache does.
 * Both: 1 warm-up step of ONE micro-batch (kernel set-up, not timed), then `steps` timed optimizer
 * steps of `batchSize` images accumulated over micro-batches (core's trainStep). The random
 * inputs stand in for data a run reads ahead (cached tokens, decoded images) and are drawn before
 * the timer; what a run does every step is timed: LOFF-TA's tensor augmentations and the step.
 * Peak RSS is sampled by core's memory probe; run them through measureInChild for a
 * process-level peak.
 */
import * as tf from "@tensorflow/tfjs";
import { augmentBatch } from "../core/augment";
import type { AugmentBatch } from "../core/augment";
import { initBackend } from "../core/backend";
import { buildClassifier } from "../core/model/vit";
import type { Classifier } from "../core/model/vit";
import type { PresetName } from "../core/model/presets";
import { createAdamW } from "../core/optim/adamw";
import { createRng } from "../core/rng";
import { createMemoryProbe } from "../core/loop";
import type { MemoryProbe } from "../core/loop";
import { smoothedTargets, trainStep } from "../core/step";
import type { FoundationModel } from "../extract/foundation";
import { defaultRunConfig, resolveRunConfig } from "@loffta/graphql/run-config";
import { buildImageClassifier } from "./finetune-model";

export interface CalibrationResult {
  /** Steady-state training throughput over the timed steps. */
  imagesPerSec: number;
  stepMs: number;
  /** Peak RSS sampled during the steps (after each micro-batch forward and each step). */
  peakRssBytes: number;
  peakTfBytes: number;
  /** Timed steps. */
  steps: number;
  warmupSteps: number;
  batchSize: number;
  microBatch: number;
  numParams: number;
  /** tf.memory().numTensors after each step (warm-up included): constant when nothing leaks. */
  numTensorsAfterStep: number[];
  backend: string;
}

export interface CalibrateFineTuningOptions {
  model: FoundationModel;
  imageSize: number;
  batchSize: number;
  /** Default: a fine-tuning run's default (resolveRunConfig("UNFROZEN_LINEAR", {}).microBatch, 8), at most batchSize. */
  microBatch?: number;
  /** Timed steps (default 3), after `warmupSteps` (default 1) steps of one micro-batch. */
  steps?: number;
  warmupSteps?: number;
  numClasses?: number;
  /** Dispose the FoundationModel once its trainable copy is built (isolated measurements only). */
  releaseModel?: boolean;
}

type StepBatch = { grid: tf.Tensor4D; cls?: tf.Tensor2D; targets: tf.Tensor2D };

interface StepLoop {
  model: Classifier;
  /** The step's data as a run has it ready (read ahead): drawn before the timer. */
  inputs: (n: number) => StepBatch;
  /** What a run does to that data every step (LOFF-TA's tensor augmentations): timed. */
  prepare?: (b: StepBatch) => StepBatch;
  batchSize: number;
  microBatch: number;
  steps: number;
  warmupSteps: number;
}

function runSteps(l: StepLoop): CalibrationResult {
  const opt = createAdamW(l.model.params, l.model.decayed, { betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.05 });
  const probe: MemoryProbe = createMemoryProbe();
  const times: number[] = [];
  const numTensorsAfterStep: number[] = [];
  try {
    for (let i = 0; i < l.warmupSteps + l.steps; i++) {
      const warm = i < l.warmupSteps;
      const n = warm ? l.microBatch : l.batchSize;
      const data = l.inputs(n); // drawn (synchronously) before the timer
      const t = performance.now();
      const batch = l.prepare ? l.prepare(data) : data;
      trainStep(l.model, opt, batch, { microBatch: l.microBatch, lr: 1e-5, gradClip: 1, probe: warm ? undefined : probe });
      if (!warm) times.push(performance.now() - t);
      tf.dispose([data, batch]); // tensors both hold are disposed once (a second dispose is a no-op)
      numTensorsAfterStep.push(tf.memory().numTensors);
    }
  } finally {
    opt.dispose();
  }
  const stepMs = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  return {
    imagesPerSec: stepMs > 0 ? (l.batchSize * 1000) / stepMs : 0,
    stepMs,
    peakRssBytes: probe.peakRss,
    peakTfBytes: probe.peakTf,
    steps: l.steps,
    warmupSteps: l.warmupSteps,
    batchSize: l.batchSize,
    microBatch: l.microBatch,
    numParams: l.model.numParams,
    numTensorsAfterStep,
    backend: tf.getBackend(),
  };
}

function randomTargets(n: number, C: number, seed: number): tf.Tensor2D {
  const rng = createRng(seed);
  return smoothedTargets(Int32Array.from({ length: n }, () => rng.int(0, C - 1)), C, 0.1);
}

/** UNFROZEN_LINEAR training steps on random images (see module doc). */
export async function calibrateFineTuning(o: CalibrateFineTuningOptions): Promise<CalibrationResult> {
  await initBackend({ quiet: true });
  const S = o.imageSize;
  const B = o.batchSize;
  const micro = Math.max(1, Math.min(o.microBatch ?? resolveRunConfig("UNFROZEN_LINEAR", {}).microBatch, B));
  const C = o.numClasses ?? 10;
  const clf = await buildImageClassifier(o.model, { kind: "UNFROZEN_LINEAR", numClasses: C, imageSize: S, seed: 0 });
  if (o.releaseModel) o.model.dispose();
  let seed = 1;
  try {
    return runSteps({
      model: clf,
      batchSize: B,
      microBatch: micro,
      steps: o.steps ?? 3,
      warmupSteps: o.warmupSteps ?? 1,
      inputs: (n) => ({ grid: tf.randomNormal([n, S, S, 3], 0, 1, "float32", seed++) as tf.Tensor4D, targets: randomTargets(n, C, seed++) }),
    });
  } finally {
    clf.dispose();
  }
}

export interface MeasureCacheTrainingOptions {
  /** Cached grid (before pooling) and feature dim. */
  grid: { h: number; w: number };
  dim: number;
  batchSize: number;
  /** Default: the run config's default (8), at most batchSize. */
  microBatch?: number;
  /**
   * The cache was written k×k average-pooled (default 1: not pooled): the classifier trains on
   * the pooled grid (`grid` ÷ k), as a run on such a cache does; the pooling was paid once, at
   * extraction, and is not timed here.
   */
  pool?: number;
  preset?: PresetName;
  steps?: number;
  warmupSteps?: number;
  numClasses?: number;
  /** Apply the default RunConfig tensor augmentations every step (default true). */
  augment?: boolean;
}

/** LOFF-TA training steps on random cached tokens (see module doc). */
export async function measureCacheTraining(o: MeasureCacheTrainingOptions): Promise<CalibrationResult & { grid: { h: number; w: number } }> {
  await initBackend({ quiet: true });
  const k = o.pool ?? 1;
  const grid = { h: Math.floor(o.grid.h / k), w: Math.floor(o.grid.w / k) };
  const B = o.batchSize;
  const cfg = defaultRunConfig();
  const micro = Math.max(1, Math.min(o.microBatch ?? cfg.microBatch, B));
  const C = o.numClasses ?? 10;
  const D = o.dim;
  const model = buildClassifier({ preset: o.preset ?? "deit-s", inDim: D, grid, numClasses: C, useCachedCls: cfg.classifier.useCachedCls, hasCls: true, seed: 0 });
  const aug = cfg.augmentations;
  const rng = createRng(7);
  const channelStd = tf.ones([D]) as tf.Tensor1D;
  let seed = 1;
  try {
    const r = runSteps({
      model,
      batchSize: B,
      microBatch: micro,
      steps: o.steps ?? 3,
      warmupSteps: o.warmupSteps ?? 1,
      inputs: (n) => ({
        grid: tf.randomNormal([n, grid.h, grid.w, D], 0, 1, "float32", seed++) as tf.Tensor4D,
        cls: tf.randomNormal([n, D], 0, 1, "float32", seed++) as tf.Tensor2D,
        targets: randomTargets(n, C, seed++),
      }),
      prepare: o.augment === false ? undefined : (b) => tf.tidy(() => augmentBatch(b as AugmentBatch, aug, rng, { channelStd }) as unknown as tf.TensorContainer) as unknown as StepBatch,
    });
    return { ...r, grid };
  } finally {
    channelStd.dispose();
    model.dispose();
  }
}
