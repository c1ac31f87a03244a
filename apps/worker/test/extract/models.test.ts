/** Weight loading (errors, prefixes, HF cache layout, BF16), bring-your-own TF.js model, image pipeline. */
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import sharp from "sharp";
import { encodeSafetensorsBuffer } from "../../src/core/safetensors";
import type { StTensorIn } from "../../src/core/safetensors";
import { loadFoundationModel } from "../../src/extract/foundation";
import { loadImage } from "../../src/extract/images";
import { WeightStore, WeightsMismatchError } from "../../src/extract/weights";

const REF = path.join(__dirname, "../../fixtures/reference");
let tmp: string;

async function readAll(file: string): Promise<Record<string, StTensorIn>> {
  const st = await WeightStore.open(file);
  const out: Record<string, StTensorIn> = {};
  for (const n of st.names) {
    const { data, shape } = await st.get(n);
    out[n] = { dtype: "F32", shape, data };
  }
  return out;
}

beforeAll(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-models-"));
});
afterAll(async () => {
  await fsp.rm(tmp, { recursive: true, force: true });
});

describe("weight loading", () => {
  test("a bad weights file names the missing tensor and the wrong shape", async () => {
    const t = await readAll(path.join(REF, "dinov2/model.safetensors"));
    delete t["encoder.layer.1.mlp.fc2.weight"];
    t["encoder.layer.0.norm1.weight"] = { dtype: "F32", shape: [16], data: new Float32Array(16) };
    const dir = path.join(tmp, "bad");
    await fsp.mkdir(dir);
    await fsp.copyFile(path.join(REF, "dinov2/config.json"), path.join(dir, "config.json"));
    await fsp.writeFile(path.join(dir, "model.safetensors"), encodeSafetensorsBuffer(t));
    const err = await loadFoundationModel({ path: dir, hash: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WeightsMismatchError);
    const e = err as WeightsMismatchError;
    expect(e.problems).toEqual(
      expect.arrayContaining([
        { kind: "missing", name: "encoder.layer.1.mlp.fc2.weight", expected: [32, 64] },
        { kind: "shape", name: "encoder.layer.0.norm1.weight", expected: [32], actual: [16] },
      ]),
    );
    expect(e.message).toMatch(/missing tensor "encoder.layer.1.mlp.fc2.weight"/);
    expect(e.message).toMatch(/"encoder.layer.0.norm1.weight" has shape \[16\], expected \[32\]/);
  });

  test("a non-safetensors file is a clear error", async () => {
    const f = path.join(tmp, "junk.safetensors");
    await fsp.writeFile(f, "not a model at all");
    await expect(loadFoundationModel({ path: f, family: "dinov2" })).rejects.toThrow(/not a safetensors file/);
  });

  test("HF cache layout, vision_model. prefix, F32 + BF16 weights load and agree", async () => {
    const t = await readAll(path.join(REF, "clip/model.safetensors"));
    const half: Record<string, StTensorIn> = {};
    let i = 0;
    for (const [n, v] of Object.entries(t)) {
      const f = v.data as Float32Array;
      const u32 = new Uint32Array(f.buffer, f.byteOffset, f.length);
      // Alternate BF16 (truncated) and exact F32 tensors; write as the CLIPModel layout.
      half[`vision_model.${n}`] = i++ % 2 ? { dtype: "F32", shape: v.shape, data: f } : { dtype: "U8", shape: [f.length * 2], data: new Uint8Array(Uint16Array.from(u32, (x) => x >>> 16).buffer) };
    }
    let buf = encodeSafetensorsBuffer(half);
    // Re-tag the U8 placeholders as BF16 with their real shapes (core's writer has no BF16).
    const n = Number(buf.readBigUInt64LE(0));
    const header = JSON.parse(buf.subarray(8, 8 + n).toString()) as Record<string, { dtype: string; shape: number[] }>;
    for (const [k, v] of Object.entries(header)) if (v.dtype === "U8") Object.assign(v, { dtype: "BF16", shape: t[k.slice("vision_model.".length)].shape });
    let json = JSON.stringify(header);
    json += " ".repeat((8 - (json.length % 8)) % 8);
    const head = Buffer.alloc(8);
    head.writeBigUInt64LE(BigInt(json.length));
    buf = Buffer.concat([head, Buffer.from(json), buf.subarray(8 + n)]);
    const repo = path.join(tmp, "hub", "models--openai--clip-tiny");
    const snap = path.join(repo, "snapshots", "0123abcd");
    await fsp.mkdir(snap, { recursive: true });
    await fsp.mkdir(path.join(repo, "refs"));
    await fsp.writeFile(path.join(repo, "refs", "main"), "0123abcd");
    await fsp.writeFile(path.join(snap, "model.safetensors"), buf);
    await fsp.copyFile(path.join(REF, "clip/config.json"), path.join(snap, "config.json"));

    const viaRoot = await loadFoundationModel({ path: path.join(tmp, "hub"), repoId: "openai/clip-tiny" });
    const exact = await loadFoundationModel({ path: path.join(REF, "clip"), hash: false });
    try {
      expect(viaRoot.name).toBe("openai/clip-tiny");
      expect(viaRoot.family).toBe("clip");
      expect(viaRoot.mean[0]).toBeCloseTo(0.4815, 3);
      const x = tf.randomNormal([1, 32, 32, 3], 0, 1, "float32", 3) as tf.Tensor4D;
      const a = viaRoot.forward(x).grid.dataSync();
      const b = exact.forward(x).grid.dataSync();
      let diff = 0;
      for (let j = 0; j < a.length; j++) diff = Math.max(diff, Math.abs(a[j] - b[j]));
      expect(diff).toBeGreaterThan(0); // BF16 truncation is visible…
      expect(diff).toBeLessThan(0.2); // …but small
    } finally {
      viaRoot.dispose();
      exact.dispose();
    }
  });
});

describe("bring-your-own TF.js model", () => {
  test("a layers model with an intermediate conv layer as the grid; CLS = grid mean", async () => {
    const m = tf.sequential();
    m.add(tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 8, kernelSize: 3, strides: 2, padding: "same", name: "stem" }));
    m.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: "same", name: "feat" }));
    m.add(tf.layers.globalAveragePooling2d({ name: "gap" }));
    m.add(tf.layers.dense({ units: 4, name: "head" }));
    const dir = path.join(tmp, "tfjs");
    await m.save(`file://${dir}`);
    const fm = await loadFoundationModel({ path: path.join(dir, "model.json"), tfjsLayer: "feat", imageSize: 32 });
    try {
      expect(fm.family).toBe("tfjs");
      expect(fm.dim).toBe(16);
      expect(fm.gridSize(32, 32)).toEqual({ h: 8, w: 8 });
      const { cls, grid } = fm.forward(tf.ones([2, 32, 32, 3]) as tf.Tensor4D);
      expect(grid.shape).toEqual([2, 8, 8, 16]);
      const mean = tf.mean(grid, [1, 2]).dataSync();
      const c = cls.dataSync();
      for (let i = 0; i < c.length; i++) expect(c[i]).toBeCloseTo(mean[i], 5);
      await expect(loadFoundationModel({ path: dir, tfjsLayer: "nope" })).rejects.toThrow(/no layer "nope"/);
    } finally {
      fm.dispose();
      m.dispose();
    }
  });
});

