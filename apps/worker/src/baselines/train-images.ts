/**
 * The paper's two image baselines, trained on IMAGES through the foundation model (the model
 * runs every step, unlike LOFF-TA which trains on a feature cache):
 * - FROZEN_LINEAR: frozen model (no gradient tape around it) → CLS → linear head;
 * - UNFROZEN_LINEAR: full fine-tuning, every backbone tensor a tf.Variable, + linear head.
 * Same loop as core/train.ts: AdamW (decoupled decay), warm-up + cosine, label smoothing,
 * global-norm clipping, micro-batches with gradient accumulation (core's trainStep), per-epoch
 * evaluation, early stopping, callbacks, cancellation, maxSteps. Image augmentations on the
 * decoded float tensors: RandomResizedCrop (scale [0.35, 1], ratio [3/4, 4/3], torchvision
 * semantics, bilinear cropAndResize) + horizontal flip (p 0.5), seeded (core/augment.ts applied
 * to [B, H, W, 3] pixels). Decoding (sharp, libuv pool) of the next batches overlaps compute.
 */
import * as tf from "@tensorflow/tfjs";
import type { RunConfig } from "@loffta/graphql/run-config";
import { augmentBatch, NO_AUGMENT } from "../core/augment";
import type { AugmentBatch, AugmentConfig } from "../core/augment";
import { initBackend } from "../core/backend";
import { computeMetrics, higherIsBetter } from "../core/metrics";
import type { ClassificationMetrics, MetricName } from "../core/metrics";
import { createAdamW } from "../core/optim/adamw";
import { createRng, deriveSeed } from "../core/rng";
import { learningRate } from "../core/schedule";
import { createMemoryProbe, smoothedTargets, trainStep } from "../core/train";
import type { EpochInfo, MemoryProbe, StepInfo, TrainSummary } from "../core/train";
import { listDataset } from "../extract/dataset";
import type { DatasetItem } from "../extract/dataset";
import type { FoundationModel } from "../extract/foundation";
import { loadImage } from "../extract/images";
import { prefetch } from "../extract/prefetch";
import { BaselineError, buildImageClassifier } from "./finetune-model";
import type { ImageClassifier } from "./finetune-model";

export type BaselineKind = "FROZEN_LINEAR" | "UNFROZEN_LINEAR";

/** Default micro-batch cap for fine-tuning (activations of every block are kept per micro-batch). */
export const FINETUNE_MAX_MICRO_BATCH = 8;

export interface ImageAugmentOptions {
  /** RandomResizedCrop area fraction (default [0.35, 1]) and aspect ratio (default [3/4, 4/3]). */
  scale?: [number, number];
  ratio?: [number, number];
  /** Horizontal flip probability (default 0.5; 0 disables). */
  hflipP?: number;
  /** false: no augmentation at all. */
  enabled?: boolean;
}

export const IMAGE_AUGMENT_DEFAULTS = { scale: [0.35, 1] as [number, number], ratio: [3 / 4, 4 / 3] as [number, number], hflipP: 0.5 };

/** Image augmentation as a core AugmentConfig (pixels are a [B, H, W, 3] "grid"). */
export function imageAugmentConfig(o: ImageAugmentOptions = {}): AugmentConfig {
  if (o.enabled === false) return NO_AUGMENT;
  const hflipP = o.hflipP ?? IMAGE_AUGMENT_DEFAULTS.hflipP;
  return {
    ...NO_AUGMENT,
    hflip: { enabled: hflipP > 0, p: hflipP },
    resizedCrop: { enabled: true, p: 1, scale: o.scale ?? IMAGE_AUGMENT_DEFAULTS.scale, ratio: o.ratio ?? IMAGE_AUGMENT_DEFAULTS.ratio },
  };
}

export interface TrainOnImagesOptions {
  model: FoundationModel;
  /** Dataset root (ImageFolder with train/val/test folders, or a CSV manifest). */
  data: string;
  kind: BaselineKind;
  config: RunConfig;
  /** Square input side in pixels (default: the model's native size). */
  imageSize?: number;
  signal?: AbortSignal;
  onStep?: (s: StepInfo) => void;
  onEpoch?: (e: EpochInfo) => void;
  /** Stop after this many optimizer steps. */
  maxSteps?: number;
  trainSplit?: string;
  /** Default: "val" when present, else "test", else no evaluation. */
  evalSplit?: string | null;
  augment?: ImageAugmentOptions;
  /** Batches decoded ahead of compute (default 2). */
  prefetchDepth?: number;
  /** Called with the trained classifier just before it is disposed (tests, exports). */
  onTrained?: (clf: ImageClassifier) => void | Promise<void>;
}

export interface ImageTrainSummary extends TrainSummary {
  kind: BaselineKind;
  imageSize: number;
  batchSize: number;
  microBatch: number;
  trainImages: number;
  evalSplit: string | null;
}

interface DecodedBatch {
  pixels: Float32Array | null;
  labels: Int32Array;
  error: string | null;
}

