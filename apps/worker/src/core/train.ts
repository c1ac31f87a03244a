/**
 * LOFF-TA training on a feature cache: the cache loader's batches → tensor augmentations
 * (core/augment) → the classifier's optimizer step (core/step.ts: AdamW with decoupled weight
 * decay, label smoothing, global-norm clipping, micro-batches with gradient accumulation), run by
 * the shared training loop (core/loop.ts: schedule, evaluation, early stopping, callbacks,
 * cancellation, summary). What is specific to caches lives here: the batch source, the
 * evaluation over a cache split, and checkpoint save/resume. Pure: reads the cache and writes
 * checkpoints only.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { RunConfig } from "@loffta/graphql/run-config";
import { augmentationProblems, augmentBatch, needsChannelStd } from "./augment";
import type { AugmentBatch } from "./augment";
import { countBatches, countItems, estimateChannelStats, iterateBatches } from "./cache/loader";
import type { Batch } from "./cache/loader";
import type { CacheManifest } from "./cache/format";
import type { FeatureCache } from "./cache/reader";
import { loadCheckpoint, restoreCheckpoint, saveCheckpoint } from "./checkpoint";
import { runTrainingLoop } from "./loop";
import type { EpochInfo, LoopState, StepInfo, TrainSummary } from "./loop";
import { buildClassifier } from "./model/vit";
import type { Classifier } from "./model/vit";
import { createAdamW } from "./optim/adamw";
import { createRng, deriveSeed } from "./rng";
import type { Rng } from "./rng";
import { smoothedTargets, trainStep } from "./step";

export { createMemoryProbe } from "./loop";
export type { EpochInfo, MemoryProbe, StepInfo, TrainSummary } from "./loop";
export { smoothedTargets, trainStep } from "./step";

export type TrainConfig = RunConfig;

export interface TrainOptions {
  cache: FeatureCache;
  config: TrainConfig;
  trainSplit?: string;
  /** Default: "val" when present, else "test", else no evaluation. */
  evalSplit?: string | null;
  /** Checkpoints (last.safetensors, best.safetensors) go here when given. */
  outDir?: string;
  /** Resume from outDir/last.safetensors when it exists. */
  resume?: boolean;
  /** Called after each checkpoint file is written (its path): the worker copies it to the object store. */
  onCheckpoint?: (file: string) => Promise<void>;
  onStep?: (s: StepInfo) => void;
  onEpoch?: (e: EpochInfo) => void;
  signal?: AbortSignal;
  /** Stop after this many optimizer steps (benchmarks, smoke tests). */
  maxSteps?: number;
  memoryBudgetBytes?: number;
}

export class TrainConfigError extends Error {
  override name = "TrainConfigError";
}

/** Problems that make a config unusable with a given cache (empty list: OK). */
export function checkCompatibility(
  config: TrainConfig,
  manifest: CacheManifest,
  trainSplit = "train",
): string[] {
  const errs: string[] = [];
  if (config.classifier.useCachedCls && !manifest.hasCls)
    errs.push("classifier.useCachedCls is true but the cache has no CLS token");
  if (manifest.labelNames.length < 2)
    errs.push(`the cache has ${manifest.labelNames.length} label(s); need at least 2`);
  if (!manifest.splits[trainSplit]?.count) errs.push(`the cache has no "${trainSplit}" split`);
  const { h, w } = manifest.grid;
  errs.push(...augmentationProblems(config.augmentations, manifest.grid));
  if (config.classifier.preset !== "linear" && h * w < 1) errs.push("the cache grid is empty");
  return errs;
}

/** Split a loader batch into the grid [B,h,w,D] and the cached CLS [B,D] (when present). */
export function batchToTensors(b: Batch, manifest: CacheManifest): { grid: tf.Tensor4D; cls?: tf.Tensor2D } {
  return tf.tidy(() => {
    const all = tf.tensor3d(b.tokens, [b.size, b.tokensPerItem, b.dim]);
    const { h, w } = manifest.grid;
    if (!manifest.hasCls) return { grid: tf.reshape(all, [b.size, h, w, b.dim]) as tf.Tensor4D };
    const cls = tf.reshape(tf.slice(all, [0, 0, 0], [b.size, 1, b.dim]), [b.size, b.dim]) as tf.Tensor2D;
    const grid = tf.reshape(tf.slice(all, [0, 1, 0], [b.size, h * w, b.dim]), [
      b.size,
      h,
      w,
      b.dim,
    ]) as tf.Tensor4D;
    return { grid, cls };
  });
}

/** Class probabilities for a whole split (no augmentation), in cache order. */
export async function predictSplit(
  model: Classifier,
  cache: FeatureCache,
  split: string,
  batchSize: number,
): Promise<{ labels: number[]; probs: Float32Array[]; index: number[] }> {
  const labels: number[] = [];
  const probs: Float32Array[] = [];
  const index: number[] = [];
  const C = cache.manifest.labelNames.length;
  for await (const b of iterateBatches(cache, { split, batchSize, shuffle: false })) {
    const p = tf.tidy(() => {
      const { grid, cls } = batchToTensors(b, cache.manifest);
      return tf.softmax(model.forward(grid, cls));
    });
    const data = p.dataSync() as Float32Array;
    p.dispose();
    for (let i = 0; i < b.size; i++) {
      labels.push(b.labels[i]);
      index.push(b.index[i]);
      probs.push(data.slice(i * C, (i + 1) * C));
    }
  }
  return { labels, probs, index };
}

