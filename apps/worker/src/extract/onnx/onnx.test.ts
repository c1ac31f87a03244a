/**
 * @jest-environment ./apps/worker/src/extract/onnx/jest-environment.js
 */
/**
 * The ONNX Runtime extractor against the tfjs extractor and HF transformers, on the tiny
 * random-weight models of every family (fixtures/reference: DINOv2, DINOv2 SwiGLU, DINOv2 with
 * registers, ViT, CLIP; plus a DeiT built from the ViT one): forward passes at native and
 * non-native sizes (position-table interpolation) and earlier blocks, whole extraction jobs with
 * pooling compared cache against cache, the graph file cache, external weights data, and the
 * extractor choice (typed errors, auto fallback for TF.js models).
 */
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import sharp from "sharp";
import { openCache } from "../../core/cache/reader";
import { float16ToFloat32 } from "../../core/float16";
import { encodeSafetensorsBuffer } from "../../core/safetensors";
import type { StTensorIn } from "../../core/safetensors";
import { ExtractorSettingError, extractorFromEnv, loadExtractorModel } from "../extractor";
import { loadFoundationModel } from "../foundation";
import type { FoundationModel } from "../foundation";
import { runExtraction } from "../job";
import { WeightStore } from "../weights";
import { OnnxExtractorError } from "./onnx-model";
import { ProtoWriter } from "./protobuf";

const REF = path.join(__dirname, "../../../fixtures/reference");
const FAMILIES = ["dinov2", "dinov2-swiglu", "dinov2-registers", "vit", "clip"];
let tmp: string;

beforeAll(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-onnx-"));
});
afterAll(async () => {
  await fsp.rm(tmp, { recursive: true, force: true });
});

/** CLS + grid as one [B, 1 + h·w, D] array. */
function tokensOf(out: { cls: tf.Tensor2D; grid: tf.Tensor4D }): Float32Array {
  const [B, h, w, D] = out.grid.shape;
  const t = tf.tidy(() => tf.concat([out.cls.reshape([B, 1, D]), out.grid.reshape([B, h * w, D])], 1));
  const a = t.dataSync() as Float32Array;
  tf.dispose([t, out.cls, out.grid]);
  return a;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

async function onnxModel(dir: string, cacheDir: string | null = path.join(tmp, "graphs")): Promise<FoundationModel> {
  return loadExtractorModel({ path: dir }, { extractor: "onnx", onnxCacheDir: cacheDir, threads: 2, log: () => undefined });
}

describe("protobuf writer", () => {
  test("varints (incl. negative int64), floats, strings and nested messages have the wire bytes", () => {
    const inner = new ProtoWriter().varint(1, 300);
    const w = new ProtoWriter().varint(1, 1).varint(3, -1).float(2, 1.5).string(4, "hé").message(5, inner).packedVarints(8, [1, 128]);
    expect(Buffer.from(w.finish()).toString("hex")).toBe(["0801", "18ffffffffffffffffff01", "150000c03f", "2203" + "68c3a9", "2a03" + "08ac02", "4203" + "018001"].join(""));
  });
});

describe("ONNX extractor vs HF transformers and tfjs (every family)", () => {
  for (const name of FAMILIES) {
    test(name, async () => {
      const dir = path.join(REF, name);
      const spec = JSON.parse(await fsp.readFile(path.join(dir, "reference.json"), "utf8")) as { family: string; cases: { input: string; layer: number; output: string }[] };
      const tfjs = await loadFoundationModel({ path: dir });
      const onnx = await onnxModel(dir);
      expect(onnx.extractor).toBe("onnx");
      expect(onnx.runtime).toMatch(/^onnxruntime-node 1\.\d+/);
      expect({ ...onnx, forward: null, forwardAsync: null, dispose: null, gridSize: null, extractor: null, runtime: null, onnxGraphs: null }).toEqual({ ...tfjs, forward: null, forwardAsync: null, dispose: null, gridSize: null, extractor: null, runtime: null, onnxGraphs: null, backbone: undefined });
      expect(() => onnx.forward(tf.zeros([1, 28, 28, 3]))).toThrow(OnnxExtractorError);
      const ref = await WeightStore.open(path.join(dir, "reference.safetensors"));
      try {
        for (const c of spec.cases) {
          const px = await ref.get(c.input);
          const want = await ref.get(c.output);
          const x = tf.tidy(() => tf.tensor4d(px.data, px.shape as [number, number, number, number]).transpose<tf.Tensor4D>([0, 2, 3, 1]));
          const got = tokensOf(await (onnx.forwardAsync as NonNullable<FoundationModel["forwardAsync"]>)(x, { layer: c.layer }));
          const viaTfjs = tokensOf(tfjs.forward(x, { layer: c.layer }));
          x.dispose();
          const dRef = maxAbsDiff(got, want.data);
          const dTfjs = maxAbsDiff(got, viaTfjs);
          if (dRef > 1e-4 || dTfjs > 2e-5) throw new Error(`${name} ${c.output}: onnx vs HF ${dRef}, vs tfjs ${dTfjs}`);
        }
      } finally {
        tfjs.dispose();
        onnx.dispose();
      }
    }, 30000);
  }
});

/** The ViT fixture turned into a DeiT (distillation token + its position row): two prefix tokens. */
async function writeDeit(dir: string): Promise<void> {
  const st = await WeightStore.open(path.join(REF, "vit/model.safetensors"));
  const t: Record<string, StTensorIn> = {};
  for (const n of st.names) {
    const { data, shape } = await st.get(n);
    t[n] = { dtype: "F32", shape, data };
  }
  const pos = t["embeddings.position_embeddings"];
  const D = pos.shape[2];
  const p = pos.data as Float32Array;
  const withDist = new Float32Array(p.length + D);
  withDist.set(p.subarray(0, D), 0);
  for (let i = 0; i < D; i++) withDist[D + i] = Math.sin(i + 1) * 0.1;
  withDist.set(p.subarray(D), 2 * D);
  t["embeddings.position_embeddings"] = { dtype: "F32", shape: [1, pos.shape[1] + 1, D], data: withDist };
  t["embeddings.distillation_token"] = { dtype: "F32", shape: [1, 1, D], data: Float32Array.from({ length: D }, (_, i) => Math.cos(i) * 0.2) };
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, "model.safetensors"), encodeSafetensorsBuffer(t));
  const cfg = JSON.parse(await fsp.readFile(path.join(REF, "vit/config.json"), "utf8")) as Record<string, unknown>;
  await fsp.writeFile(path.join(dir, "config.json"), JSON.stringify({ ...cfg, model_type: "deit", architectures: ["DeiTModel"] }));
}

