/**
 * Tensor augmentations on a cached token grid [batch, h, w, D] (and the cached CLS [batch, D]).
 * Each augmentation has an enabled flag and a per-sample probability (mixup: per batch). All
 * random decisions come from the caller's seeded Rng, so the same seed gives the same batch.
 * Order: resized crop, hflip, vflip, token dropout, Gaussian noise, mixup.
 * Call inside tf.tidy (returns new tensors; inputs are not disposed).
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "./rng";

export interface AugmentConfig {
  hflip: { enabled: boolean; p: number };
  vflip: { enabled: boolean; p: number };
  /** torchvision RandomResizedCrop semantics on the grid; bilinear resize back to h×w. */
  resizedCrop: {
    enabled: boolean;
    p: number;
    scale: [number, number] | readonly [number, number];
    ratio: [number, number] | readonly [number, number];
  };
  /** Additive N(0, std²); relativeTo "channel-std": std is a fraction of each channel's std. */
  noise: { enabled: boolean; p: number; std: number; relativeTo: "channel-std" | "absolute" };
  /** Zero a fraction `rate` of the grid tokens of a sample. */
  tokenDropout: { enabled: boolean; p: number; rate: number };
  /** Batch-level mixup with lambda ~ Beta(alpha, alpha), applied with probability p. */
  mixup: { enabled: boolean; p: number; alpha: number };
}

export const NO_AUGMENT: AugmentConfig = {
  hflip: { enabled: false, p: 0.5 },
  vflip: { enabled: false, p: 0.5 },
  resizedCrop: { enabled: false, p: 1, scale: [0.5, 1], ratio: [3 / 4, 4 / 3] },
  noise: { enabled: false, p: 1, std: 0.1, relativeTo: "channel-std" },
  tokenDropout: { enabled: false, p: 0.5, rate: 0.1 },
  mixup: { enabled: false, p: 1, alpha: 0.8 },
};

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
export function cropBox(r: CropRect, H: number, W: number): [number, number, number, number] {
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

function selectPerSample<T extends tf.Tensor>(mask: boolean[], a: T, b: T): T {
  if (mask.every((m) => !m)) return b;
  if (mask.every((m) => m)) return a;
  const shape = [mask.length, ...new Array<number>(a.rank - 1).fill(1)];
  return tf.where(tf.reshape(tf.tensor1d(mask, "bool"), shape), a, b) as T;
}

export function augmentBatch(
  input: AugmentBatch,
  cfg: AugmentConfig,
  rng: Rng,
  opts: AugmentOptions = {},
): AugmentBatch {
  let { grid, cls, targets } = input;
  const [B, H, W, D] = grid.shape;
  const draw = (p: number): boolean[] => Array.from({ length: B }, () => rng.next() < p);

  if (cfg.resizedCrop.enabled) {
    const mask = draw(cfg.resizedCrop.p);
    if (mask.some((m) => m)) {
      const boxes: number[][] = mask.map((m) =>
        m
          ? cropBox(sampleCropRect(rng, H, W, cfg.resizedCrop.scale, cfg.resizedCrop.ratio), H, W)
          : [0, 0, 1, 1],
      );
      const idx = Array.from({ length: B }, (_, i) => i);
      grid = tf.image.cropAndResize(
        grid,
        tf.tensor2d(boxes, [B, 4]),
        tf.tensor1d(idx, "int32"),
        [H, W],
        "bilinear",
      );
    }
  }
  if (cfg.hflip.enabled) {
    const mask = draw(cfg.hflip.p);
    if (mask.some((m) => m)) grid = selectPerSample(mask, tf.reverse(grid, 2), grid);
  }
  if (cfg.vflip.enabled) {
    const mask = draw(cfg.vflip.p);
    if (mask.some((m) => m)) grid = selectPerSample(mask, tf.reverse(grid, 1), grid);
  }
  if (cfg.tokenDropout.enabled && cfg.tokenDropout.rate > 0) {
    const mask = draw(cfg.tokenDropout.p);
    if (mask.some((m) => m)) {
      const keep = new Float32Array(B * H * W).fill(1);
      for (let b = 0; b < B; b++)
        if (mask[b])
          for (let t = 0; t < H * W; t++) if (rng.next() < cfg.tokenDropout.rate) keep[b * H * W + t] = 0;
      grid = tf.mul(grid, tf.tensor4d(keep, [B, H, W, 1]));
    }
  }
  if (cfg.noise.enabled && cfg.noise.std > 0) {
    const mask = draw(cfg.noise.p);
    if (mask.some((m) => m)) {
      const scale =
        cfg.noise.relativeTo === "channel-std" && opts.channelStd
          ? tf.mul(opts.channelStd, cfg.noise.std)
          : tf.scalar(cfg.noise.std);
      const m = tf.tensor1d(
        mask.map((x) => (x ? 1 : 0)),
        "float32",
      );
      const gNoise = tf.mul(
        tf.mul(tf.randomNormal([B, H, W, D], 0, 1, "float32", rng.seed()), scale),
        m.reshape([B, 1, 1, 1]),
      );
      grid = tf.add(grid, gNoise);
      if (cls)
        cls = tf.add(
          cls,
          tf.mul(tf.mul(tf.randomNormal([B, D], 0, 1, "float32", rng.seed()), scale), m.reshape([B, 1])),
        ) as tf.Tensor2D;
    }
  }
  if (cfg.mixup.enabled && B > 1 && rng.next() < cfg.mixup.p) {
    const lam = rng.beta(cfg.mixup.alpha, cfg.mixup.alpha);
    const perm = Array.from({ length: B }, (_, i) => i);
    rng.shuffle(perm);
    const p = tf.tensor1d(perm, "int32");
    const mix = <T extends tf.Tensor>(t: T): T =>
      tf.add(tf.mul(t, lam), tf.mul(tf.gather(t, p), 1 - lam)) as T;
    grid = mix(grid);
    if (cls) cls = mix(cls);
    targets = mix(targets);
  }
  return { grid, cls, targets };
}
