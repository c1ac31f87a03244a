/**
 * `noise`: additive N(0, std²) on the grid and the cached CLS of a selected sample; relativeTo
 * "channel-std": std is a fraction of each feature channel's std (AugmentOptions.channelStd).
 */
import * as tf from "@tensorflow/tfjs";
import type { AugmentImpl } from "./types";

export const noise: AugmentImpl<"noise"> = {
  apply(batch, cfg, { rng, opts, draw }) {
    if (!(cfg.std > 0)) return batch;
    const [B, H, W, D] = batch.grid.shape;
    const mask = draw(cfg.p);
    if (!mask.some((m) => m)) return batch;
    const scale =
      cfg.relativeTo === "channel-std" && opts.channelStd ? tf.mul(opts.channelStd, cfg.std) : tf.scalar(cfg.std);
    const m = tf.tensor1d(
      mask.map((x) => (x ? 1 : 0)),
      "float32",
    );
    const gNoise = tf.mul(tf.mul(tf.randomNormal([B, H, W, D], 0, 1, "float32", rng.seed()), scale), m.reshape([B, 1, 1, 1]));
    const grid = tf.add(batch.grid, gNoise) as tf.Tensor4D;
    const cls = batch.cls
      ? (tf.add(batch.cls, tf.mul(tf.mul(tf.randomNormal([B, D], 0, 1, "float32", rng.seed()), scale), m.reshape([B, 1]))) as tf.Tensor2D)
      : batch.cls;
    return { ...batch, grid, cls };
  },
  needsChannelStd: (cfg) => cfg.relativeTo === "channel-std",
};
