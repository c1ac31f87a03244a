/**
 * The paper's two image baselines, trained on IMAGES through the foundation model (the model
 * runs every step, unlike LOFF-TA which trains on a feature cache):
 * - FROZEN_LINEAR: frozen model (no gradient tape around it) → CLS → linear head;
 * - UNFROZEN_LINEAR: full fine-tuning, every backbone tensor a tf.Variable, + linear head.
 * The training loop is core's (core/loop.ts: schedule, evaluation, early stopping, callbacks,
 * cancellation, maxSteps, summary) with core's optimizer step (core/step.ts); what is specific
 * here is the batch source (the dataset as scanDataset lists it, shuffled per epoch from the
 * seed, decoded by sharp on the libuv pool ahead of compute), the image augmentations
 * (`config.imageAugmentations`: RandomResizedCrop + horizontal flip on the decoded [B, S, S, 3]
 * pixels through core/augment, seeded), the step of either kind and the evaluation. The config
 * is applied exactly as given (resolveRunConfig has applied the kind's policy: micro-batch cap,
 * tensor augmentations off).
 */
import * as tf from "@tensorflow/tfjs";
import type { ImageAugmentationConfig, RunConfig } from "@loffta/graphql/domain";
import { DatasetScanError, scanDataset } from "@loffta/graphql/dataset-scan";
import type { Dataset, DatasetItem } from "@loffta/graphql/dataset-scan";
import { augmentBatch, NO_AUGMENT } from "../core/augment";
import type { AugmentBatch, AugmentConfig } from "../core/augment";
import { initBackend } from "../core/backend";
import { runTrainingLoop } from "../core/loop";
import type { EpochInfo, MemoryProbe, StepInfo, TrainSummary } from "../core/loop";
import { createAdamW } from "../core/optim/adamw";
import { createRng, deriveSeed } from "../core/rng";
import { smoothedTargets, trainStep } from "../core/step";
import type { FoundationModel } from "../extract/foundation";
import { loadImage } from "../extract/images";
import { prefetch } from "../extract/prefetch";
import { BaselineError, buildImageClassifier } from "./finetune-model";
import type { ImageClassifier } from "./finetune-model";
import { finetunesBackbone, isBaselineKind } from "./kinds";
import type { BaselineKind } from "./kinds";

export type { BaselineKind } from "./kinds";

/** `config.imageAugmentations` as a core AugmentConfig (pixels are a [B, H, W, 3] "grid"). */
export function imageAugmentConfig(ia: ImageAugmentationConfig): AugmentConfig {
  return {
    ...NO_AUGMENT,
    resizedCrop: { enabled: ia.resizedCrop.enabled, p: 1, scale: ia.resizedCrop.scale, ratio: ia.resizedCrop.ratio },
    hflip: { enabled: ia.hflip.enabled, p: ia.hflip.p },
  };
}

export interface TrainOnImagesOptions {
  model: FoundationModel;
  /** Dataset root (ImageFolder with train/val/test folders, or a CSV manifest), or one already scanned (the worker service: through its storage roots). */
  data: string | Dataset;
  kind: BaselineKind;
  /** The effective config (resolveRunConfig(kind, …)); image augmentations: `imageAugmentations`. */
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
  if (finetunesBackbone(clf.kind)) return trainStep(clf, opt, { grid: batch.pixels, targets: batch.targets }, o);
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
): Promise<{ labels: number[]; probs: Float32Array[]; index: number[] } | null> {
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
  // Batches come in item order: the i-th prediction is items[i]'s.
  return { labels, probs, index: items.slice(0, labels.length).map((it) => it.index) };
}