async function writeImages(root: string): Promise<void> {
  let s = 7;
  for (const cls of ["a", "b"]) {
    await fsp.mkdir(path.join(root, cls), { recursive: true });
    for (let i = 0; i < 3; i++) {
      const w = 40 + 9 * i;
      const h = 36 + 5 * i;
      const px = Buffer.alloc(w * h * 3);
      for (let j = 0; j < px.length; j++) px[j] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
      await sharp(px, { raw: { width: w, height: h, channels: 3 } }).png().toFile(path.join(root, cls, `${i}.png`));
    }
  }
}

describe("extraction jobs: the ONNX cache equals the tfjs cache within float16", () => {
  const cases: { name: string; size: number; pool?: number }[] = [
    { name: "dinov2", size: 42, pool: 2 }, // 28² config: interpolated positions, 6×6 grid pooled to 3×3
    { name: "dinov2-registers", size: 35 },
    { name: "vit", size: 48, pool: 2 },
    { name: "clip", size: 40 },
    { name: "deit", size: 40 },
  ];
  let data: string;
  beforeAll(async () => {
    data = path.join(tmp, "images");
    await writeImages(data);
    await writeDeit(path.join(tmp, "deit"));
  });
  for (const c of cases) {
    test(`${c.name} at ${c.size}²${c.pool ? `, pool ${c.pool}` : ""}`, async () => {
      const model = c.name === "deit" ? path.join(tmp, "deit") : path.join(REF, c.name);
      const graphs = path.join(tmp, `graphs-${c.name}`);
      const run = (extractor: "tfjs" | "onnx", out: string) => runExtraction({ data, model: { path: model }, extractor, onnxCacheDir: graphs, out: path.join(tmp, out), size: c.size, pool: c.pool, batchSize: 4, shardSize: 4 });
      const a = await run("tfjs", `${c.name}-tfjs`);
      const b = await run("onnx", `${c.name}-onnx`);
      const ext = (m: typeof a.manifest) => (m.extra as { extraction: Record<string, unknown> }).extraction;
      expect(ext(a.manifest)).toMatchObject({ extractor: "tfjs" });
      expect(ext(b.manifest)).toMatchObject({ extractor: "onnx", runtime: expect.stringMatching(/^onnxruntime-node/), onnxGraphs: [expect.stringMatching(/^[0-9a-f]{64}$/)] });
      // The cache's identity does not depend on the extractor.
      for (const k of ["model", "dataset", "resolution", "grid", "dim", "hasCls", "pooling", "labelNames", "splits"] as const) expect(b.manifest[k]).toEqual(a.manifest[k]);
      expect(ext(b.manifest).weightsSha256).toBe(ext(a.manifest).weightsSha256);
      const ca = await openCache(path.join(tmp, `${c.name}-tfjs`));
      const cb = await openCache(path.join(tmp, `${c.name}-onnx`));
      let same = 0;
      let total = 0;
      for (let s = 0; s < ca.manifest.shards.length; s++) {
        const sa = await ca.readShard(ca.manifest.shards[s]);
        const sb = await cb.readShard(cb.manifest.shards[s]);
        expect(Array.from(sb.index)).toEqual(Array.from(sa.index));
        expect(Array.from(sb.labels)).toEqual(Array.from(sa.labels));
        const fa = float16ToFloat32(sa.tokens);
        const fb = float16ToFloat32(sb.tokens);
        // float16 tolerance: at most ~1 ulp (2^-10 relative) apart; most values identical.
        expect(maxAbsDiff(fa, fb)).toBeLessThanOrEqual(maxAbs(fa) * 2 ** -10);
        for (let i = 0; i < sa.tokens.length; i++) same += sa.tokens[i] === sb.tokens[i] ? 1 : 0;
        total += sa.tokens.length;
      }
      expect(same / total).toBeGreaterThan(0.95);
      // The exported graph is kept and reused: a second ONNX run builds nothing.
      const files = (await fsp.readdir(graphs)).sort();
      expect(files.filter((f) => f.endsWith(".onnx"))).toHaveLength(1);
      const logs: string[] = [];
      const again = await loadExtractorModel({ path: model }, { extractor: "onnx", onnxCacheDir: graphs, sizes: [{ height: c.size, width: c.size }], log: (l) => logs.push(l) });
      again.dispose();
      expect(logs.filter((l) => l.includes("exported"))).toEqual([]);
      expect((await fsp.readdir(graphs)).sort()).toEqual(files);
    }, 30000);
  }
});