function decoder(model: FoundationModel, size: number): (items: DatasetItem[]) => Promise<DecodedBatch> {
  const per = size * size * 3;
  return async (items) => {
    const labels = Int32Array.from(items, (i) => i.label);
    try {
      const imgs = await Promise.all(
        items.map((it) =>
          loadImage(it.path, { size, resize: "crop", mean: model.mean, std: model.std }).catch((e: unknown) => {
            throw new BaselineError(`${it.path}: ${(e as Error).message}`);
          }),
        ),
      );
      const pixels = new Float32Array(items.length * per);
      imgs.forEach((d, i) => pixels.set(d, i * per));
      return { pixels, labels, error: null };
    } catch (e) {
      return { pixels: null, labels, error: (e as Error).message };
    }
  };
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** CLS features of a batch, computed micro-batch by micro-batch without a gradient tape. */
function frozenFeatures(clf: ImageClassifier, pixels: tf.Tensor4D, micro: number, probe?: MemoryProbe): tf.Tensor2D {
  const B = pixels.shape[0];
  const parts: tf.Tensor2D[] = [];
  for (let s = 0; s < B; s += micro) {
    const n = Math.min(micro, B - s);
    parts.push(tf.tidy(() => clf.features(tf.slice(pixels, [s, 0, 0, 0], [n, -1, -1, -1]))));
    probe?.sample();
  }
  if (parts.length === 1) return parts[0];
  const all = tf.concat(parts, 0);
  tf.dispose(parts);
  return all;
}

/**
 * One optimizer step of either baseline on a (possibly augmented) pixel batch [B, S, S, 3].
 * Inputs are not disposed. FROZEN: features without tape, then the head's step on them.
 */
export function imageTrainStep(
  clf: ImageClassifier,
  opt: ReturnType<typeof createAdamW>,
  batch: { pixels: tf.Tensor4D; targets: tf.Tensor2D },
  o: { microBatch: number; lr: number; gradClip: number; probe?: MemoryProbe },
): { loss: number; gradNorm: number } {
  if (clf.kind === "UNFROZEN_LINEAR") return trainStep(clf, opt, { grid: batch.pixels, targets: batch.targets }, o);
  const cls = frozenFeatures(clf, batch.pixels, o.microBatch, o.probe);
  try {
    const grid = tf.reshape(cls, [cls.shape[0], 1, 1, cls.shape[1]]) as tf.Tensor4D;
    const headOnly = { ...clf, forward: (_g: tf.Tensor4D, c?: tf.Tensor2D) => clf.head(c as tf.Tensor2D) };
    // The head is tiny: one full-batch "micro-batch".
    const r = trainStep(headOnly, opt, { grid, cls, targets: batch.targets }, { ...o, microBatch: cls.shape[0] });
    grid.dispose();
    return r;
  } finally {
    cls.dispose();
  }
}

async function predict(
  clf: ImageClassifier,
  decode: (items: DatasetItem[]) => Promise<DecodedBatch>,
  items: DatasetItem[],
  batchSize: number,
  depth: number,
  signal?: AbortSignal,
): Promise<{ labels: number[]; probs: Float32Array[] } | null> {
  const S = clf.imageSize;
  const labels: number[] = [];
  const probs: Float32Array[] = [];
  for await (const { result: b } of prefetch(chunk(items, batchSize), decode, depth)) {
    if (signal?.aborted) return null;
    if (b.error || !b.pixels) throw new BaselineError(b.error ?? "decode failed");
    const n = b.labels.length;
    const p = tf.tidy(() => tf.softmax(clf.head(clf.features(tf.tensor4d(b.pixels as Float32Array, [n, S, S, 3])))));
    const data = p.dataSync() as Float32Array;
    p.dispose();
    const C = data.length / n;
    for (let i = 0; i < n; i++) {
      labels.push(b.labels[i]);
      probs.push(data.slice(i * C, (i + 1) * C));
    }
  }
  return { labels, probs };
}

export async function trainOnImages(opts: TrainOnImagesOptions): Promise<ImageTrainSummary> {
  const t0 = performance.now();
  await initBackend({ quiet: true });
  const { model, config, kind } = opts;
  const ds = await listDataset(opts.data);
  const trainSplit = opts.trainSplit ?? "train";
  const trainItems = ds.items.filter((i) => i.split === trainSplit);
  if (!trainItems.length) throw new BaselineError(`dataset ${opts.data} has no "${trainSplit}" images`);
  const evalSplit = opts.evalSplit === undefined ? (ds.splits.includes("val") ? "val" : ds.splits.includes("test") ? "test" : null) : opts.evalSplit;
  const evalItems = evalSplit ? ds.items.filter((i) => i.split === evalSplit) : [];
  const C = ds.labelNames.length;
  if (C < 2) throw new BaselineError(`dataset ${opts.data} has ${C} class(es); need at least 2`);
  const S = opts.imageSize ?? model.imageSize;
  if (model.patchSize && S < model.patchSize) throw new BaselineError(`imageSize ${S} is smaller than one ${model.patchSize}-px patch`);
  const microBatch = Math.min(config.microBatch, config.batchSize, kind === "UNFROZEN_LINEAR" ? FINETUNE_MAX_MICRO_BATCH : Infinity);
  const depth = opts.prefetchDepth ?? 2;

  const clf = await buildImageClassifier(model, { kind, numClasses: C, imageSize: S, seed: deriveSeed(config.seed, 1) });
  const opt = createAdamW(clf.params, clf.decayed, { betas: config.optimizer.betas, eps: config.optimizer.eps, weightDecay: config.optimizer.weightDecay });
  const augRng = createRng(deriveSeed(config.seed, 2));
  const aug = imageAugmentConfig(opts.augment);
  const decode = decoder(model, S);
  const stepsPerEpoch = Math.ceil(trainItems.length / config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  const warmupSteps = config.schedule.warmupSteps ?? Math.round((config.schedule.warmupEpochs ?? 0) * stepsPerEpoch);
  const sched = { baseLr: config.optimizer.lr, totalSteps, warmupSteps, cosine: config.schedule.cosine, minLr: config.schedule.minLr };
  const probe = createMemoryProbe();
  const metricName = config.earlyStopping.metric as MetricName;
  const better = (a: number, b: number): boolean => (higherIsBetter(metricName) ? a > b : a < b);
  const evalBatch = Math.max(microBatch * 2, kind === "FROZEN_LINEAR" ? 16 : 4);

  const WARM_STEPS = 2;
  const timed: number[] = [];
  let timedImages = 0;
  let step = 0;
  let cancelled = false;
  let stoppedEarly = false;
  let epochsRun = 0;
  let badEvals = 0;
  let best: { value: number; epoch: number; metrics: ClassificationMetrics } | null = null;
  let finalMetrics: ClassificationMetrics | null = null;
  const history: TrainSummary["history"] = [];
  try {
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      const order = trainItems.slice();
      createRng(deriveSeed(config.seed, 3, epoch)).shuffle(order);
      let lossSum = 0;
      let lossN = 0;
      let stepInEpoch = 0;
      let hitMax = false;
      // Step time = from the end of the previous step (includes any wait for decoding).
      let tPrev = performance.now();
      for await (const { result: b } of prefetch(chunk(order, config.batchSize), decode, depth)) {
        if (opts.signal?.aborted) {
          cancelled = true;
          break;
        }
        if (opts.maxSteps !== undefined && step >= opts.maxSteps) {
          hitMax = true;
          break;
        }
        if (b.error || !b.pixels) throw new BaselineError(b.error ?? "decode failed");
        const n = b.labels.length;
        const lr = learningRate(step, sched);
        const input = tf.tidy(() => {
          const pixels = tf.tensor4d(b.pixels as Float32Array, [n, S, S, 3]);
          const out = augmentBatch({ grid: pixels, targets: smoothedTargets(b.labels, C, config.labelSmoothing) }, aug, augRng);
          return out as unknown as tf.TensorContainer;
        }) as unknown as AugmentBatch;
        const { loss, gradNorm } = imageTrainStep(clf, opt, { pixels: input.grid, targets: input.targets }, { microBatch, lr, gradClip: config.gradClip, probe });
        tf.dispose([input.grid, input.targets]);
        step++;
        stepInEpoch++;
        lossSum += loss;
        lossN++;
        const now = performance.now();
        const dt = (now - tPrev) / 1000;
        tPrev = now;
        if (step > WARM_STEPS) {
          timed.push(dt);
          timedImages += n;
        }
        opts.onStep?.({ epoch, step, stepInEpoch, stepsPerEpoch, totalSteps, loss, lr, gradNorm, imagesPerSec: n / dt });
      }
      if (cancelled || (hitMax && stepInEpoch < stepsPerEpoch)) break;
      epochsRun++;
      const trainLoss = lossN ? lossSum / lossN : NaN;
      let metrics: ClassificationMetrics | null = null;
      let isBest = false;
      const last = epoch === config.epochs - 1;
      if (evalItems.length && ((epoch + 1) % config.evalEvery === 0 || last)) {
        const pred = await predict(clf, decode, evalItems, evalBatch, depth, opts.signal);
        if (!pred) {
          cancelled = true;
          break;
        }
        metrics = computeMetrics(pred.labels, pred.probs, C);
        finalMetrics = metrics;
        const v = metrics[metricName];
        if (!best || (Number.isFinite(v) && better(v, best.value))) {
          best = { value: v, epoch, metrics };
          isBest = true;
          badEvals = 0;
        } else badEvals++;
      }
      history.push({ epoch, trainLoss, metrics });
      opts.onEpoch?.({ epoch, trainLoss, metrics, best: isBest });
      if (config.earlyStopping.enabled && badEvals >= config.earlyStopping.patience) {
        stoppedEarly = true;
        break;
      }
      if (opts.maxSteps !== undefined && step >= opts.maxSteps) break;
    }
    await opts.onTrained?.(clf);
  } finally {
    opt.dispose();
    clf.dispose();
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
    numParams: clf.numParams,
    backend: tf.getBackend(),
    kind,
    imageSize: S,
    batchSize: config.batchSize,
    microBatch,
    trainImages: trainItems.length,
    evalSplit,
  };
}
