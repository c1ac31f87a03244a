/**
 * `noise`: additive N(0, std²) on the grid and the cached CLS of a selected sample; relativeTo
 * "channel-std": std is a fraction of each feature channel's std (AugmentOptions.channelStd).
 * The per-sample selection and the per-channel scale are folded into one [B, 1, 1, D] factor, so
 * the full grid is touched by three kernels: the (native) normal draw, one multiply, one add.
 */
import * as tf from "@tensorflow/tfjs";
import { standardNormal } from "./normal";
import type { AugmentImpl } from "./types";

export const noise: AugmentImpl<"noise"> = {
  apply(batch, cfg, { rng, opts, draw }) {
    if (!(cfg.std > 0)) return batch;
    const [B, H, W, D] = batch.grid.shape;
    const mask = draw(cfg.p);
    if (!mask.some((m) => m)) return batch;
    const m = tf.tensor2d(
      mask.map((x) => (x ? cfg.std : 0)),
      [B, 1],
    );
    // [B, D] (channel-relative) or [B, 1]: std · selected · channel std
    const factor = cfg.relativeTo === "channel-std" && opts.channelStd ? tf.mul(m, tf.reshape(opts.channelStd, [1, D])) : m;
    const Df = factor.shape[1] as number;
    const grid = tf.add(batch.grid, tf.mul(standardNormal([B, H, W, D], rng.seed()), tf.reshape(factor, [B, 1, 1, Df]))) as tf.Tensor4D;
    const cls = batch.cls ? (tf.add(batch.cls, tf.mul(standardNormal([B, D], rng.seed()), factor)) as tf.Tensor2D) : batch.cls;
    return { ...batch, grid, cls };
  },
  needsChannelStd: (cfg) => cfg.relativeTo === "channel-std",
};
