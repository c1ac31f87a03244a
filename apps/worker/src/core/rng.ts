/**
 * Small seedable PRNG (mulberry32) with a serialisable state, plus the few
 * distributions the training core needs. Pure JS, deterministic across backends.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer uniform in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Beta(a, b) via two gamma draws. */
  beta(a: number, b: number): number;
  /** A fresh 32-bit seed drawn from this stream (for tf ops that take a seed). */
  seed(): number;
  /** In-place Fisher-Yates shuffle. */
  shuffle<T>(arr: T[] | Int32Array | Uint32Array): void;
  /** Current state (uint32), to checkpoint and restore. */
  getState(): number;
  setState(state: number): void;
}

/** Mix a seed with extra integers into a well-spread uint32 (for per-epoch / per-stream seeds). */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  let spareNormal: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spareNormal !== null) {
      const s = spareNormal;
      spareNormal = null;
      return s;
    }
    let u = 0;
    while (u <= 1e-12) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const gamma = (k: number): number => {
    // Marsaglia-Tsang; boost for k < 1.
    if (k < 1) return gamma(k + 1) * Math.pow(Math.max(next(), 1e-12), 1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal,
    beta: (a, b) => {
      const x = gamma(a);
      const y = gamma(b);
      return x / (x + y);
    },
    seed: () => Math.floor(next() * 4294967296) >>> 0,
    shuffle: (arr) => {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = arr[i];
        arr[i] = arr[j];
        arr[j] = tmp;
      }
    },
    getState: () => state,
    setState: (s) => {
      state = s >>> 0;
      spareNormal = null;
    },
  };
}
