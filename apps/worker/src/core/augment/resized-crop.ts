/** `resizedCrop`: torchvision RandomResizedCrop on the token grid, bilinear resize back to h×w. */
import type { Rng } from "../rng";
import type { AugmentImpl, Box } from "./types";
import { composeBoxes, pendingBoxes } from "./types";

/** Crop rectangle in grid cells: rows [top, top+height), cols [left, left+width). */
export interface CropRect {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** torchvision.transforms.RandomResizedCrop.get_params on an H×W grid (10 attempts, then center crop). */
export function sampleCropRect(
  rng: Rng,
  H: number,
  W: number,
  scale: readonly [number, number],
  ratio: readonly [number, number],
): CropRect {
  const area = H * W;
  const logR = [Math.log(ratio[0]), Math.log(ratio[1])];
  for (let attempt = 0; attempt < 10; attempt++) {
    const targetArea = area * rng.uniform(scale[0], scale[1]);
    const aspect = Math.exp(rng.uniform(logR[0], logR[1]));
    const w = Math.round(Math.sqrt(targetArea * aspect));
    const h = Math.round(Math.sqrt(targetArea / aspect));
    if (w > 0 && w <= W && h > 0 && h <= H)
      return { top: rng.int(0, H - h), left: rng.int(0, W - w), height: h, width: w };
  }
  const inRatio = W / H;
  let w: number;
  let h: number;
  if (inRatio < Math.min(ratio[0], ratio[1])) {
    w = W;
    h = Math.round(w / Math.min(ratio[0], ratio[1]));
  } else if (inRatio > Math.max(ratio[0], ratio[1])) {
    h = H;
    w = Math.round(h * Math.max(ratio[0], ratio[1]));
  } else {
    w = W;
    h = H;
  }
  return { top: Math.floor((H - h) / 2), left: Math.floor((W - w) / 2), height: h, width: w };
}

/**
 * Normalised cropAndResize box [y1, x1, y2, x2] that resamples the crop to H×W like a
 * half-pixel (align_corners=False) bilinear resize, clamped to the grid. Full grid → identity.
 */
export function cropBox(r: CropRect, H: number, W: number): Box {
  const axis = (start: number, len: number, size: number): [number, number] => {
    if (size === 1) return [0, 0];
    const a = start + len / (2 * size) - 0.5;
    const b = a + ((size - 1) * len) / size;
    const c = (v: number): number => Math.min(size - 1, Math.max(0, v)) / (size - 1);
    return [c(a), c(b)];
  };
  const [y1, y2] = axis(r.top, r.height, H);
  const [x1, x2] = axis(r.left, r.width, W);
  return [y1, x1, y2, x2];
}

/** Geometric: sets the sample's pending box (applyBoxes resamples, together with the flips). */
export const resizedCrop: AugmentImpl<"resizedCrop"> = {
  geometric: true,
  apply(batch, cfg, { rng, draw }) {
    const [, H, W] = batch.grid.shape;
    const mask = draw(cfg.p);
    if (!mask.some((m) => m)) return batch;
    const boxes = pendingBoxes(batch).map((b, i) =>
      mask[i] ? composeBoxes(b, cropBox(sampleCropRect(rng, H, W, cfg.scale, cfg.ratio), H, W)) : b,
    );
    return { ...batch, boxes };
  },
  check: (_cfg, { h, w }) => (h < 2 || w < 2 ? `needs a grid of at least 2×2, the cache grid is ${h}×${w}` : null),
};
