import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import * as tf from "@tensorflow/tfjs";
import { resolveRunConfig } from "@loffta/graphql/run-config";
import type { RunConfigInput } from "@loffta/graphql/run-config";
import { initBackend } from "../core/backend";
import { smoothedTargets } from "../core/step";
import { loadFoundationModel } from "../extract/foundation";
import type { FoundationModel } from "../extract/foundation";
import { calibrateFineTuning, measureCacheTraining } from "./calibrate";
import { buildImageClassifier, loadBackbone } from "./finetune-model";
import type { BaselineKind } from "./kinds";
import { measureInChild } from "./measure";
import { trainOnImages } from "./train-images";

const FIXTURE = path.resolve(__dirname, "../../fixtures/reference/dinov2");
const SIZE = 28;

let native = false;
let model: FoundationModel;
let data: string;

/** 2 classes: solid colour vs. horizontal black/colour stripes (period 4 px), train + val. */
async function writeDataset(root: string, perClass: { train: number; val: number }): Promise<void> {
  let s = 12345;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  for (const [split, n] of Object.entries(perClass)) {
    for (const cls of ["solid", "striped"]) {
      const dir = path.join(root, split, cls);
      await fsp.mkdir(dir, { recursive: true });
      for (let i = 0; i < n; i++) {
        const col = [40 + rnd() * 215, 40 + rnd() * 215, 40 + rnd() * 215];
        const buf = Buffer.alloc(SIZE * SIZE * 3);
        for (let y = 0; y < SIZE; y++)
          for (let x = 0; x < SIZE; x++)
            for (let c = 0; c < 3; c++) buf[(y * SIZE + x) * 3 + c] = cls === "striped" && y % 4 < 2 ? 0 : col[c];
        await sharp(buf, { raw: { width: SIZE, height: SIZE, channels: 3 } }).png().toFile(path.join(dir, `${i}.png`));
      }
    }
  }
}

/** The effective config of a run of `kind` (as the API stores it: the kind's policy applied). */
const config = (kind: BaselineKind, over: RunConfigInput) =>
  resolveRunConfig(kind, {
    classifier: { preset: "linear" },
    optimizer: { lr: 1e-2, weightDecay: 0 },
    schedule: { warmupSteps: 2 },
    labelSmoothing: 0.1,
    earlyStopping: { enabled: false },
    batchSize: 16,
    microBatch: 8,
    ...over,
  });

const NO_IMAGE_AUG = { resizedCrop: { enabled: false }, hflip: { enabled: false } };

beforeAll(async () => {
  native = (await initBackend({ quiet: true })).backend === "tensorflow";
  model = await loadFoundationModel({ path: FIXTURE, hash: false });
  data = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-baselines-"));
  await writeDataset(data, { train: 24, val: 8 });
});
afterAll(async () => {
  model?.dispose();
  if (data) await fsp.rm(data, { recursive: true, force: true });
});

/** A fixed normalised input batch. */
const probeInput = (n = 2): tf.Tensor4D => tf.randomUniform([n, SIZE, SIZE, 3], -1.5, 1.5, "float32", 3) as tf.Tensor4D;

