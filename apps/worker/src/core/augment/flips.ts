/**
 * `hflip` and `vflip`: mirror a sample's grid left–right / top–bottom with probability p. Geometric:
 * a flip mirrors the sample's pending resampling box (x1 ↔ x2 / y1 ↔ y2), so crop and flips cost
 * one cropAndResize together; at integer sample points the mirror is exact.
 */
import type { AugmentImpl, Box } from "./types";
import { pendingBoxes } from "./types";

const mirror = (axis: 1 | 2) => (b: Box): Box => (axis === 2 ? [b[0], b[3], b[2], b[1]] : [b[2], b[1], b[0], b[3]]);

/** Flip along `axis` of [B, h, w, D] (2: columns, 1: rows). */
const flip = (axis: 1 | 2): AugmentImpl<"hflip" | "vflip"> => ({
  geometric: true,
  apply(batch, cfg, { draw }) {
    const mask = draw(cfg.p);
    if (!mask.some((m) => m)) return batch;
    const m = mirror(axis);
    return { ...batch, boxes: pendingBoxes(batch).map((b, i) => (mask[i] ? m(b) : b)) };
  },
});

export const hflip: AugmentImpl<"hflip"> = flip(2);
export const vflip: AugmentImpl<"vflip"> = flip(1);
