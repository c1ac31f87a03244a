/**
 * The one training loop, shared by cache training (core/train.ts) and the image baselines
 * (baselines/train-images.ts). A trainer brings only what differs: its batch source, its
 * optimizer step (augmentation included) and its class-probability prediction for evaluation;
 * this loop does the rest, from the run config it is given (applied exactly, nothing assumed):
 * - epochs (`config.epochs`), learning rate per step (warm-up + cosine, core/schedule.ts);
 * - evaluation every `config.evalEvery` epochs and on the last one (core/metrics.ts);
 * - best-model tracking and early stopping on `config.earlyStopping.metric`, its direction from
 *   the catalogue (METRICS[metric].higherIsBetter);
 * - timing (the first WARM_STEPS steps of a call excluded from images/s), the memory probe;
 * - cancellation (AbortSignal, checked before every step), `maxSteps` (steps of this call);
 * - onStep / onEpoch callbacks and the TrainSummary;
 * - resume from a LoopState and hooks where a trainer persists it (checkpoints).
 */
import * as tf from "@tensorflow/tfjs";
import { METRICS } from "@loffta/graphql/domain";
import type { RunConfig } from "@loffta/graphql/domain";
import { computeMetrics } from "./metrics";
import type { ClassificationMetrics } from "./metrics";
import { learningRate } from "./schedule";
import type { ScheduleOptions } from "./schedule";

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