describe("graph storage", () => {
  test("weights as ONNX external data (large models) give the same tokens; no cache folder: built in memory", async () => {
    const dir = path.join(REF, "dinov2");
    const ext = path.join(tmp, "external");
    const { loadOrt, onnxFromBase } = await import("./onnx-model");
    const m = await onnxFromBase(await loadFoundationModel({ path: dir }), await loadOrt(), { cacheDir: ext, externalData: true, threads: 1, sizes: [{ height: 42, width: 42 }] });
    const files = await fsp.readdir(ext);
    expect(files.some((f) => f.endsWith(".onnx.data"))).toBe(true);
    const onnxSize = (await fsp.stat(path.join(ext, files.find((f) => f.endsWith(".onnx")) as string))).size;
    const dataSize = (await fsp.stat(path.join(ext, files.find((f) => f.endsWith(".onnx.data")) as string))).size;
    expect(dataSize).toBeGreaterThan(onnxSize);
    const mem = await onnxModel(dir, null);
    const x = tf.randomNormal([2, 42, 42, 3], 0, 1, "float32", 5) as tf.Tensor4D;
    const fwd = (f: FoundationModel) => (f.forwardAsync as NonNullable<FoundationModel["forwardAsync"]>)(x);
    const a = tokensOf(await fwd(m));
    const b = tokensOf(await fwd(mem));
    expect(maxAbsDiff(a, b)).toBeLessThan(1e-6);
    x.dispose();
    m.dispose();
    mem.dispose();
  });
});

describe("choosing the extractor", () => {
  test("LOFFTA_EXTRACTOR is tfjs | onnx | auto; anything else is a typed error", () => {
    expect(extractorFromEnv({ LOFFTA_EXTRACTOR: "ONNX" })).toBe("onnx");
    expect(extractorFromEnv({ LOFFTA_EXTRACTOR: "tfjs" })).toBe("tfjs");
    expect(() => extractorFromEnv({ LOFFTA_EXTRACTOR: "torch" })).toThrow(ExtractorSettingError);
    expect(() => extractorFromEnv({ LOFFTA_EXTRACTOR: "torch" })).toThrow(/LOFFTA_EXTRACTOR must be one of tfjs, onnx, auto/);
  });

  test("a TF.js model: onnx is an OnnxExtractorError naming the supported families; auto uses tfjs", async () => {
    const dir = path.join(tmp, "tfjs-model");
    const net = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [16, 16, 3], filters: 4, kernelSize: 4, strides: 4, name: "feat" })] });
    await net.save(tf.io.withSaveHandler(async (art) => {
      await fsp.mkdir(dir, { recursive: true });
      const weights = Buffer.from(art.weightData as ArrayBuffer);
      await fsp.writeFile(path.join(dir, "weights.bin"), weights);
      await fsp.writeFile(path.join(dir, "model.json"), JSON.stringify({ format: "layers-model", modelTopology: art.modelTopology, weightsManifest: [{ paths: ["weights.bin"], weights: art.weightSpecs }] }));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }));
    net.dispose();
    const opts = { path: path.join(dir, "model.json"), family: "tfjs" as const, tfjsLayer: "feat", imageSize: 16, hash: false };
    const err = await loadExtractorModel(opts, { extractor: "onnx", onnxCacheDir: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OnnxExtractorError);
    expect((err as OnnxExtractorError).problem).toBe("unsupported-family");
    expect((err as Error).message).toMatch(/supports the dinov2, vit and clip families, not tfjs: use the tfjs extractor/);
    const auto = await loadExtractorModel(opts, { extractor: "auto", onnxCacheDir: null });
    expect(auto.extractor).toBe("tfjs");
    expect(auto.forwardAsync).toBeUndefined();
    auto.dispose();
  });
});
