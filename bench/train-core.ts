/**
 * Benchmark: DeiT-S LOFF-TA training steps on 16×16×768 tokens (ViT-B/14 at 224) at batch 32,
 * accumulated over micro-batches of 8 exactly as core/train.ts does (trainStep), in one run:
 *   - tfjs, the classifier's hand-written backward pass (core/model/vit-grad.ts, what training uses),
 *   - tfjs, the same forward differentiated by tfjs's tape (tf.variableGrads: the code before),
 *   - PyTorch CPU (bench/torch_train_step.py; `.venv-bench` is created when torch is missing),
 * each in its own child process (honest peak RSS), one after the other.
 * Writes bench/results/train-core.json. Usage: npm run bench:train-core [-- --steps N --micro M]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../apps/worker/src/core/backend";
import { buildClassifier } from "../apps/worker/src/core/model/vit";
import type { Classifier } from "../apps/worker/src/core/model/vit";
import { createAdamW } from "../apps/worker/src/core/optim/adamw";
import { createMemoryProbe, smoothedTargets, trainStep } from "../apps/worker/src/core/train";
import { ensureBenchPython } from "./python-env";
import { matMulFlops, stepMatMuls } from "./step-matmuls";

const arg = (name: string, def: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const STEPS = Number(arg("steps", "3"));
const WARMUP = 1;
const BATCH = 32;
const MICRO = Number(arg("micro", "8"));
const H = 16;
const W = 16;
const D = 768;
const C = 10;

/** The matrix products of one step (the same list for the PyTorch side). */
const MATMULS = stepMatMuls({ micro: MICRO, microBatches: BATCH / MICRO, tokens: H * W, inDim: D, width: 384, depth: 12, heads: 6 });

/** The step's matrix products alone (no other op), as tfjs-node runs them: prints one JSON line. */
async function matmulsChild(): Promise<void> {
  const info = await initBackend();
  const operand = (b: number, rows: number, cols: number, t: boolean): tf.Tensor => {
    const shape = t ? [cols, rows] : [rows, cols];
    return tf.randomNormal(b === 1 ? shape : [b, ...shape], 0, 1, "float32", 1);
  };
  const ops = MATMULS.map((s) => ({ a: operand(s.batch, s.m, s.k, s.ta), b: operand(s.batch, s.k, s.n, s.tb), s }));
  const times: number[] = [];
  for (let i = 0; i < WARMUP + STEPS; i++) {
    const t = performance.now();
    for (const { a, b, s } of ops) {
      for (let r = 0; r < s.times; r++) tf.matMul(a, b, s.ta, s.tb).dispose();
    }
    if (i >= WARMUP) times.push(performance.now() - t);
  }
  const stepMs = times.reduce((x, y) => x + y, 0) / times.length;
  process.stdout.write(JSON.stringify({ backend: info.backend, stepMs, stepsMs: times }) + "\n");
}