export async function trainOnImages(opts: TrainOnImagesOptions): Promise<ImageTrainSummary> {
  const t0 = performance.now();
  await initBackend({ quiet: true });
  const { model, config, kind } = opts;
  if (!isBaselineKind(kind)) throw new BaselineError(`${String(kind)} is not a run kind trained on images`);
  const ds = typeof opts.data !== "string" ? opts.data : await scanDataset(opts.data).catch((e: unknown) => {
    throw e instanceof DatasetScanError ? new BaselineError(e.message) : e;
  });
  const where = typeof opts.data === "string" ? opts.data : ds.name;
  const trainSplit = opts.trainSplit ?? "train";
  const trainItems = ds.items.filter((i) => i.split === trainSplit);
  if (!trainItems.length) throw new BaselineError(`dataset ${where} has no "${trainSplit}" images`);
  const evalSplit = opts.evalSplit === undefined ? (ds.splits.includes("val") ? "val" : ds.splits.includes("test") ? "test" : null) : opts.evalSplit;
  const evalItems = evalSplit ? ds.items.filter((i) => i.split === evalSplit) : [];
  const C = ds.labelNames.length;
  if (C < 2) throw new BaselineError(`dataset ${where} has ${C} class(es); need at least 2`);
  const S = opts.imageSize ?? model.imageSize;
  if (model.patchSize && S < model.patchSize) throw new BaselineError(`imageSize ${S} is smaller than one ${model.patchSize}-px patch`);
  const microBatch = config.microBatch;
  const depth = opts.prefetchDepth ?? 2;

  const clf = await buildImageClassifier(model, { kind, numClasses: C, imageSize: S, seed: deriveSeed(config.seed, 1) });
  const opt = createAdamW(clf.params, clf.decayed, { betas: config.optimizer.betas, eps: config.optimizer.eps, weightDecay: config.optimizer.weightDecay });
  const augRng = createRng(deriveSeed(config.seed, 2));
  const aug = imageAugmentConfig(config.imageAugmentations);
  const decode = decoder(model, S);
  const evalBatch = Math.max(microBatch * 2, finetunesBackbone(kind) ? 4 : 16);
  try {
    const summary = await runTrainingLoop<DecodedBatch>(
      {
        config,
        stepsPerEpoch: Math.ceil(trainItems.length / config.batchSize),
        numClasses: C,
        numParams: clf.numParams,
        // Step time from the end of the previous step: includes any wait for decoding.
        timing: "wall",
        startedAt: t0,
        batches: (epoch) => {
          const order = trainItems.slice();
          createRng(deriveSeed(config.seed, 3, epoch)).shuffle(order);
          return (async function* () {
            for await (const { result } of prefetch(chunk(order, config.batchSize), decode, depth)) yield result;
          })();
        },
        sizeOf: (b) => b.labels.length,
        step: (b, { lr, probe }) => {
          if (b.error || !b.pixels) throw new BaselineError(b.error ?? "decode failed");
          const n = b.labels.length;
          const input = tf.tidy(() => {
            const pixels = tf.tensor4d(b.pixels as Float32Array, [n, S, S, 3]);
            const out = augmentBatch({ grid: pixels, targets: smoothedTargets(b.labels, C, config.labelSmoothing) }, aug, augRng);
            return out as unknown as tf.TensorContainer;
          }) as unknown as AugmentBatch;
          try {
            return imageTrainStep(clf, opt, { pixels: input.grid, targets: input.targets }, { microBatch, lr, gradClip: config.gradClip, probe });
          } finally {
            tf.dispose([input.grid, input.targets]);
          }
        },
        evalSplit,
        predict: evalItems.length ? () => predict(clf, decode, evalItems, evalBatch, depth, opts.signal) : undefined,
      },
      { onStep: opts.onStep, onEpoch: opts.onEpoch, signal: opts.signal, maxSteps: opts.maxSteps },
    );
    await opts.onTrained?.(clf);
    return {
      ...summary,
      wallTimeMs: performance.now() - t0,
      kind,
      imageSize: S,
      batchSize: config.batchSize,
      microBatch,
      trainImages: trainItems.length,
    };
  } finally {
    opt.dispose();
    clf.dispose();
  }
}
