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
  /** Whether it needs AugmentOptions.channelStd (the trainer estimates it only then). */
  needsChannelStd?(cfg: AugmentationConfigs[K]): boolean;
}

/** Per sample: `a` where mask[b], else `b` (no op when the mask is constant). */
export function selectPerSample<T extends tf.Tensor>(mask: boolean[], a: T, b: T): T {
  if (mask.every((m) => !m)) return b;
  if (mask.every((m) => m)) return a;
  const shape = [mask.length, ...new Array<number>(a.rank - 1).fill(1)];
  return tf.where(tf.reshape(tf.tensor1d(mask, "bool"), shape), a, b) as T;
}
