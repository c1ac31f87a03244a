/** `hflip` and `vflip`: mirror a sample's grid left–right / top–bottom with probability p. */
import * as tf from "@tensorflow/tfjs";
import type { AugmentImpl } from "./types";
import { selectPerSample } from "./types";

/** Flip along `axis` of [B, h, w, D] (2: columns, 1: rows). */
const flip = (axis: 1 | 2): AugmentImpl<"hflip" | "vflip"> => ({
  apply(batch, cfg, { draw }) {
    const mask = draw(cfg.p);
    if (!mask.some((m) => m)) return batch;
    return { ...batch, grid: selectPerSample(mask, tf.reverse(batch.grid, axis), batch.grid) };
  },
});

export const hflip: AugmentImpl<"hflip"> = flip(2);
export const vflip: AugmentImpl<"vflip"> = flip(1);
