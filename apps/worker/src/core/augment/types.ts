/**
 * What every tensor augmentation module (./<name>.ts) implements, and the batch it transforms.
 * Types only, plus two helpers the modules share.
 */
import * as tf from "@tensorflow/tfjs";
import type { AugmentationConfigs, AugmentationName } from "@loffta/graphql/domain";
import type { Rng } from "../rng";

/** The run config's `augmentations` section (catalogue: graphql/src/domain/augmentations.ts). */
export type AugmentConfig = AugmentationConfigs;

export interface AugmentBatch {
  grid: tf.Tensor4D;
  /** Cached CLS tokens, when the cache has them. */
  cls?: tf.Tensor2D;
  /** Soft targets [batch, classes] (one-hot, possibly smoothed). */
  targets: tf.Tensor2D;
  /**
   * Per-sample resampling boxes [y1, x1, y2, x2] (normalised, tf.image.cropAndResize's convention;
   * y1 > y2 / x1 > x2 mirror) not yet applied to `grid`: the geometric augmentations (crop, flips)
   * compose here and the grid is resampled once (applyBoxes), before the first module that reads
   * the grid and at the end of augmentBatch.
   */
  boxes?: Box[];
}

/** [y1, x1, y2, x2] in normalised grid coordinates (0 = first cell, 1 = last). */
export type Box = [number, number, number, number];

export const IDENTITY_BOX: Box = [0, 0, 1, 1];

/** The batch's pending boxes (identity for every sample when none are pending), copied. */
export function pendingBoxes(batch: AugmentBatch): Box[] {
  const B = batch.grid.shape[0];
  return batch.boxes ? batch.boxes.map((b) => [...b] as Box) : Array.from({ length: B }, () => [...IDENTITY_BOX] as Box);
}

/**
 * `inner` (a box in the coordinates of the grid that `outer` produces) followed by `outer`, as
 * one box on the original grid: both are linear maps from output cells to input coordinates.
 */
export function composeBoxes(outer: Box, inner: Box): Box {
  const y = (v: number): number => outer[0] + v * (outer[2] - outer[0]);
  const x = (v: number): number => outer[1] + v * (outer[3] - outer[1]);
  return [y(inner[0]), x(inner[1]), y(inner[2]), x(inner[3])];
}

/** Resample the grid through its pending boxes (one bilinear cropAndResize); no-op without boxes. */
export function applyBoxes(batch: AugmentBatch): AugmentBatch {
  if (!batch.boxes) return batch;
  const [B, H, W] = batch.grid.shape;
  const boxes = batch.boxes;
  const { boxes: _done, ...rest } = batch;
  void _done;
  if (boxes.every((b) => b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 1)) return rest;
  const idx = tf.tensor1d(
    Array.from({ length: B }, (_, i) => i),
    "int32",
  );
  const grid = tf.image.cropAndResize(batch.grid, tf.tensor2d(boxes, [B, 4]), idx, [H, W], "bilinear");
  return { ...rest, grid };
}

export interface AugmentOptions {
  /** Per-channel std of the features [D] (needed for noise relativeTo "channel-std"; else 1). */
  channelStd?: tf.Tensor1D;
}

/** What an implementation gets besides the batch and its own config section. */
export interface AugmentContext {
  /** The one seeded stream of the run: every random decision comes from it, in order. */
  rng: Rng;
  opts: AugmentOptions;
  /** One Bernoulli(p) draw per sample of the batch (B draws from `rng`). */
  draw(p: number): boolean[];
}

export interface AugmentImpl<K extends AugmentationName> {
  /**
   * Transform a batch; called only when `cfg.enabled`, in AUGMENTATION_ORDER, inside tf.tidy.
   * Returns new tensors (or the input unchanged); never disposes its inputs.
   */
  apply(batch: AugmentBatch, cfg: AugmentationConfigs[K], ctx: AugmentContext): AugmentBatch;
  /** Why the augmentation cannot run on an h×w token grid (null/undefined: it can). */
  check?(cfg: AugmentationConfigs[K], grid: { h: number; w: number }): string | null;
  /**
   * Geometric: the module only edits `batch.boxes` (applyBoxes resamples later, once). Others get
   * a batch whose boxes have been applied.
   */
  geometric?: boolean;
  /** Whether it needs AugmentOptions.channelStd (the trainer estimates it only then). */
  needsChannelStd?(cfg: AugmentationConfigs[K]): boolean;
}
