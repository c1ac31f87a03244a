/** `tokenDropout`: zero each grid token of a selected sample with probability `rate`. */
import * as tf from "@tensorflow/tfjs";
import type { AugmentImpl } from "./types";

export const tokenDropout: AugmentImpl<"tokenDropout"> = {
  apply(batch, cfg, { rng, draw }) {
    if (!(cfg.rate > 0)) return batch;
    const [B, H, W] = batch.grid.shape;
    const mask = draw(cfg.p);
    if (!mask.some((m) => m)) return batch;
    const keep = new Float32Array(B * H * W).fill(1);
    for (let b = 0; b < B; b++)
      if (mask[b]) for (let t = 0; t < H * W; t++) if (rng.next() < cfg.rate) keep[b * H * W + t] = 0;
    return { ...batch, grid: tf.mul(batch.grid, tf.tensor4d(keep, [B, H, W, 1])) };
  },
};
