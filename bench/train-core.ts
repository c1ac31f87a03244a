/**
 * Benchmark: DeiT-S LOFF-TA training steps on 16×16×768 tokens (ViT-B/14 at 224) at batch 32,
 * accumulated over micro-batches of 8 exactly as core/train.ts does (trainStep), against the same
 * step in PyTorch CPU (bench/torch_train_step.py) when torch is importable.
 * Writes bench/results/train-core.json. Usage: npm run bench:train-core [-- --steps N]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../apps/worker/src/core/backend";
import { buildClassifier } from "../apps/worker/src/core/model/vit";
import { createAdamW } from "../apps/worker/src/core/optim/adamw";
import { createMemoryProbe, smoothedTargets, trainStep } from "../apps/worker/src/core/train";

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const STEPS = arg("steps", 3);
const WARMUP = 1;
const BATCH = 32;
const MICRO = arg("micro", 8);
const H = 16;
const W = 16;
const D = 768;
const C = 10;

async function main(): Promise<void> {
  const info = await initBackend();
  const model = buildClassifier({
    preset: "deit-s",
    inDim: D,
    grid: { h: H, w: W },
    numClasses: C,
    useCachedCls: false,
    hasCls: true,
    seed: 0,
  });
  const opt = createAdamW(model.params, model.decayed, { betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.05 });
  const grid = tf.randomNormal([BATCH, H, W, D], 0, 1, "float32", 1) as tf.Tensor4D;
  const targets = smoothedTargets(
    Int32Array.from({ length: BATCH }, (_, i) => i % C),
    C,
    0.1,
  );
  const probe = createMemoryProbe();
  const times: number[] = [];
  for (let i = 0; i < WARMUP + STEPS; i++) {
    const t = performance.now();
    trainStep(model, opt, { grid, targets }, { microBatch: MICRO, lr: 5e-4, gradClip: 1, probe });
    if (i >= WARMUP) times.push(performance.now() - t);
    process.stderr.write(`tfjs step ${i + 1}/${WARMUP + STEPS}: ${(performance.now() - t).toFixed(0)} ms\n`);
  }
  const stepMs = times.reduce((a, b) => a + b, 0) / times.length;
  const tfjs = {
    backend: info.backend,
    device: info.device,
    stepMs,
    imagesPerSec: (BATCH * 1000) / stepMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    peakTfBytes: probe.peakTf,
    params: model.numParams,
  };
  let torch: Record<string, unknown> | null = null;
  let torchError: string | null = null;
  const py = spawnSync(
    "python3",
    [
      path.join(__dirname, "torch_train_step.py"),
      "--batch",
      String(BATCH),
      "--micro",
      String(MICRO),
      "--steps",
      String(STEPS),
      "--warmup",
      String(WARMUP),
    ],
    { encoding: "utf8" },
  );
  if (py.status === 0)
    torch = JSON.parse(py.stdout.trim().split("\n").pop() as string) as Record<string, unknown>;
  else torchError = (py.stderr || py.error?.message || "python3 failed").trim().split("\n").pop() ?? null;
  const result = {
    benchmark: "train-core",
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      totalMemBytes: os.totalmem(),
      loadAvg1mAtEnd: os.loadavg()[0],
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
    torch,
    torchError,
    tfjsOverTorchTime: torch ? stepMs / (torch.stepMs as number) : null,
    tfjsOverTorchMemory: torch ? tfjs.peakRssBytes / (torch.peakRssBytes as number) : null,
    targets: { tfjsOverTorchTime: 1.3, tfjsOverTorchMemory: 2 },
  };
  mkdirSync(path.join(__dirname, "results"), { recursive: true });
  writeFileSync(path.join(__dirname, "results", "train-core.json"), JSON.stringify(result, null, 2) + "\n");
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
