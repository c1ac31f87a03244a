import * as tf from "@tensorflow/tfjs";
import { initBackend } from "./backend";
import { AUGMENTATION_ORDER } from "@loffta/graphql/domain";
import { augmentationProblems, augmentBatch, cropBox, needsChannelStd, NO_AUGMENT, sampleCropRect } from "./augment";
import type { AugmentConfig } from "./augment";
import { avgPoolGrid } from "./pool";
import { avgPoolGridTensor } from "./pool";
import { createRng } from "./rng";

beforeAll(async () => {
  await initBackend({ quiet: true });
});

const cfg = (over: Partial<AugmentConfig>): AugmentConfig => ({ ...NO_AUGMENT, ...over });
const input = (seed: number, shape: [number, number, number, number] = [4, 5, 6, 3]) => ({
  grid: tf.randomNormal(shape, 0, 1, "float32", seed) as tf.Tensor4D,
  targets: tf.oneHot(tf.tensor1d([0, 1, 0, 1], "int32"), 2).toFloat() as tf.Tensor2D,
});

describe("augmentations", () => {
  it("hflip twice (p=1) is the identity and flips columns", () => {
    const x = input(1);
    const c = cfg({ hflip: { enabled: true, p: 1 } });
    const once = augmentBatch(x, c, createRng(1)).grid;
    const twice = augmentBatch({ ...x, grid: once }, c, createRng(2)).grid;
    expect(Array.from(twice.dataSync())).toEqual(Array.from(x.grid.dataSync()));
    const a = x.grid.arraySync();
    const b = once.arraySync();
    expect(b[2][3][0]).toEqual(a[2][3][5]);
  });
  it("vflip twice (p=1) is the identity", () => {
    const x = input(2);
    const c = cfg({ vflip: { enabled: true, p: 1 } });
    const twice = augmentBatch({ ...x, grid: augmentBatch(x, c, createRng(1)).grid }, c, createRng(2)).grid;
    expect(Array.from(twice.dataSync())).toEqual(Array.from(x.grid.dataSync()));
  });
  it("rot90 (p=1) rotates each sample by k·90° (checked against plain index maths); 180° only on non-square grids", () => {
    const x = input(4, [6, 3, 3, 2]);
    const out = augmentBatch(x, cfg({ rot90: { enabled: true, p: 1 } }), createRng(3)).grid.arraySync();
    const a = x.grid.arraySync();
    const rot = (g: number[][][], k: number): number[][][] => {
      let r = g;
      for (let i = 0; i < k; i++) r = r[0].map((_, c) => r.map((row) => row[row.length - 1 - c])); // 90° CCW
      return r;
    };
    const ks = out.map((g, b) => [1, 2, 3].find((k) => JSON.stringify(rot(a[b], k)) === JSON.stringify(g)));
    expect(ks.every((k) => k !== undefined)).toBe(true);
    expect(new Set(ks).size).toBeGreaterThan(1); // several angles drawn over 6 samples
    const wide = input(5, [3, 2, 4, 1]);
    const w = augmentBatch(wide, cfg({ rot90: { enabled: true, p: 1 } }), createRng(4)).grid;
    expect(w.shape).toEqual([3, 2, 4, 1]);
    expect(Array.from(w.dataSync())).toEqual(Array.from(tf.reverse(wide.grid, [1, 2]).dataSync()));
    // Off by default: a default config never rotates.
    expect(NO_AUGMENT.rot90.enabled).toBe(false);
  });
  it("resized crop at scale 1, ratio 1 on a square grid is the identity", () => {
    const x = input(3, [4, 6, 6, 3]);
    const out = augmentBatch(
      x,
      cfg({ resizedCrop: { enabled: true, p: 1, scale: [1, 1], ratio: [1, 1] } }),
      createRng(5),
    ).grid;
    const a = x.grid.dataSync();
    const b = out.dataSync();
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 5);
  });
  it("crop and both flips compose into one resample equal to the crop followed by the mirrors", () => {
    const x = input(6, [4, 6, 7, 3]);
    const out = augmentBatch(
      x,
      cfg({
        resizedCrop: { enabled: true, p: 1, scale: [0.3, 0.8], ratio: [0.75, 4 / 3] },
        hflip: { enabled: true, p: 1 },
        vflip: { enabled: true, p: 1 },
      }),
      createRng(21),
    ).grid;
    // The same draws by hand: the crop's selection (4), one rect per sample, then the flips' draws.
    const rng = createRng(21);
    for (let i = 0; i < 4; i++) rng.next();
    const boxes = Array.from({ length: 4 }, () => cropBox(sampleCropRect(rng, 6, 7, [0.3, 0.8], [0.75, 4 / 3]), 6, 7));
    const cropped = tf.image.cropAndResize(x.grid, tf.tensor2d(boxes), tf.tensor1d([0, 1, 2, 3], "int32"), [6, 7], "bilinear");
    const ref = tf.reverse(cropped, [1, 2]).dataSync();
    const got = out.dataSync();
    expect(boxes.some((b) => b[0] > 0 || b[1] > 0)).toBe(true);
    let maxDiff = 0;
    for (let i = 0; i < ref.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ref[i] - got[i]));
    expect(maxDiff).toBeLessThan(1e-5);
  });
  it("crop params follow torchvision (bounds, scale) and fall back to a center crop", () => {
    const rng = createRng(9);
    for (let i = 0; i < 200; i++) {
      const r = sampleCropRect(rng, 16, 16, [0.5, 1], [3 / 4, 4 / 3]);
      expect(r.top + r.height).toBeLessThanOrEqual(16);
      expect(r.left + r.width).toBeLessThanOrEqual(16);
      expect(r.height * r.width).toBeGreaterThanOrEqual(0.5 * 256 * 0.85);
    }
    // impossible ratio on a square grid → fallback: center crop clamped to max ratio
    expect(sampleCropRect(createRng(1), 4, 4, [1, 1], [3, 3])).toEqual({
      top: 1,
      left: 0,
      height: 1,
      width: 4,
    }); // w=4, h=round(4/3)=1, top=(4-1)//2
    expect(cropBox({ top: 0, left: 0, height: 4, width: 4 }, 4, 4)).toEqual([0, 0, 1, 1]);
  });
  it("Gaussian noise has the requested mean and std (absolute and relative to channel std)", () => {
    const zeros = { grid: tf.zeros([8, 16, 16, 4]) as tf.Tensor4D, targets: tf.zeros([8, 2]) as tf.Tensor2D };
    const n = augmentBatch(
      zeros,
      cfg({ noise: { enabled: true, p: 1, std: 0.5, relativeTo: "absolute" } }),
      createRng(3),
    ).grid;
    const { mean, variance } = tf.moments(n);
    expect(mean.dataSync()[0]).toBeCloseTo(0, 1.5);
    expect(Math.sqrt(variance.dataSync()[0])).toBeCloseTo(0.5, 1.5);
    const rel = augmentBatch(
      zeros,
      cfg({ noise: { enabled: true, p: 1, std: 0.1, relativeTo: "channel-std" } }),
      createRng(3),
      { channelStd: tf.tensor1d([1, 2, 4, 8]) },
    ).grid;
    const perChannel = tf.moments(rel, [0, 1, 2]);
    const sd = Array.from(perChannel.variance.dataSync()).map(Math.sqrt);
    [0.1, 0.2, 0.4, 0.8].forEach((e, i) => expect(Math.abs(sd[i] - e) / e).toBeLessThan(0.05));
  });
  it("the same seed gives the same augmented batch; another seed does not", () => {
    const x = input(4, [4, 6, 6, 3]);
    const all: AugmentConfig = {
      hflip: { enabled: true, p: 0.5 },
      vflip: { enabled: true, p: 0.5 },
      rot90: { enabled: false, p: 0.5 },
      resizedCrop: { enabled: true, p: 1, scale: [0.5, 1], ratio: [0.75, 4 / 3] },
      noise: { enabled: true, p: 1, std: 0.1, relativeTo: "absolute" },
      tokenDropout: { enabled: true, p: 1, rate: 0.2 },
      mixup: { enabled: true, p: 1, alpha: 0.8 },
    };
    const a = augmentBatch(x, all, createRng(7));
    const b = augmentBatch(x, all, createRng(7));
    const c = augmentBatch(x, all, createRng(8));
    expect(Array.from(a.grid.dataSync())).toEqual(Array.from(b.grid.dataSync()));
    expect(Array.from(a.targets.dataSync())).toEqual(Array.from(b.targets.dataSync()));
    expect(Array.from(a.grid.dataSync())).not.toEqual(Array.from(c.grid.dataSync()));
    // mixup keeps targets a distribution
    const rows = tf.sum(a.targets, 1).dataSync();
    rows.forEach((r) => expect(r).toBeCloseTo(1, 5));
  });
  it("applies the modules in the catalogue's order: golden values recorded before the split into modules", () => {
    expect(AUGMENTATION_ORDER).toEqual(["resizedCrop", "hflip", "vflip", "rot90", "tokenDropout", "noise", "mixup"]);
    const x = {
      grid: tf.randomNormal([4, 6, 6, 3], 0, 1, "float32", 4) as tf.Tensor4D,
      cls: tf.randomNormal([4, 3], 0, 1, "float32", 5) as tf.Tensor2D,
      targets: tf.oneHot(tf.tensor1d([0, 1, 0, 1], "int32"), 2).toFloat() as tf.Tensor2D,
    };
    const all: AugmentConfig = {
      hflip: { enabled: true, p: 0.5 },
      vflip: { enabled: true, p: 0.5 },
      rot90: { enabled: false, p: 0.5 },
      resizedCrop: { enabled: true, p: 1, scale: [0.5, 1], ratio: [0.75, 4 / 3] },
      noise: { enabled: true, p: 1, std: 0.1, relativeTo: "absolute" },
      tokenDropout: { enabled: true, p: 1, rate: 0.2 },
      mixup: { enabled: true, p: 1, alpha: 0.8 },
    };
    const rng = createRng(7);
    const a = augmentBatch(x, all, rng);
    expect(rng.getState()).toBe(3768285127);
    const t = Array.from(a.targets.dataSync());
    [0.27004, 0.72996, 0, 1, 1, 0, 0.72996, 0.27004].forEach((v, i) => expect(t[i]).toBeCloseTo(v, 4));
    // The noise is drawn by the backend (core/augment/normal.ts): TensorFlow's Philox kernel on
    // tfjs-node (values recorded when it was introduced), tf.randomNormal elsewhere (the values
    // recorded before the split into modules). The random stream consumed is the same (state above).
    const native = tf.getBackend() === "tensorflow";
    expect(tf.sum(tf.abs(a.grid)).dataSync()[0]).toBeCloseTo(native ? 195.433 : 197.824, 1);
    expect(tf.sum(tf.abs(a.cls as tf.Tensor2D)).dataSync()[0]).toBeCloseTo(native ? 6.148 : 6.039, 2);
  });
  it("an augmentation turned off draws nothing; checks and needs come from the modules", () => {
    const x = input(5);
    const rng = createRng(11);
    const before = rng.getState();
    const out = augmentBatch(x, NO_AUGMENT, rng);
    expect(rng.getState()).toBe(before);
    expect(out.grid).toBe(x.grid);
    expect(out.targets).toBe(x.targets);
    const crop = cfg({ resizedCrop: { ...NO_AUGMENT.resizedCrop, enabled: true } });
    expect(augmentationProblems(crop, { h: 1, w: 5 })).toEqual([
      "augmentations.resizedCrop needs a grid of at least 2×2, the cache grid is 1×5",
    ]);
    expect(augmentationProblems(crop, { h: 2, w: 2 })).toEqual([]);
    expect(augmentationProblems(NO_AUGMENT, { h: 1, w: 1 })).toEqual([]);
    expect(needsChannelStd(NO_AUGMENT)).toBe(false);
    expect(needsChannelStd(cfg({ noise: { ...NO_AUGMENT.noise, enabled: true, relativeTo: "channel-std" } }))).toBe(true);
    expect(needsChannelStd(cfg({ noise: { ...NO_AUGMENT.noise, enabled: true, relativeTo: "absolute" } }))).toBe(false);
  });
  it("tensor pooling agrees with the JS pooling", () => {
    const x = tf.randomNormal([2, 6, 4, 3], 0, 1, "float32", 1) as tf.Tensor4D;
    const js = avgPoolGrid(x.dataSync() as Float32Array, { n: 2, h: 6, w: 4, d: 3 }, 2);
    const t = avgPoolGridTensor(x, 2).dataSync();
    js.data.forEach((v, i) => expect(t[i]).toBeCloseTo(v, 5));
  });
});
