/**
 * LOFF-TA training loop on a feature cache: tensor augmentations → classifier, AdamW with
 * decoupled weight decay, warm-up + cosine schedule, label smoothing, global-norm clipping,
 * micro-batches with gradient accumulation (tfjs keeps every activation of a micro-batch until
 * its gradients are taken: memory scales with microBatch, not batchSize), per-epoch evaluation,
 * early stopping, checkpoint save/resume, callbacks and cancellation. Pure: reads the cache and
 * writes checkpoints only.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { RunConfig } from "@loffta/graphql/run-config";
import { augmentBatch } from "./augment";
import type { AugmentBatch, AugmentConfig } from "./augment";
import { countBatches, countItems, estimateChannelStats, iterateBatches } from "./cache/loader";
import type { Batch } from "./cache/loader";
import type { CacheManifest } from "./cache/format";
import type { FeatureCache } from "./cache/reader";
import { loadCheckpoint, restoreCheckpoint, saveCheckpoint } from "./checkpoint";
import { computeMetrics, higherIsBetter } from "./metrics";
import type { ClassificationMetrics, MetricName } from "./metrics";
import { buildClassifier } from "./model/vit";
import type { Classifier } from "./model/vit";
import { clipGlobalNorm, createAdamW } from "./optim/adamw";
import type { AdamW } from "./optim/adamw";
import { createRng, deriveSeed } from "./rng";
import type { Rng } from "./rng";
import { learningRate } from "./schedule";

export type TrainConfig = RunConfig;

export interface StepInfo {
  epoch: number;
  /** Global optimizer step (1-based after the update). */
  step: number;
  stepInEpoch: number;
  stepsPerEpoch: number;
  totalSteps: number;
  loss: number;
  lr: number;
  gradNorm: number;
  imagesPerSec: number;
}

export interface EpochInfo {
  epoch: number;
  trainLoss: number;
  /** Null when this epoch was not evaluated (evalEvery) or there is no eval split. */
  metrics: ClassificationMetrics | null;
  best: boolean;
}

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
  onStep?: (s: StepInfo) => void;
  onEpoch?: (e: EpochInfo) => void;
  signal?: AbortSignal;
  /** Stop after this many optimizer steps (benchmarks, smoke tests). */
  maxSteps?: number;
  memoryBudgetBytes?: number;
}

export interface TrainSummary {
  epochsRun: number;
  steps: number;
  finalMetrics: ClassificationMetrics | null;
  bestMetrics: ClassificationMetrics | null;
  bestEpoch: number | null;
  history: { epoch: number; trainLoss: number; metrics: ClassificationMetrics | null }[];
  /** Steady-state training throughput (first steps excluded). */
  imagesPerSec: number;
  meanStepMs: number;
  peakRssBytes: number;
  /** Peak tf.memory().numBytes observed (taken at the end of each micro-batch forward). */
  peakTfBytes: number;
  wallTimeMs: number;
  cancelled: boolean;
  stoppedEarly: boolean;
  numParams: number;
  backend: string;
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
  if (config.augmentations.resizedCrop.enabled && (h < 2 || w < 2))
    errs.push(`augmentations.resizedCrop needs a grid of at least 2×2, the cache grid is ${h}×${w}`);
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

export function smoothedTargets(labels: Int32Array, numClasses: number, smoothing: number): tf.Tensor2D {
  return tf.tidy(() => {
    const oh = tf.oneHot(tf.tensor1d(labels, "int32"), numClasses).toFloat();
    return tf.add(tf.mul(oh, 1 - smoothing), smoothing / numClasses) as tf.Tensor2D;
  });
}

export interface MemoryProbe {
  peakRss: number;
  peakTf: number;
  sample(): void;
}

export function createMemoryProbe(): MemoryProbe {
  const p: MemoryProbe = {
    peakRss: 0,
    peakTf: 0,
    sample() {
      p.peakRss = Math.max(p.peakRss, process.memoryUsage.rss());
      p.peakTf = Math.max(p.peakTf, tf.memory().numBytes);
    },
  };
  return p;
}

/**
 * One optimizer step over a (possibly augmented) batch, accumulated over micro-batches.
 * Inputs are not disposed. Returns the mean loss and the pre-clip gradient norm.
 */
export function trainStep(
  model: Classifier,
  opt: AdamW,
  batch: { grid: tf.Tensor4D; cls?: tf.Tensor2D; targets: tf.Tensor2D },
  o: { microBatch: number; lr: number; gradClip: number; probe?: MemoryProbe },
): { loss: number; gradNorm: number } {
  const B = batch.grid.shape[0];
  const vars = [...model.params.values()];
  const names = [...model.params.keys()];
  const acc = new Map<string, tf.Tensor>();
  let lossSum = 0;
  for (let start = 0; start < B; start += o.microBatch) {
    const size = Math.min(o.microBatch, B - start);
    const { value, grads } = tf.variableGrads(() => {
      const g = tf.slice(batch.grid, [start, 0, 0, 0], [size, -1, -1, -1]);
      const c = batch.cls ? tf.slice(batch.cls, [start, 0], [size, -1]) : undefined;
      const t = tf.slice(batch.targets, [start, 0], [size, -1]);
      const logits = model.forward(g, c);
      // Sum over the micro-batch / full batch size: accumulated grads equal the full-batch mean.
      const loss = tf.div(tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(logits)))), B) as tf.Scalar;
      o.probe?.sample();
      return loss;
    }, vars);
    lossSum += (value.dataSync() as Float32Array)[0];
    value.dispose();
    for (let i = 0; i < names.length; i++) {
      const g = grads[vars[i].name];
      if (!g) continue;
      const prev = acc.get(names[i]);
      if (prev) {
        acc.set(names[i], tf.add(prev, g));
        prev.dispose();
        g.dispose();
      } else acc.set(names[i], g);
    }
  }
  o.probe?.sample();
  const gradNorm = clipGlobalNorm(acc, o.gradClip);
  opt.apply(acc, o.lr);
  acc.forEach((g) => g.dispose());
  return { loss: lossSum, gradNorm };
}