describe("image baselines", () => {
  it("FROZEN_LINEAR learns the separable dataset and leaves the backbone bit-identical", async () => {
    const x = probeInput();
    const before = tf.tidy(() => model.forward(x).cls.dataSync().slice());
    const tensorsBefore = tf.memory().numTensors;
    const s = await trainOnImages({ model, data, kind: "FROZEN_LINEAR", config: config("FROZEN_LINEAR", { epochs: 8 }), imageSize: SIZE });
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    const after = tf.tidy(() => model.forward(x).cls.dataSync().slice());
    x.dispose();
    expect(Buffer.from(after.buffer).equals(Buffer.from(before.buffer))).toBe(true);
    expect(s.kind).toBe("FROZEN_LINEAR");
    expect(s.epochsRun).toBe(8);
    expect(s.steps).toBe(8 * 3);
    expect(s.numParams).toBe(model.dim * 2 + 2);
    expect(s.finalMetrics?.count).toBe(16);
    if (native) expect(s.finalMetrics?.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(s.imagesPerSec).toBeGreaterThan(0);
    expect(s.peakRssBytes).toBeGreaterThan(0);
    expect(s.peakTfBytes).toBeGreaterThan(0);
    expect(s.cancelled).toBe(false);
  }, 60000);

  it("UNFROZEN_LINEAR changes the backbone weights and its loss decreases", async () => {
    const src = await loadBackbone(model);
    const qkv0 = src.p.blocks[0].qkv.w.dataSync().slice() as Float32Array;
    const patch0 = src.p.patch.w.dataSync().slice() as Float32Array;
    src.dispose();
    const losses: number[] = [];
    let qkv1: Float32Array | null = null;
    let patch1: Float32Array | null = null;
    let micro = 0;
    const s = await trainOnImages({
      model,
      data,
      kind: "UNFROZEN_LINEAR",
      config: config("UNFROZEN_LINEAR", { epochs: 6, optimizer: { lr: 2e-3, weightDecay: 0.05 }, batchSize: 16, microBatch: 16, imageAugmentations: NO_IMAGE_AUG }),
      imageSize: SIZE,
      onStep: (st) => losses.push(st.loss),
      onTrained: (clf) => {
        qkv1 = (clf.backbone.get("blocks.0.attn.qkv.weight") as tf.Variable).dataSync().slice() as Float32Array;
        patch1 = (clf.backbone.get("patch_embed.weight") as tf.Variable).dataSync().slice() as Float32Array;
      },
    });
    micro = s.microBatch;
    expect(micro).toBe(8); // capped for fine-tuning (RUN_KINDS.UNFROZEN_LINEAR.maxMicroBatch, by resolveRunConfig)
    expect(qkv1).not.toBeNull();
    const maxDiff = (a: Float32Array, b: Float32Array): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
    expect(maxDiff(qkv0, qkv1 as unknown as Float32Array)).toBeGreaterThan(1e-4);
    expect(maxDiff(patch0, patch1 as unknown as Float32Array)).toBeGreaterThan(1e-4);
    expect(s.numParams).toBeGreaterThan(model.dim * 2 + 2);
    const mean = (a: number[]): number => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(losses.slice(-3))).toBeLessThan(mean(losses.slice(0, 3)) - 0.05);
    expect(s.finalMetrics).not.toBeNull();
  }, 60000);

  it("UNFROZEN_LINEAR fine-tunes a TF.js layers model (any backbone) and calibrates it in a child process", async () => {
    if (!native) return; // saving a layers model to file:// needs tfjs-node
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-tfjs-"));
    try {
      const net = tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 8, kernelSize: 3, strides: 2, activation: "relu", name: "stem", seed: 1 } as never),
          tf.layers.batchNormalization({ name: "bn" }),
          tf.layers.conv2d({ filters: 12, kernelSize: 3, strides: 2, activation: "relu", name: "feat" }),
          tf.layers.globalAveragePooling2d({}),
          tf.layers.dense({ units: 3, name: "logits" }),
        ],
      });
      await net.save(`file://${dir}`);
      const stem0 = (net.getLayer("stem").getWeights()[0].dataSync() as Float32Array).slice();
      net.dispose();
      const tfjsModel = await loadFoundationModel({ path: path.join(dir, "model.json"), family: "tfjs", tfjsLayer: "feat", imageSize: SIZE, hash: false });
      try {
        expect(tfjsModel.dim).toBe(12);
        const losses: number[] = [];
        let stem1: Float32Array | null = null;
        const s = await trainOnImages({
          model: tfjsModel,
          data,
          kind: "UNFROZEN_LINEAR",
          config: config("UNFROZEN_LINEAR", { epochs: 6, optimizer: { lr: 5e-3, weightDecay: 0 }, batchSize: 16, microBatch: 8, imageAugmentations: NO_IMAGE_AUG }),
          imageSize: SIZE,
          onStep: (st) => losses.push(st.loss),
          onTrained: (clf) => {
            const k = [...clf.backbone.keys()].find((n) => n.startsWith("stem") && n.includes("kernel"));
            stem1 = (clf.backbone.get(k!) as tf.Variable).dataSync().slice() as Float32Array;
          },
        });
        expect(stem1).not.toBeNull();
        expect(stem0.some((v, i) => Math.abs(v - stem1![i]) > 1e-5)).toBe(true); // the backbone itself was trained
        const mean = (a: number[]): number => a.reduce((x, y) => x + y, 0) / a.length;
        expect(mean(losses.slice(-3))).toBeLessThan(mean(losses.slice(0, 3)));
        expect(s.numParams).toBeGreaterThan(12 * 2 + 2);
      } finally {
        tfjsModel.dispose();
      }
      const cal = await measureInChild({ kind: "finetune", model: { path: path.join(dir, "model.json"), family: "tfjs", tfjsLayer: "feat", imageSize: SIZE }, imageSize: SIZE, batchSize: 4, steps: 1 });
      expect(cal.imagesPerSec).toBeGreaterThan(0);
      expect(cal.peakRssBytes).toBeGreaterThan(0);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  }, 90000);

  it("fine-tuning gradients match a finite-difference estimate", async () => {
    const clf = await buildImageClassifier(model, { kind: "UNFROZEN_LINEAR", numClasses: 2, imageSize: SIZE, seed: 5 });
    const x = probeInput(4);
    const targets = smoothedTargets(Int32Array.from([0, 1, 1, 0]), 2, 0.1);
    const loss = (): tf.Scalar => tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(clf.forward(x))))) as tf.Scalar;
    try {
      for (const name of ["blocks.0.mlp.fc1.weight", "blocks.1.attn.qkv.weight", "patch_embed.weight"]) {
        const v = clf.backbone.get(name) as tf.Variable;
        const { grads, value } = tf.variableGrads(loss, [v]);
        value.dispose();
        const g = grads[v.name];
        const gNorm = tf.tidy(() => tf.norm(g).dataSync()[0]);
        // Directional derivative along the gradient direction u = g/|g|: dL/dε = |g|.
        const base = v.clone();
        const at = (eps: number): number =>
          tf.tidy(() => {
            v.assign(tf.add(base, tf.mul(g, eps / gNorm)));
            return loss().dataSync()[0];
          });
        const eps = 1e-2;
        const fd = (at(eps) - at(-eps)) / (2 * eps);
        v.assign(base);
        base.dispose();
        g.dispose();
        expect(gNorm).toBeGreaterThan(0);
        expect(Math.abs(fd - gNorm) / gNorm).toBeLessThan(1e-2);
      }
    } finally {
      x.dispose();
      targets.dispose();
      clf.dispose();
    }
  });

  it("calibrateFineTuning returns positive numbers and does not leak tensors", async () => {
    const before = tf.memory().numTensors;
    const r = await calibrateFineTuning({ model, imageSize: SIZE, batchSize: 6, microBatch: 4, steps: 3, numClasses: 3 });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.imagesPerSec).toBeGreaterThan(0);
    expect(r.peakRssBytes).toBeGreaterThan(0);
    expect(r.peakTfBytes).toBeGreaterThan(0);
    expect(r.steps).toBe(3);
    expect(r.microBatch).toBe(4);
    expect(r.numTensorsAfterStep).toHaveLength(4);
    expect(new Set(r.numTensorsAfterStep).size).toBe(1);
  });

  it("measureCacheTraining runs LOFF-TA steps on pooled random tokens without leaking", async () => {
    const before = tf.memory().numTensors;
    const r = await measureCacheTraining({ grid: { h: 8, w: 8 }, dim: 16, pool: 2, preset: "tiny", batchSize: 4, microBatch: 2, steps: 2 });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.grid).toEqual({ h: 4, w: 4 });
    expect(r.imagesPerSec).toBeGreaterThan(0);
    expect(new Set(r.numTensorsAfterStep).size).toBe(1);
  });

  it("measureInChild returns the parsed result of a real child process", async () => {
    const r = await measureInChild({ kind: "finetune", model: { path: FIXTURE }, imageSize: SIZE, batchSize: 4, microBatch: 2, steps: 1 }, { timeoutMs: 60000 });
    expect(r.isolated).toBe(true);
    expect(r.kind).toBe("finetune");
    expect(r.imagesPerSec).toBeGreaterThan(0);
    expect(r.processPeakRssBytes).toBeGreaterThan(50e6);
    expect(r.peakRssBytes).toBeGreaterThanOrEqual(r.sampledPeakRssBytes);
    await expect(measureInChild({ kind: "finetune", model: { path: "/nonexistent/model" }, imageSize: SIZE, batchSize: 2 }, { timeoutMs: 60000 })).rejects.toThrow(/does not exist/);
  }, 60000);

  it("an AbortSignal stops training within one step", async () => {
    const ac = new AbortController();
    const steps: number[] = [];
    const s = await trainOnImages({
      model,
      data,
      kind: "UNFROZEN_LINEAR",
      config: config("UNFROZEN_LINEAR", { epochs: 5, batchSize: 4, microBatch: 4 }),
      imageSize: SIZE,
      signal: ac.signal,
      onStep: (st) => {
        steps.push(st.step);
        if (st.step === 2) ac.abort();
      },
    });
    expect(s.cancelled).toBe(true);
    expect(s.steps).toBe(2);
    expect(steps).toEqual([1, 2]);
  });
});
