import type { ClassificationMetrics } from "../../core/metrics";
import type { EpochInfo, StepInfo, TrainSummary } from "../../core/train";
import type { JobContext } from "../worker";

/** Scalar metrics of an evaluation as metric-point keys, e.g. `val/accuracy`. */
export function evalPoints(prefix: string, m: ClassificationMetrics): { key: string; value: number }[] {
  const out: { key: string; value: number }[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (k === "confusion" || k === "count" || typeof v !== "number" || !Number.isFinite(v)) continue;
    out.push({ key: `${prefix}/${k}`, value: v });
  }
  return out;
}

/** A run's finalMetrics JSON: every scalar plus the confusion matrix and the evaluated count. */
export function finalMetricsJson(m: ClassificationMetrics | null): Record<string, unknown> {
  if (!m) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) if (typeof v !== "number" || Number.isFinite(v)) out[k] = v;
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

/** completeJob's result of a training run. */
export function runResult(summary: TrainSummary) {
  return {
    run: {
      finalMetrics: finalMetricsJson(summary.finalMetrics),
      trainImagesPerSec: summary.imagesPerSec,
      peakMemoryBytes: summary.peakRssBytes,
      wallTimeSec: summary.wallTimeMs / 1000,
    },
  };
}