describe("image pipeline", () => {
  const norm = { mean: [0, 0, 0] as [number, number, number], std: [1, 1, 1] as [number, number, number] };
  test("EXIF orientation is applied before resizing", async () => {
    // 40×20 stored, left half white; orientation 6 (rotate 90° CW) → displayed 20×40, top half white.
    const raw = Buffer.alloc(40 * 20 * 3);
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) raw.fill(255, (y * 40 + x) * 3, (y * 40 + x) * 3 + 3);
    const jpg = await sharp(raw, { raw: { width: 40, height: 20, channels: 3 } }).jpeg({ quality: 100 }).withMetadata({ orientation: 6 }).toBuffer();
    const px = await loadImage(jpg, { size: 8, resize: "direct", ...norm });
    expect(px[(1 * 8 + 4) * 3]).toBeGreaterThan(0.9); // top rows bright
    expect(px[(6 * 8 + 4) * 3]).toBeLessThan(0.1); // bottom rows dark
  });

  test("grayscale, 16-bit and alpha inputs give normalised RGB", async () => {
    const gray = await sharp(Buffer.alloc(16 * 16, 128), { raw: { width: 16, height: 16, channels: 1 } }).png().toBuffer();
    const g = await loadImage(gray, { size: 4, ...norm });
    expect(g.length).toBe(48);
    for (const v of g) expect(v).toBeCloseTo(128 / 255, 2);
    const deep = await sharp(Buffer.alloc(16 * 16 * 3, 200), { raw: { width: 16, height: 16, channels: 3 } }).toColourspace("rgb16").png().toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe("ushort");
    for (const v of await loadImage(deep, { size: 4, ...norm })) expect(v).toBeCloseTo(200 / 255, 2);
    const rgba = Buffer.alloc(16 * 16 * 4);
    for (let i = 0; i < 256; i++) rgba.set([255, 255, 255, 0], i * 4);
    const a = await sharp(rgba, { raw: { width: 16, height: 16, channels: 4 } }).png().toBuffer();
    for (const v of await loadImage(a, { size: 4, ...norm })) expect(v).toBeCloseTo(0, 5); // transparent white on black
    for (const v of await loadImage(a, { size: 4, alpha: "drop", ...norm })) expect(v).toBeCloseTo(1, 5);
    const mean = await loadImage(a, { size: 4, alpha: "drop", mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] });
    expect(mean[0]).toBeCloseTo(2, 5);
  });

  test("crop keeps the centre (shorter side + centre crop)", async () => {
    // 30×10: left and right thirds black, centre white → cropping to a square keeps only white.
    const raw = Buffer.alloc(30 * 10 * 3);
    for (let y = 0; y < 10; y++) for (let x = 10; x < 20; x++) raw.fill(255, (y * 30 + x) * 3, (y * 30 + x) * 3 + 3);
    const png = await sharp(raw, { raw: { width: 30, height: 10, channels: 3 } }).png().toBuffer();
    const px = await loadImage(png, { size: 10, ...norm });
    expect(px[(5 * 10 + 5) * 3]).toBeCloseTo(1, 2);
    expect(Math.min(...px)).toBeGreaterThan(0.8);
  });
});