/** Class probabilities for a whole split (no augmentation), in cache order. */
export async function predictSplit(
  model: Classifier,
  cache: FeatureCache,
  split: string,
  batchSize: number,
): Promise<{ labels: number[]; probs: Float32Array[] }> {
  const labels: number[] = [];
  const probs: Float32Array[] = [];
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
      probs.push(data.slice(i * C, (i + 1) * C));
    }
  }
  return { labels, probs };
}

function metricValue(m: ClassificationMetrics, name: MetricName): number {
  return m[name];
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
  const stepsPerEpoch = countBatches(cache, trainSplit, config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  const warmupSteps =
    config.schedule.warmupSteps ?? Math.round((config.schedule.warmupEpochs ?? 0) * stepsPerEpoch);
  const sched = {
    baseLr: config.optimizer.lr,
    totalSteps,
    warmupSteps,
    cosine: config.schedule.cosine,
    minLr: config.schedule.minLr,
  };
  const aug = config.augmentations as AugmentConfig;
  let channelStd: tf.Tensor1D | undefined;
  if (aug.noise.enabled && aug.noise.relativeTo === "channel-std")
    channelStd = tf.tensor1d((await estimateChannelStats(cache, trainSplit, 512)).std);
  const probe = createMemoryProbe();
  const metricName = config.earlyStopping.metric as MetricName;
  const better = (a: number, b: number): boolean => (higherIsBetter(metricName) ? a > b : a < b);

  let step = 0;
  let startEpoch = 0;
  let skipBatches = 0;
  let best: { value: number; epoch: number; metrics: ClassificationMetrics } | null = null;
  let badEvals = 0;
  const history: TrainSummary["history"] = [];
  const lastPath = opts.outDir ? path.join(opts.outDir, "last.safetensors") : null;
  if (opts.resume && lastPath && existsSync(lastPath)) {
    const ck = await loadCheckpoint(lastPath);
    restoreCheckpoint(ck, model.params, opt);
    step = ck.state.step;
    startEpoch = ck.state.epoch;
    skipBatches = ck.state.batchInEpoch;
    augRng.setState(ck.state.rngState);
    best = (ck.state.best as typeof best) ?? null;
    badEvals = (ck.state.badEvals as number) ?? 0;
    history.push(...((ck.state.history as TrainSummary["history"]) ?? []));
  }
  const save = async (file: string, epoch: number, batchInEpoch: number): Promise<void> => {
    await saveCheckpoint(file, model.params, opt, {
      step,
      epoch,
      batchInEpoch,
      rngState: augRng.getState(),
      best,
      badEvals,
      history,
      config,
      grid: man.grid,
      dim: man.dim,
      labelNames: man.labelNames,
    });
  };

  const timed: number[] = [];
  let timedImages = 0;
  const WARM_STEPS = 2;
  let stepsThisRun = 0;
  let cancelled = false;
  let stoppedEarly = false;
  let finalMetrics: ClassificationMetrics | null = null;
  let epochsRun = 0;
  const evalBatch = Math.max(config.microBatch * 2, 16);
  try {
    for (let epoch = startEpoch; epoch < config.epochs; epoch++) {
      let lossSum = 0;
      let lossN = 0;
      let stepInEpoch = skipBatches;
      const batches = iterateBatches(cache, {
        split: trainSplit,
        batchSize: config.batchSize,
        shuffle: true,
        seed: config.seed,
        epoch,
        skipBatches,
        memoryBudgetBytes: opts.memoryBudgetBytes,
      });
      skipBatches = 0;
      for await (const b of batches) {
        if (opts.signal?.aborted || (opts.maxSteps !== undefined && stepsThisRun >= opts.maxSteps)) {
          cancelled = !!opts.signal?.aborted;
          if (lastPath) await save(lastPath, epoch, stepInEpoch);
          break;
        }
        const ts = performance.now();
        const lr = learningRate(step, sched);
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
        const { loss, gradNorm } = trainStep(model, opt, input, {
          microBatch: config.microBatch,
          lr,
          gradClip: config.gradClip,
          probe,
        });
        tf.dispose([input.grid, input.targets, ...(input.cls ? [input.cls] : [])]);
        step++;
        stepInEpoch++;
        stepsThisRun++;
        lossSum += loss;
        lossN++;
        const dt = (performance.now() - ts) / 1000;
        if (stepsThisRun > WARM_STEPS) {
          timed.push(dt);
          timedImages += b.size;
        }
        opts.onStep?.({
          epoch,
          step,
          stepInEpoch,
          stepsPerEpoch,
          totalSteps,
          loss,
          lr,
          gradNorm,
          imagesPerSec: b.size / dt,
        });
      }
      if (
        cancelled ||
        (opts.maxSteps !== undefined && stepsThisRun >= opts.maxSteps && stepInEpoch < stepsPerEpoch)
      )
        break;
      epochsRun++;
      const trainLoss = lossN ? lossSum / lossN : NaN;
      let metrics: ClassificationMetrics | null = null;
      let isBest = false;
      const last = epoch === config.epochs - 1;
      if (evalSplit && ((epoch + 1) % config.evalEvery === 0 || last)) {
        const { labels, probs } = await predictSplit(model, cache, evalSplit, evalBatch);
        metrics = computeMetrics(labels, probs, C);
        finalMetrics = metrics;
        const v = metricValue(metrics, metricName);
        if (!best || (Number.isFinite(v) && better(v, best.value))) {
          best = { value: v, epoch, metrics };
          isBest = true;
          badEvals = 0;
          if (opts.outDir)
            await saveCheckpoint(path.join(opts.outDir, "best.safetensors"), model.params, null, {
              step,
              epoch: epoch + 1,
              batchInEpoch: 0,
              rngState: augRng.getState(),
              metrics,
            });
        } else badEvals++;
      }
      history.push({ epoch, trainLoss, metrics });
      opts.onEpoch?.({ epoch, trainLoss, metrics, best: isBest });
      if (lastPath) await save(lastPath, epoch + 1, 0);
      if (config.earlyStopping.enabled && badEvals >= config.earlyStopping.patience) {
        stoppedEarly = true;
        break;
      }
    }
  } finally {
    channelStd?.dispose();
    opt.dispose();
    model.dispose();
  }
  const timeSum = timed.reduce((a, b) => a + b, 0);
  return {
    epochsRun,
    steps: step,
    finalMetrics,
    bestMetrics: best?.metrics ?? null,
    bestEpoch: best?.epoch ?? null,
    history,
    imagesPerSec: timeSum > 0 ? timedImages / timeSum : 0,
    meanStepMs: timed.length ? (1000 * timeSum) / timed.length : 0,
    peakRssBytes: probe.peakRss,
    peakTfBytes: probe.peakTf,
    wallTimeMs: performance.now() - t0,
    cancelled,
    stoppedEarly,
    numParams: model.numParams,
    backend: tf.getBackend(),
  };
}

export { countItems };