export async function train(opts: TrainOptions): Promise<TrainSummary> {
  const t0 = performance.now();
  const { cache, config } = opts;
  const man = cache.manifest;
  const trainSplit = opts.trainSplit ?? "train";
  const evalSplit =
    opts.evalSplit === undefined
      ? man.splits.val?.count
        ? "val"
        : man.splits.test?.count
          ? "test"
          : null
      : opts.evalSplit;
  const problems = checkCompatibility(config, man, trainSplit);
  if (problems.length) throw new TrainConfigError(problems.join("; "));
  const C = man.labelNames.length;
  const model = buildClassifier({
    preset: config.classifier.preset,
    inDim: man.dim,
    grid: man.grid,
    numClasses: C,
    useCachedCls: config.classifier.useCachedCls,
    hasCls: man.hasCls,
    seed: deriveSeed(config.seed, 1),
  });
  const opt = createAdamW(model.params, model.decayed, {
    betas: config.optimizer.betas,
    eps: config.optimizer.eps,
    weightDecay: config.optimizer.weightDecay,
  });
  const augRng: Rng = createRng(deriveSeed(config.seed, 2));
  const aug = config.augmentations;
  let channelStd: tf.Tensor1D | undefined;
  try {
    if (needsChannelStd(aug)) channelStd = tf.tensor1d((await estimateChannelStats(cache, trainSplit, 512)).std);
    let resume: LoopState | undefined;
    const lastPath = opts.outDir ? path.join(opts.outDir, "last.safetensors") : null;
    if (opts.resume && lastPath && existsSync(lastPath)) {
      const ck = await loadCheckpoint(lastPath);
      restoreCheckpoint(ck, model.params, opt);
      augRng.setState(ck.state.rngState);
      resume = {
        step: ck.state.step,
        epoch: ck.state.epoch,
        batchInEpoch: ck.state.batchInEpoch,
        best: (ck.state.best as LoopState["best"]) ?? null,
        badEvals: (ck.state.badEvals as number) ?? 0,
        history: (ck.state.history as LoopState["history"]) ?? [],
        imagesSeen: typeof ck.state.imagesSeen === "number" ? ck.state.imagesSeen : undefined,
      };
    }
    const saveLast = async (s: LoopState): Promise<void> => {
      if (!lastPath) return;
      await saveCheckpoint(lastPath, model.params, opt, {
        step: s.step,
        epoch: s.epoch,
        batchInEpoch: s.batchInEpoch,
        rngState: augRng.getState(),
        best: s.best,
        badEvals: s.badEvals,
        history: s.history,
        imagesSeen: s.imagesSeen,
        config,
        grid: man.grid,
        dim: man.dim,
        labelNames: man.labelNames,
      });
      await opts.onCheckpoint?.(lastPath);
    };
    const evalBatch = Math.max(config.microBatch * 2, 16);
    return await runTrainingLoop<Batch>(
      {
        config,
        stepsPerEpoch: countBatches(cache, trainSplit, config.batchSize),
        numClasses: C,
        numParams: model.numParams,
        timing: "compute",
        startedAt: t0,
        resume,
        batches: (epoch, skip) =>
          iterateBatches(cache, {
            split: trainSplit,
            batchSize: config.batchSize,
            shuffle: true,
            seed: config.seed,
            epoch,
            skipBatches: skip,
            memoryBudgetBytes: opts.memoryBudgetBytes,
          }),
        sizeOf: (b) => b.size,
        step: (b, { lr, probe }) => {
          const input = tf.tidy(() => {
            const { grid, cls } = batchToTensors(b, man);
            const out = augmentBatch(
              { grid, cls, targets: smoothedTargets(b.labels, C, config.labelSmoothing) },
              aug,
              augRng,
              { channelStd },
            );
            return out as unknown as tf.TensorContainer;
          }) as unknown as AugmentBatch;
          try {
            return trainStep(model, opt, input, { microBatch: config.microBatch, lr, gradClip: config.gradClip, probe });
          } finally {
            tf.dispose([input.grid, input.targets, ...(input.cls ? [input.cls] : [])]);
          }
        },
        evalSplit,
        predict: evalSplit ? () => predictSplit(model, cache, evalSplit, evalBatch) : undefined,
        onInterrupted: saveLast,
        onEpochEnd: saveLast,
        onBest: async (s) => {
          if (opts.outDir && s.best) {
            const bestPath = path.join(opts.outDir, "best.safetensors");
            await saveCheckpoint(bestPath, model.params, null, {
              step: s.step,
              epoch: s.epoch,
              batchInEpoch: 0,
              rngState: augRng.getState(),
              metrics: s.best.metrics,
            });
            await opts.onCheckpoint?.(bestPath);
          }
        },
      },
      { onStep: opts.onStep, onEpoch: opts.onEpoch, signal: opts.signal, maxSteps: opts.maxSteps },
    );
  } finally {
    channelStd?.dispose();
    opt.dispose();
    model.dispose();
  }
}

export { countItems };
