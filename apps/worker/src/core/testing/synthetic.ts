/**
 * Synthetic token datasets whose label depends on spatial structure (tests, CLI smoke runs,
 * benchmarks): a bar of `barLen` tokens carrying a signal vector on a noisy grid. Task
 * "halves": class 0 = bar in the top half, 1 = bottom half; task "bars": class 0 = horizontal,
 * 1 = vertical bar; task "swap": top half +s / bottom half −s vs the reverse (many informative
 * tokens: fast to learn). All have the same token content in every class, so mean pooling cannot
 * tell them apart; hflip preserves the label. The CLS slot holds the grid mean (uninformative).
 */
import { createRng } from "../rng";
import { openCacheWriter } from "../cache/writer";
import type { CacheMeta } from "../cache/format";

export interface SyntheticOptions {
  n: number;
  h: number;
  w: number;
  d: number;
  seed: number;
  barLen?: number;
  signal?: number;
  noise?: number;
  hasCls?: boolean;
  /** "left": bars only in the left half of the grid (a position bias that hflip removes). */
  region?: "any" | "left";
  /** "halves" (default): label = bar in the top vs bottom half; "bars": horizontal vs vertical bar. */
  task?: "halves" | "bars" | "swap";
}

export function makeBars(o: SyntheticOptions): {
  tokens: Float32Array;
  labels: Int32Array;
  tokensPerItem: number;
} {
  const rng = createRng(o.seed);
  // The signal vector is fixed across seeds of one dataset family (derived from d only).
  const sigRng = createRng(12345 + o.d);
  const sig = Float32Array.from({ length: o.d }, () => sigRng.normal());
  const norm = Math.sqrt(sig.reduce((a, b) => a + b * b, 0));
  const amp = o.signal ?? 3;
  for (let i = 0; i < o.d; i++) sig[i] = (sig[i] / norm) * amp * Math.sqrt(o.d) * 0.5;
  const L = o.barLen ?? 3;
  const hasCls = o.hasCls ?? true;
  const T = (hasCls ? 1 : 0) + o.h * o.w;
  const tokens = new Float32Array(o.n * T * o.d);
  const labels = new Int32Array(o.n);
  const noise = o.noise ?? 1;
  for (let i = 0; i < o.n; i++) {
    const label = rng.int(0, 1);
    labels[i] = label;
    const base = i * T * o.d;
    const g = base + (hasCls ? o.d : 0);
    for (let k = 0; k < o.h * o.w * o.d; k++) tokens[g + k] = rng.normal() * noise;
    if (o.task === "swap") {
      // Class 0: top half carries +signal and bottom half −signal; class 1: the reverse.
      for (let y = 0; y < o.h; y++) {
        const sgn =
          (y < o.h / 2 ? 1 : -1) * (label === 0 ? 1 : -1) * (o.h % 2 === 1 && y === (o.h - 1) / 2 ? 0 : 1);
        for (let x = 0; x < o.w; x++)
          for (let c = 0; c < o.d; c++)
            tokens[g + (y * o.w + x) * o.d + c] += (sgn * sig[c]) / Math.sqrt(o.d);
      }
    } else {
      let bh: number;
      let bw: number;
      let y0: number;
      let x0: number;
      const maxXFor = (bw: number): number =>
        o.region === "left" ? Math.max(0, Math.floor(o.w / 2) - bw) : o.w - bw;
      if ((o.task ?? "halves") === "halves") {
        // Class 0: blob (1×L) entirely in the top half; class 1: in the bottom half.
        bh = 1;
        bw = L;
        const half = Math.floor(o.h / 2);
        y0 = label === 0 ? rng.int(0, half - 1) : rng.int(o.h - half, o.h - 1);
        x0 = rng.int(0, maxXFor(bw));
      } else {
        bh = label === 1 ? L : 1;
        bw = label === 0 ? L : 1;
        y0 = rng.int(0, o.h - bh);
        x0 = rng.int(0, maxXFor(bw));
      }
      for (let y = y0; y < y0 + bh; y++)
        for (let x = x0; x < x0 + bw; x++)
          for (let c = 0; c < o.d; c++) tokens[g + (y * o.w + x) * o.d + c] += sig[c];
    }
    if (hasCls) {
      for (let c = 0; c < o.d; c++) {
        let s = 0;
        for (let t = 0; t < o.h * o.w; t++) s += tokens[g + t * o.d + c];
        tokens[base + c] = s / (o.h * o.w);
      }
    }
  }
  return { tokens, labels, tokensPerItem: T };
}

export function syntheticMeta(h: number, w: number, d: number, hasCls = true): CacheMeta {
  return {
    model: { name: "synthetic-bars", family: "synthetic" },
    dataset: { name: "bars" },
    resolution: h * 14,
    grid: { h, w },
    dim: d,
    hasCls,
    pooling: null,
    labelNames: ["horizontal", "vertical"],
  };
}

/** Write a bars cache with the given splits (e.g. {train: 64, test: 256}) in shards of shardSize. */
export async function writeBarsCache(
  dir: string,
  o: {
    h: number;
    w: number;
    d: number;
    seed: number;
    splits: Record<string, number>;
    shardSize?: number;
    region?: Record<string, SyntheticOptions["region"]>;
    task?: SyntheticOptions["task"];
    noise?: number;
  },
): Promise<void> {
  const writer = await openCacheWriter(dir, syntheticMeta(o.h, o.w, o.d));
  let splitNo = 0;
  for (const [split, n] of Object.entries(o.splits)) {
    const data = makeBars({
      n,
      h: o.h,
      w: o.w,
      d: o.d,
      seed: o.seed * 1000 + splitNo++,
      region: o.region?.[split] ?? "any",
      task: o.task,
      noise: o.noise,
    });
    const shard = o.shardSize ?? n;
    const row = data.tokensPerItem * o.d;
    for (let s = 0; s < n; s += shard) {
      const e = Math.min(n, s + shard);
      await writer.writeShard({
        split,
        tokens: data.tokens.subarray(s * row, e * row),
        labels: data.labels.subarray(s, e),
        index: Int32Array.from({ length: e - s }, (_, i) => s + i),
      });
    }
  }
  await writer.finish();
}
