/**
 * `rot90`: rotate a selected sample's grid by k·90° counter-clockwise, k uniform in {1, 2, 3}
 * (one draw per selected sample). A non-square grid keeps its shape only under 180°, so there k = 2.
 */
import * as tf from "@tensorflow/tfjs";
import type { AugmentImpl } from "./types";

/** [h, w, D] rotated by k·90° counter-clockwise (k = 1: first row becomes the first column, reversed). */
function rotate(g: tf.Tensor3D, k: number): tf.Tensor3D {
  if (k === 2) return tf.reverse(g, [0, 1]);
  const t = tf.transpose(g, [1, 0, 2]);
  return (k === 1 ? tf.reverse(t, 0) : tf.reverse(t, 1)) as tf.Tensor3D;
}

export const rot90: AugmentImpl<"rot90"> = {
  apply(batch, cfg, { rng, draw }) {
    const [B, H, W] = batch.grid.shape;
    const mask = draw(cfg.p);
    if (!mask.some((m) => m)) return batch;
    const ks = mask.map((m) => (!m ? 0 : H === W ? rng.int(1, 3) : 2));
    const samples = tf.unstack(batch.grid) as tf.Tensor3D[];
    const grid = tf.stack(samples.map((g, b) => (ks[b] ? rotate(g, ks[b]) : g))) as tf.Tensor4D;
    return { ...batch, grid: grid.reshape([B, H, W, batch.grid.shape[3]]) };
  },
};
