/** `mixup`: batch-level mixup of grid, CLS and targets, λ ~ Beta(α, α), with probability p. */
import * as tf from "@tensorflow/tfjs";
import type { AugmentImpl } from "./types";

export const mixup: AugmentImpl<"mixup"> = {
  apply(batch, cfg, { rng }) {
    const B = batch.grid.shape[0];
    if (!(B > 1 && rng.next() < cfg.p)) return batch;
    const lam = rng.beta(cfg.alpha, cfg.alpha);
    const perm = Array.from({ length: B }, (_, i) => i);
    rng.shuffle(perm);
    const p = tf.tensor1d(perm, "int32");
    const mix = <T extends tf.Tensor>(t: T): T => tf.add(tf.mul(t, lam), tf.mul(tf.gather(t, p), 1 - lam)) as T;
    return { grid: mix(batch.grid), cls: batch.cls ? mix(batch.cls) : batch.cls, targets: mix(batch.targets) };
  },
};
