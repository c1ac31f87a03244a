/**
 * IEEE 754 half precision <-> single precision conversion (round-to-nearest-even),
 * no dependencies. Handles subnormals, infinities and NaN.
 */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Convert one float32 value to its float16 bit pattern. */
export function toHalfBits(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) {
    // Inf / NaN (keep a quiet NaN bit).
    return sign | 0x7c00 | (mant !== 0 ? 0x200 | (mant >>> 13) : 0);
  }
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow -> Inf
  if (e <= 0) {
    // Subnormal half (or zero).
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const halfMant = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    let out = halfMant;
    if (rem > halfway || (rem === halfway && (halfMant & 1) === 1)) out += 1;
    return sign | out;
  }
  let out = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (out & 1) === 1)) out += 1; // may carry into exponent: correct
  return sign | out;
}

/** Convert a float16 bit pattern to a float32 value. */
export function fromHalfBits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

// Lookup table for the hot path (half -> float): 65536 entries, 256 KiB.
let table: Float32Array | null = null;
function halfTable(): Float32Array {
  if (!table) {
    table = new Float32Array(65536);
    for (let i = 0; i < 65536; i++) table[i] = fromHalfBits(i);
  }
  return table;
}

/** Float32 array -> float16 bits. */
export function float32ToFloat16(src: ArrayLike<number>, out?: Uint16Array): Uint16Array {
  const dst = out ?? new Uint16Array(src.length);
  for (let i = 0; i < src.length; i++) dst[i] = toHalfBits(src[i]);
  return dst;
}

/** Float16 bits -> float32 array (optionally a sub-range [start, start+length) of src). */
export function float16ToFloat32(
  src: Uint16Array,
  out?: Float32Array,
  start = 0,
  length = src.length - start,
): Float32Array {
  const t = halfTable();
  const dst = out ?? new Float32Array(length);
  for (let i = 0; i < length; i++) dst[i] = t[src[start + i]];
  return dst;
}