/** One variant in this process: prints one JSON line. */
async function child(mode: "manual" | "autodiff"): Promise<void> {
  const info = await initBackend();
  const rssAfterInit = process.memoryUsage().rss;
  const built = buildClassifier({ preset: "deit-s", inDim: D, grid: { h: H, w: W }, numClasses: C, useCachedCls: false, hasCls: true, seed: 0 });
  // autodiff: the same model without its lossAndGrads, so trainStep uses tf.variableGrads.
  const model: Classifier = mode === "manual" ? built : { ...built, lossAndGrads: undefined };
  const opt = createAdamW(model.params, model.decayed, { betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.05 });
  const grid = tf.randomNormal([BATCH, H, W, D], 0, 1, "float32", 1) as tf.Tensor4D;
  const targets = smoothedTargets(Int32Array.from({ length: BATCH }, (_, i) => i % C), C, 0.1);
  const rssAfterModel = process.memoryUsage().rss;
  const probe = createMemoryProbe();
  const times: number[] = [];
  for (let i = 0; i < WARMUP + STEPS; i++) {
    const t = performance.now();
    trainStep(model, opt, { grid, targets }, { microBatch: MICRO, lr: 5e-4, gradClip: 1, probe });
    if (i >= WARMUP) times.push(performance.now() - t);
    process.stderr.write(`tfjs ${mode} step ${i + 1}/${WARMUP + STEPS}: ${(performance.now() - t).toFixed(0)} ms\n`);
  }
  const stepMs = times.reduce((a, b) => a + b, 0) / times.length;
  const out = {
    backend: info.backend,
    device: info.device,
    gradients: mode === "manual" ? "hand-written backward (core/model/vit-grad.ts)" : "tf.variableGrads (tfjs tape)",
    stepMs,
    stepsMs: times,
    imagesPerSec: (BATCH * 1000) / stepMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    /** Node + TensorFlow runtime, before the model exists. */
    rssAfterInitBytes: rssAfterInit,
    /** + parameters, AdamW moments and the input batch. */
    rssAfterModelBytes: rssAfterModel,
    /** tf.memory() at the step's peak (all activations kept for the backward pass alive). */
    peakTfBytes: probe.peakTf,
    params: model.numParams,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}

function runChild(cmd: string, args: string[], input?: string): { result: Record<string, unknown> | null; error: string | null } {
  const r = spawnSync(cmd, args, { encoding: "utf8", stdio: [input === undefined ? "ignore" : "pipe", "pipe", "inherit"], input, maxBuffer: 1 << 24 });
  if (r.status === 0) return { result: JSON.parse(r.stdout.trim().split("\n").pop() as string) as Record<string, unknown>, error: null };
  return { result: null, error: (r.error?.message ?? `exited with ${r.status ?? r.signal}`).trim() };
}

async function main(): Promise<void> {
  const mode = arg("child", "");
  if (mode === "manual" || mode === "autodiff") return child(mode);
  if (mode === "matmuls") return matmulsChild();
  const loadBefore = os.loadavg();
  const self = [path.join(__dirname, "..", "node_modules", "tsx", "dist", "cli.mjs"), __filename, "--steps", String(STEPS), "--micro", String(MICRO)];
  const manual = runChild(process.execPath, [...self, "--child", "manual"]);
  const autodiff = runChild(process.execPath, [...self, "--child", "autodiff"]);
  const matmuls = runChild(process.execPath, [...self, "--child", "matmuls"]);
  let torch: Record<string, unknown> | null = null;
  let torchError: string | null = null;
  let torchMatmuls: Record<string, unknown> | null = null;
  try {
    const py = ensureBenchPython({ modules: ["torch"], packages: ["torch"] });
    const r = runChild(py, [path.join(__dirname, "torch_train_step.py"), "--batch", String(BATCH), "--micro", String(MICRO), "--steps", String(STEPS), "--warmup", String(WARMUP)]);
    torch = r.result;
    torchError = r.error;
    const m = runChild(py, [path.join(__dirname, "torch_matmuls.py"), "--steps", String(STEPS), "--warmup", String(WARMUP)], JSON.stringify(MATMULS));
    torchMatmuls = m.result;
    torchError ??= m.error;
  } catch (e) {
    torchError = e instanceof Error ? e.message : String(e);
  }
  const ms = (r: Record<string, unknown> | null) => (r ? (r.stepMs as number) : null);
  const split = (step: number | null, products: number | null) =>
    step !== null && products !== null ? { stepMs: step, matmulsMs: products, otherMs: step - products, matmulGflops: (2 * matMulFlops(MATMULS)) / (products * 1e6) } : null;
  const tfjs = manual.result;
  const ratio = (a: Record<string, unknown> | null, b: Record<string, unknown> | null, k: string): number | null =>
    a && b ? (a[k] as number) / (b[k] as number) : null;
  const result = {
    benchmark: "train-core",
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      totalMemBytes: os.totalmem(),
      loadAvgBefore: loadBefore,
      loadAvgAfter: os.loadavg(),
    },
    setup: {
      preset: "deit-s",
      tokens: `${H}x${W}x${D} (+CLS)`,
      batch: BATCH,
      microBatch: MICRO,
      steps: STEPS,
      warmupSteps: WARMUP,
      optimizer: "adamw",
      gradClip: 1,
    },
    tfjs,
    tfjsError: manual.error,
    tfjsAutodiff: autodiff.result,
    tfjsAutodiffError: autodiff.error,
    torch,
    torchError,
    /** The step split into its matrix products (timed alone, bench/step-matmuls.ts) and the rest. */
    stepSplit: {
      tfjs: split(ms(tfjs), ms(matmuls.result)),
      torch: split(ms(torch), ms(torchMatmuls)),
      matmulsTfjsOverTorch: ratio(matmuls.result, torchMatmuls, "stepMs"),
      matmulsError: matmuls.error,
      multiplyAddsPerStep: matMulFlops(MATMULS),
    },
    tfjsOverTorchTime: ratio(tfjs, torch, "stepMs"),
    tfjsOverTorchMemory: ratio(tfjs, torch, "peakRssBytes"),
    autodiffOverManualTime: ratio(autodiff.result, tfjs, "stepMs"),
    autodiffOverManualMemory: ratio(autodiff.result, tfjs, "peakRssBytes"),
    targets: { tfjsOverTorchTime: 1.1, tfjsPeakRssBytes: 2.5e9 },
  };
  mkdirSync(path.join(__dirname, "results"), { recursive: true });
  writeFileSync(path.join(__dirname, "results", "train-core.json"), JSON.stringify(result, null, 2) + "\n");
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