export interface TrainSummary {
  epochsRun: number;
  steps: number;
  finalMetrics: ClassificationMetrics | null;
  /** The predictions finalMetrics were computed from (the last evaluation), null without one. */
  finalPrediction: Prediction | null;
  bestMetrics: ClassificationMetrics | null;
  bestEpoch: number | null;
  history: { epoch: number; trainLoss: number; metrics: ClassificationMetrics | null }[];
  /** The split the metrics are of (null: no evaluation). */
  evalSplit: string | null;
  /** Steady-state training throughput (first steps excluded). */
  imagesPerSec: number;
  /** Images read by the optimizer steps of the run (a resumed run: all attempts). */
  imagesSeen: number;
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

/** Steps of a call not counted in images/s (kernel set-up, first allocations). */
export const WARM_STEPS = 2;

/** The best evaluation so far (stored as is in checkpoints). */
export interface BestRecord {
  value: number;
  epoch: number;
  metrics: ClassificationMetrics;
}

/** Where a run stands: what a checkpoint stores and a resume restores. */
export interface LoopState {
  /** Optimizer updates applied (global, across resumes). */
  step: number;
  /** Epoch in progress (0-based) and batches of it already done. */
  epoch: number;
  batchInEpoch: number;
  best: BestRecord | null;
  /** Evaluations without improvement since the best one. */
  badEvals: number;
  /** Images read by the optimizer steps so far (absent in checkpoints written before it was kept). */
  imagesSeen?: number;
  history: TrainSummary["history"];
}

export interface Prediction {
  labels: ArrayLike<number>;
  probs: ArrayLike<ArrayLike<number>>;
  /** Dataset index of each sample (the id the cache stores), when the source knows it. */
  index?: ArrayLike<number>;
}

/** What a trainer brings to the loop. */
export interface TrainingSource<B> {
  /** The effective run config (epochs, schedule, evalEvery, earlyStopping are read here). */
  config: RunConfig;
  stepsPerEpoch: number;
  numClasses: number;
  numParams: number;
  /** The training batches of `epoch` in order (seeded by the trainer), the first `skip` left out. */
  batches(epoch: number, skip: number): AsyncIterable<B>;
  /** Images in a batch. */
  sizeOf(batch: B): number;
  /** One optimizer step on a batch (augmentation included; disposes what it creates). */
  step(batch: B, o: { lr: number; probe: MemoryProbe }): { loss: number; gradNorm: number };
  /** The evaluation split, reported in the summary (null: none). */
  evalSplit: string | null;
  /** Class probabilities of the evaluation split (null when cancelled); absent: no evaluation. */
  predict?: () => Promise<Prediction | null>;
  /**
   * What a step's time is: "compute" from the batch's arrival to the end of its step (the
   * batch source's time excluded), "wall" from the end of the previous step (waits included).
   */
  timing: "compute" | "wall";
  /** Continue from a saved state (default: the start). */
  resume?: LoopState;
  /** Stopped mid-epoch (cancelled or maxSteps): the state to resume from. */
  onInterrupted?(s: LoopState): Promise<void> | void;
  /** A new best evaluation (s.best); s is the state at the end of that epoch. */
  onBest?(s: LoopState): Promise<void> | void;
  /** An epoch is done (after onEpoch); s is the state to resume from. */
  onEpochEnd?(s: LoopState): Promise<void> | void;
  /** performance.now() when the trainer started (wall time includes its set-up). */
  startedAt?: number;
}

/** What the caller of a trainer controls. */
export interface LoopControl {
  onStep?: (s: StepInfo) => void;
  onEpoch?: (e: EpochInfo) => void;
  signal?: AbortSignal;
  /** Stop after this many optimizer steps of this call (benchmarks, smoke tests). */
  maxSteps?: number;
}

/** The learning-rate schedule of a config with `stepsPerEpoch` steps an epoch. */
export function scheduleOf(config: RunConfig, stepsPerEpoch: number): ScheduleOptions {
  return {
    baseLr: config.optimizer.lr,
    totalSteps: stepsPerEpoch * config.epochs,
    warmupSteps: config.schedule.warmupSteps ?? Math.round((config.schedule.warmupEpochs ?? 0) * stepsPerEpoch),
    cosine: config.schedule.cosine,
    minLr: config.schedule.minLr,
  };
}

export async function runTrainingLoop<B>(src: TrainingSource<B>, ctl: LoopControl = {}): Promise<TrainSummary> {
  const t0 = src.startedAt ?? performance.now();
  const { config, stepsPerEpoch } = src;
  const sched = scheduleOf(config, stepsPerEpoch);
  const totalSteps = sched.totalSteps;
  const metric = config.earlyStopping.metric;
  const better = (a: number, b: number): boolean => (METRICS[metric].higherIsBetter ? a > b : a < b);
  const probe = createMemoryProbe();

  const r = src.resume;
  let step = r?.step ?? 0;
  let imagesSeen = r?.imagesSeen ?? 0;
  let skip = r?.batchInEpoch ?? 0;
  let best: BestRecord | null = r?.best ?? null;
  let badEvals = r?.badEvals ?? 0;
  const history: TrainSummary["history"] = [...(r?.history ?? [])];
  const state = (epoch: number, batchInEpoch: number): LoopState => ({ step, epoch, batchInEpoch, best, badEvals, history, imagesSeen });

  const timed: number[] = [];
  let timedImages = 0;
  let stepsThisRun = 0;
  const reachedMax = (): boolean => ctl.maxSteps !== undefined && stepsThisRun >= ctl.maxSteps;
  let cancelled = false;
  let stoppedEarly = false;
  let finalMetrics: ClassificationMetrics | null = null;
  let finalPrediction: Prediction | null = null;
  let epochsRun = 0;

  for (let epoch = r?.epoch ?? 0; epoch < config.epochs; epoch++) {
    let lossSum = 0;
    let lossN = 0;
    let stepInEpoch = skip;
    const batches = src.batches(epoch, skip);
    skip = 0;
    let tPrev = performance.now();
    for await (const b of batches) {
      if (ctl.signal?.aborted || reachedMax()) {
        cancelled = !!ctl.signal?.aborted;
        await src.onInterrupted?.(state(epoch, stepInEpoch));
        break;
      }
      const ts = performance.now();
      const lr = learningRate(step, sched);
      const { loss, gradNorm } = src.step(b, { lr, probe });
      step++;
      stepInEpoch++;
      stepsThisRun++;
      lossSum += loss;
      lossN++;
      const n = src.sizeOf(b);
      imagesSeen += n;
      const now = performance.now();
      const dt = (now - (src.timing === "wall" ? tPrev : ts)) / 1000;
      tPrev = now;
      if (stepsThisRun > WARM_STEPS) {
        timed.push(dt);
        timedImages += n;
      }
      ctl.onStep?.({ epoch, step, stepInEpoch, stepsPerEpoch, totalSteps, loss, lr, gradNorm, imagesPerSec: n / dt });
    }
    if (cancelled || (reachedMax() && stepInEpoch < stepsPerEpoch)) break;
    epochsRun++;
    const trainLoss = lossN ? lossSum / lossN : NaN;
    let metrics: ClassificationMetrics | null = null;
    let isBest = false;
    const last = epoch === config.epochs - 1;
    if (src.predict && ((epoch + 1) % config.evalEvery === 0 || last)) {
      const pred = await src.predict();
      if (!pred) {
        cancelled = true;
        break;
      }
      metrics = computeMetrics(pred.labels, pred.probs, src.numClasses);
      finalMetrics = metrics;
      finalPrediction = pred;
      const v = metrics[metric];
      if (!best || (Number.isFinite(v) && better(v, best.value))) {
        best = { value: v, epoch, metrics };
        isBest = true;
        badEvals = 0;
        await src.onBest?.(state(epoch + 1, 0));
      } else badEvals++;
    }
    history.push({ epoch, trainLoss, metrics });
    ctl.onEpoch?.({ epoch, trainLoss, metrics, best: isBest });
    await src.onEpochEnd?.(state(epoch + 1, 0));
    if (config.earlyStopping.enabled && badEvals >= config.earlyStopping.patience) {
      stoppedEarly = true;
      break;
    }
    if (reachedMax()) break;
  }
  const timeSum = timed.reduce((a, b) => a + b, 0);
  return {
    epochsRun,
    steps: step,
    finalMetrics,
    finalPrediction,
    bestMetrics: best?.metrics ?? null,
    bestEpoch: best?.epoch ?? null,
    history,
    evalSplit: src.evalSplit,
    imagesPerSec: timeSum > 0 ? timedImages / timeSum : 0,
    imagesSeen,
    meanStepMs: timed.length ? (1000 * timeSum) / timed.length : 0,
    peakRssBytes: probe.peakRss,
    peakTfBytes: probe.peakTf,
    wallTimeMs: performance.now() - t0,
    cancelled,
    stoppedEarly,
    numParams: src.numParams,
    backend: tf.getBackend(),
  };
}
