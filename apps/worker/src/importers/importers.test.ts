/** Importers: balanced seeded ImageFolder subsets of the bundled MNIST packages, and the bundled MobileNetV2. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import * as tf from "@tensorflow/tfjs";
import { loadFoundationModel } from "../extract/foundation";
import { scanDataset } from "@loffta/graphql/dataset-scan";
import { main } from "../cli";
import { BUNDLED_BACKBONE_GRID, BUNDLED_BACKBONE_LAYER, exportBundledBackbone } from "./backbone";
import { classFolder, importDataset, loadClassImages, readImportManifest } from "./mnist";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-import-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function pixels(file: string): Promise<Uint8Array> {
  const meta = await sharp(file).metadata();
  expect([meta.width, meta.height, meta.channels, meta.format]).toEqual([28, 28, 1, "png"]);
  const { data, info } = await sharp(file).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(1);
  return new Uint8Array(data);
}

describe("MNIST-style importers", () => {
  it("writes a balanced, disjoint, seeded Fashion-MNIST subset whose pixels are the package's", async () => {
    const out = path.join(tmp, "fm");
    const r = await importDataset({
      source: "fashion-mnist",
      out,
      perClass: 3,
      testPerClass: 2,
      seed: 5,
      classes: [0, 1, 9],
    });
    expect(r.written).toBe(true);
    expect(r.classes).toEqual(["0_tshirt_top", "1_trouser", "9_ankle_boot"]);
    for (const [split, n] of [
      ["train", 3],
      ["test", 2],
    ] as const)
      for (const c of r.classes)
        expect(fs.readdirSync(path.join(out, split, c)).sort()).toEqual(
          [...Array(n).keys()].map((i) => `${String(i).padStart(5, "0")}.png`),
        );
    // The worker's dataset scanner sees the same classes and splits.
    const items = await scanDataset(out);
    expect(items.labelNames).toEqual(r.classes);
    expect(items.items.filter((i) => i.split === "train")).toHaveLength(9);
    expect(items.items.filter((i) => i.split === "test")).toHaveLength(6);
    const m = readImportManifest(out)!;
    expect(Object.keys(m.files)).toHaveLength(15);
    // Train and test never share a source image; pixels equal the package's raw data.
    const raw = loadClassImages("fashion-mnist", 9);
    const boots = Object.entries(m.files).filter(([, f]) => f.classId === 9);
    expect(new Set(boots.map(([, f]) => f.sourceIndex)).size).toBe(5);
    for (const [rel, f] of boots.slice(0, 3))
      expect(Buffer.from(await pixels(path.join(out, rel))).equals(Buffer.from(raw[f.sourceIndex]))).toBe(
        true,
      );
    // Raw data spot check against the package file itself.
    const pkg = JSON.parse(fs.readFileSync(require.resolve("fashion-mnist/src/clothes/9.json"), "utf8")) as {
      data: number[][];
    };
    const [rel0, f0] = boots[0];
    const px = await pixels(path.join(out, rel0));
    for (const k of [0, 100, 300, 405, 783]) expect(px[k]).toBe(pkg.data[f0.sourceIndex][k]);

    // Idempotent; another seed picks other images; the same seed the same ones.
    const again = await importDataset({
      source: "fashion-mnist",
      out,
      perClass: 3,
      testPerClass: 2,
      seed: 5,
      classes: [0, 1, 9],
    });
    expect(again.written).toBe(false);
    const other = await importDataset({
      source: "fashion-mnist",
      out: path.join(tmp, "fm2"),
      perClass: 3,
      testPerClass: 2,
      seed: 6,
      classes: [0, 1, 9],
    });
    expect(other.manifest.files).not.toEqual(m.files);
    const same = await importDataset({
      source: "fashion-mnist",
      out: path.join(tmp, "fm3"),
      perClass: 3,
      testPerClass: 2,
      seed: 5,
      classes: [0, 1, 9],
    });
    expect(same.manifest.files).toEqual(m.files);
  }, 60_000);

  it("imports MNIST through the CLI (`loffta-worker import`)", async () => {
    const out = path.join(tmp, "mnist");
    const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    let code: number;
    try {
      code = await main([
        "import",
        "--source",
        "mnist",
        "--out",
        out,
        "--per-class",
        "2",
        "--test-per-class",
        "1",
      ]);
    } finally {
      write.mockRestore();
      err.mockRestore();
    }
    expect(code).toBe(0);
    expect(fs.readdirSync(path.join(out, "train")).sort()).toEqual(
      [...Array(10).keys()].map((c) => classFolder("mnist", c)),
    );
    const m = readImportManifest(out)!;
    expect(Object.keys(m.files)).toHaveLength(30);
    const raw = JSON.parse(fs.readFileSync(require.resolve("mnist/src/digits/3.json"), "utf8")) as {
      data: number[];
    };
    const [rel, f] = Object.entries(m.files).find(([, v]) => v.classId === 3)!;
    const px = await pixels(path.join(out, rel));
    for (let k = 0; k < 784; k += 37) expect(px[k]).toBe(Math.round(raw.data[f.sourceIndex * 784 + k] * 255));
    expect(await main(["import", "--source", "cifar", "--out", out, "--per-class", "1"])).toBe(2);
  }, 60_000);
});

describe("bundled MobileNetV2 backbone", () => {
  it("exports a TF.js layers model that loadFoundationModel loads with a 14×14 token grid", async () => {
    const dir = path.join(tmp, "mobilenetv2");
    const r = await exportBundledBackbone(dir);
    expect(r.written).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["model.json", "weights.bin"]);
    expect(r.parameterCount).toBeGreaterThan(2_500_000);
    expect((await exportBundledBackbone(dir)).written).toBe(false);
    const m = await loadFoundationModel({
      path: r.modelJson,
      family: "tfjs",
      tfjsLayer: BUNDLED_BACKBONE_LAYER,
      mean: [0, 0, 0],
      std: [1, 1, 1],
      hash: false,
    });
    try {
      expect(m.gridSize(224, 224)).toEqual({ h: BUNDLED_BACKBONE_GRID.h, w: BUNDLED_BACKBONE_GRID.w });
      expect(m.dim).toBe(BUNDLED_BACKBONE_GRID.dim);
      const out = m.forward(tf.randomUniform([1, 224, 224, 3]) as tf.Tensor4D);
      expect(out.grid.shape).toEqual([1, 14, 14, 576]);
      expect(out.cls.shape).toEqual([1, 576]);
      // Real (non-random) weights: ReLU6 outputs in [0, 6], not all zero.
      const g = out.grid.dataSync();
      expect(Math.max(...g)).toBeLessThanOrEqual(6);
      expect(g.some((v) => v > 0)).toBe(true);
      tf.dispose([out.cls, out.grid]);
    } finally {
      m.dispose();
    }
  }, 60_000);
});
