import os from "node:os";
import { METRIC_NAMES, type RunConfig } from "@loffta/graphql/domain";
import type { ClassificationMetrics } from "../../core/metrics";
import type { EpochInfo, StepInfo, TrainSummary } from "../../core/train";
import type { JobContext } from "../worker";

/** Scalar metrics of an evaluation as metric-point keys, e.g. `val/accuracy` (the catalogue's METRICS only). */
export function evalPoints(prefix: string, m: ClassificationMetrics): { key: string; value: number }[] {
  return METRIC_NAMES.filter((k) => Number.isFinite(m[k])).map((k) => ({ key: `${prefix}/${k}`, value: m[k] }));
}

/**
 * A run's finalMetrics JSON (the layout readFinalMetrics reads): the metrics by name, the
 * confusion matrix, and the split and size of the evaluation.
 */
export function finalMetricsJson(m: ClassificationMetrics | null, evalSplit: string | null): Record<string, unknown> {
  if (!m) return {};
  const out: Record<string, unknown> = {};
  for (const k of METRIC_NAMES) if (Number.isFinite(m[k])) out[k] = m[k];
  out.confusion = m.confusion;
  out.evalSplit = evalSplit;
  out.evalCount = m.count;
  return out;
}

/** How often (optimizer steps) a training job reports progress; cancellation is seen every step. */
const PROGRESS_EVERY = 5;

/**
 * Per-step points of a training run. Every point is keyed by the global optimizer step, so
 * evaluation curves line up with the loss.
 */
export function recordStep(ctx: JobContext, runId: string, s: StepInfo, state: { lastStep: number }): void {
  const wallTime = new Date().toISOString();
  state.lastStep = s.step;
  ctx.metrics.add(runId, { key: "train/loss", step: s.step, value: s.loss, wallTime });
  ctx.metrics.add(runId, { key: "train/lr", step: s.step, value: s.lr, wallTime });
  if (s.imagesPerSec > 0)
    ctx.metrics.add(runId, { key: "train/images_per_sec", step: s.step, value: s.imagesPerSec, wallTime });
  if (s.step % PROGRESS_EVERY === 0 || s.step === s.totalSteps) void ctx.progress(s.step, s.totalSteps);
}

/** Per-epoch points: epoch number, mean training loss and every evaluation metric (`val/…`). */
export function recordEpoch(ctx: JobContext, runId: string, e: EpochInfo, state: { lastStep: number }): void {
  const wallTime = new Date().toISOString();
  ctx.metrics.add(runId, { key: "epoch", step: state.lastStep, value: e.epoch, wallTime });
  ctx.metrics.add(runId, { key: "train/epoch_loss", step: state.lastStep, value: e.trainLoss, wallTime });
  if (e.metrics)
    for (const p of evalPoints("val", e.metrics))
      ctx.metrics.add(runId, { ...p, step: state.lastStep, wallTime });
}

/**
 * completeJob's result of a training run: what it measured, the config it applied, and where it
 * trained — this machine's host name, the TensorFlow.js backend the training saw
 * (`summary.backend`: tf.getBackend() in the process that trained, which may be a job child) and
 * the worker's registered device (`ctx.device`).
 */
export function runResult(
  summary: TrainSummary,
  applied: { config: RunConfig; evalSplit: string | null },
  where: Pick<JobContext, "device">,
) {
  return {
    run: {
      config: applied.config,
      finalMetrics: finalMetricsJson(summary.finalMetrics, applied.evalSplit),
      trainImagesPerSec: summary.imagesPerSec,
      imagesSeen: summary.imagesSeen,
      peakMemoryBytes: summary.peakRssBytes,
      wallTimeSec: summary.wallTimeMs / 1000,
      host: os.hostname(),
      backend: summary.backend,
      device: where.device,
    },
  };
}
