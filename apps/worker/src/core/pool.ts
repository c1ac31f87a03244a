/**
 * k×k average pooling of a token grid (high-resolution caches: e.g. 37×37 → 18×18 at k=2).
 * "floor" drops the trailing rows/cols that do not fill a window (VALID pooling, the default);
 * "ceil" keeps them, averaging partial windows over their valid tokens.
 */
import * as tf from "@tensorflow/tfjs";

export type PoolMode = "floor" | "ceil";

export function pooledSize(
  h: number,
  w: number,
  k: number,
  mode: PoolMode = "floor",
): { h: number; w: number } {
  const f = mode === "floor" ? Math.floor : Math.ceil;
  return { h: f(h / k), w: f(w / k) };
}

/** Pure JS: data is [n, h, w, d] row-major; returns [n, h', w', d]. */
export function avgPoolGrid(
  data: Float32Array,
  shape: { n: number; h: number; w: number; d: number },
  k: number,
  mode: PoolMode = "floor",
): { data: Float32Array; h: number; w: number } {
  const { n, h, w, d } = shape;
  if (data.length !== n * h * w * d)
    throw new Error(`avgPoolGrid: ${data.length} values, shape needs ${n * h * w * d}`);
  if (!(Number.isInteger(k) && k >= 1))
    throw new Error(`avgPoolGrid: kernel must be a positive integer, got ${k}`);
  const out = pooledSize(h, w, k, mode);
  if (out.h < 1 || out.w < 1) throw new Error(`avgPoolGrid: grid ${h}×${w} is smaller than kernel ${k}`);
  const res = new Float32Array(n * out.h * out.w * d);
  const acc = new Float64Array(d);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < out.h; oy++) {
      for (let ox = 0; ox < out.w; ox++) {
        acc.fill(0);
        let cnt = 0;
        for (let y = oy * k; y < Math.min(oy * k + k, h); y++) {
          for (let x = ox * k; x < Math.min(ox * k + k, w); x++) {
            const base = ((b * h + y) * w + x) * d;
            for (let c = 0; c < d; c++) acc[c] += data[base + c];
            cnt++;
          }
        }
        const ob = ((b * out.h + oy) * out.w + ox) * d;
        for (let c = 0; c < d; c++) res[ob + c] = acc[c] / cnt;
      }
    }
  }
  return { data: res, h: out.h, w: out.w };
}

/** Tensor version: [n, h, w, d] → [n, h', w', d] (floor mode). */
export function avgPoolGridTensor(grid: tf.Tensor4D, k: number): tf.Tensor4D {
  return tf.avgPool(grid, [k, k], [k, k], "valid");
}
