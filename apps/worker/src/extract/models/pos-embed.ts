/**
 * Bicubic resampling of a position-embedding grid [gh, gw, D] → [oh, ow, D], matching
 * PyTorch's `F.interpolate(mode="bicubic", align_corners=False)` as Hugging Face calls it:
 * - `antialias: false` (Dinov2Model, ViTModel, CLIPVision, DeiT): Keys cubic with a = −0.75,
 *   source index (i + 0.5)·in/out − 0.5, border taps clamped;
 * - `antialias: true` (Dinov2WithRegistersModel): PyTorch's separable AA kernel — cubic with
 *   a = −0.5, support widened by in/out when downsampling, out-of-range taps dropped and the
 *   weights renormalised.
 * Pure JS (the grid is at most a few thousand × D values; done once per resolution).
 */
export interface ResampleOptions {
  antialias: boolean;
}

function cubic(x: number, a: number): number {
  const t = Math.abs(x);
  if (t <= 1) return ((a + 2) * t - (a + 3)) * t * t + 1;
  if (t < 2) return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
  return 0;
}

/** Row i: the (index, weight) taps of output sample i. */
type Taps = { idx: number[]; w: number[] }[];

function tapsPlain(inSize: number, outSize: number): Taps {
  const scale = inSize / outSize;
  const out: Taps = [];
  for (let i = 0; i < outSize; i++) {
    const src = (i + 0.5) * scale - 0.5;
    const x0 = Math.floor(src);
    const t = src - x0;
    const idx: number[] = [];
    const w: number[] = [];
    for (let k = -1; k <= 2; k++) {
      idx.push(Math.min(Math.max(x0 + k, 0), inSize - 1));
      w.push(cubic(t - k, -0.75));
    }
    out.push({ idx, w });
  }
  return out;
}

function tapsAntialias(inSize: number, outSize: number): Taps {
  const scale = inSize / outSize;
  const support = scale >= 1 ? 2 * scale : 2;
  const invscale = scale >= 1 ? 1 / scale : 1;
  const out: Taps = [];
  for (let i = 0; i < outSize; i++) {
    const center = scale * (i + 0.5);
    const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
    const xsize = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
    const idx: number[] = [];
    const w: number[] = [];
    let total = 0;
    for (let j = 0; j < xsize; j++) {
      const v = cubic((j + xmin - center + 0.5) * invscale, -0.5);
      idx.push(j + xmin);
      w.push(v);
      total += v;
    }
    if (total !== 0) for (let j = 0; j < w.length; j++) w[j] /= total;
    out.push({ idx, w });
  }
  return out;
}

/** Resample `grid` ([gh, gw, D] row-major) to [oh, ow, D]. */
export function resampleGrid(grid: Float32Array, gh: number, gw: number, d: number, oh: number, ow: number, opts: ResampleOptions): Float32Array {
  if (gh === oh && gw === ow) return grid.slice();
  const taps = opts.antialias ? tapsAntialias : tapsPlain;
  const ty = taps(gh, oh);
  const tx = taps(gw, ow);
  // Horizontal pass: [gh, ow, D], then vertical: [oh, ow, D] (float64 accumulation).
  const tmp = new Float64Array(gh * ow * d);
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < ow; x++) {
      const o = (y * ow + x) * d;
      const { idx, w } = tx[x];
      for (let k = 0; k < idx.length; k++) {
        const s = (y * gw + idx[k]) * d;
        const wk = w[k];
        if (wk === 0) continue;
        for (let c = 0; c < d; c++) tmp[o + c] += wk * grid[s + c];
      }
    }
  }
  const out = new Float32Array(oh * ow * d);
  const acc = new Float64Array(d);
  for (let y = 0; y < oh; y++) {
    const { idx, w } = ty[y];
    for (let x = 0; x < ow; x++) {
      acc.fill(0);
      for (let k = 0; k < idx.length; k++) {
        const s = (idx[k] * ow + x) * d;
        const wk = w[k];
        if (wk === 0) continue;
        for (let c = 0; c < d; c++) acc[c] += wk * tmp[s + c];
      }
      out.set(acc, (y * ow + x) * d);
    }
  }
  return out;
}
