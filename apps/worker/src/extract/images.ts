/**
 * Image decoding for extraction (sharp / libvips): JPEG, PNG, WebP, TIFF, GIF, AVIF; grayscale
 * and 16-bit inputs are converted to 8-bit sRGB; alpha is composited on black (default) or
 * dropped; EXIF orientation is applied (`.rotate()`). Resize with a bicubic (Catmull-Rom)
 * kernel, either shorter side → size then centre crop ("crop", optionally through a larger
 * intermediate size with cropPct < 1, like timm's crop_pct), or straight to size×size
 * ("direct"). Output: Float32 [H, W, 3] normalised as (x/255 − mean) / std.
 * A path is read here first (a regular file up to STORAGE_LIMITS.imageBytes: never a device or a
 * fifo), so the decoder only sees bytes.
 */
import sharp from "sharp";
import { STORAGE_LIMITS, localAccess } from "@loffta/graphql/storage-roots";

export type Rgb = [number, number, number];

export interface ImagePipelineOptions {
  /** Output side in pixels (square), or [height, width]. */
  size: number | [number, number];
  resize?: "crop" | "direct";
  /** "crop" only: shorter side resized to size / cropPct before the centre crop (default 1). */
  cropPct?: number;
  alpha?: "black" | "drop";
  mean: Rgb;
  std: Rgb;
}

export class ImageDecodeError extends Error {
  override name = "ImageDecodeError";
}

/** Decode, orient, resize and normalise one image file (or buffer) to Float32 [H, W, 3]. */
export async function loadImage(file: string | Buffer, o: ImagePipelineOptions): Promise<Float32Array> {
  const [H, W] = typeof o.size === "number" ? [o.size, o.size] : o.size;
  let input: Buffer;
  try {
    input = typeof file === "string" ? await localAccess().readFile(file, STORAGE_LIMITS.imageBytes) : file;
  } catch (e) {
    throw new ImageDecodeError((e as Error).message);
  }
  let data: Buffer;
  let channels: number;
  try {
    let img = sharp(input, { failOn: "error", limitInputPixels: 1 << 28 }).rotate();
    if ((o.alpha ?? "black") === "black") img = img.flatten({ background: { r: 0, g: 0, b: 0 } });
    else {
      // sharp premultiplies alpha around resize (transparent pixels' colour would be lost):
      // drop alpha in a first pass, resize in a second.
      const { data: d0, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
      img = sharp(d0, { raw: { width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 } });
    }
    if ((o.resize ?? "crop") === "direct") {
      img = img.resize(W, H, { fit: "fill", kernel: "cubic" });
    } else {
      const pct = o.cropPct ?? 1;
      if (pct === 1) img = img.resize(W, H, { fit: "cover", position: "centre", kernel: "cubic" });
      else {
        const meta = await sharp(input).metadata();
        const iw = meta.autoOrient?.width ?? meta.width ?? W;
        const ih = meta.autoOrient?.height ?? meta.height ?? H;
        const s = Math.max(W, H) / pct / Math.min(iw, ih);
        const rw = Math.max(W, Math.round(iw * s));
        const rh = Math.max(H, Math.round(ih * s));
        img = img.resize(rw, rh, { fit: "fill", kernel: "cubic" }).extract({ left: Math.floor((rw - W) / 2), top: Math.floor((rh - H) / 2), width: W, height: H });
      }
    }
    const out = await img.toColourspace("srgb").raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
    data = out.data;
    channels = out.info.channels;
    if (out.info.width !== W || out.info.height !== H) throw new Error(`resized to ${out.info.width}×${out.info.height}, expected ${W}×${H}`);
  } catch (e) {
    throw new ImageDecodeError((e as Error).message.split("\n")[0]);
  }
  const res = new Float32Array(H * W * 3);
  const scale = [1 / (255 * o.std[0]), 1 / (255 * o.std[1]), 1 / (255 * o.std[2])];
  const shift = [o.mean[0] / o.std[0], o.mean[1] / o.std[1], o.mean[2] / o.std[2]];
  for (let p = 0, q = 0; p < H * W; p++, q += channels) {
    for (let c = 0; c < 3; c++) res[p * 3 + c] = data[q + (channels >= 3 ? c : 0)] * scale[c] - shift[c];
  }
  return res;
}
