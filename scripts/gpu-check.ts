/**
 * `npm run gpu:check`: does this machine train on its GPU, and does the GPU compute what the CPU
 * computes? On a GPU worker (tfjs-node-gpu installed by scripts/install-gpu.sh, or the
 * deploy/worker-gpu.Dockerfile image):
 *
 *   1. device   LOFFTA_TF_BACKEND=gpu's own start-up check (core/backend.ts): tfjs-node-gpu loads
 *               and TensorFlow lists a GPU, else it stops here naming what is missing (the
 *               package, the driver, CUDA / cuDNN, a visible device), exit 1, no file written;
 *   2. extract  one extraction batch: 8 random images of 224² through a random-weight DINOv2
 *               ViT-S/14 (baselines/random-model.ts, the tfjs extractor the worker uses);
 *   3. train    one LOFF-TA optimizer step: the DeiT-S classifier on 32 synthetic 16×16×384 token
 *               grids (core/testing/synthetic.ts), micro-batches of 8, AdamW (core/step.ts);
 *   4. compare  the same two on the CPU backend (tfjs-node) in a child process — tfjs-node and
 *               tfjs-node-gpu both register the backend "tensorflow" on the one tfjs engine, so
 *               they cannot share a process — against TOLERANCE below, with timings (first call:
 *               kernel selection and PTX JIT included; warm: the second call).
 *
 * Prints the result as JSON and writes it to bench/results/gpu-check.json (once a GPU was found).
 * Exit 0 when every comparison is within tolerance. `NVIDIA_TF32_OVERRIDE=0 npm run gpu:check`
 * compares strict FP32 (TensorFlow uses TF32 for matrix products on Ampere and newer by default,
 * as training does).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { writeRandomDinov2, DINOV2_SHAPES } from "../apps/worker/src/baselines/random-model";
import { GpuBackendError, initBackend, type BackendInfo } from "../apps/worker/src/core/backend";
import { buildClassifier } from "../apps/worker/src/core/model/vit";
import { createAdamW } from "../apps/worker/src/core/optim/adamw";
import { makeBars } from "../apps/worker/src/core/testing/synthetic";
import { createMemoryProbe, smoothedTargets, trainStep } from "../apps/worker/src/core/train";
import { loadExtractorModel } from "../apps/worker/src/extract/extractor";

const ROOT = path.resolve(__dirname, "..");
const RESULT_FILE = path.join(ROOT, "bench", "results", "gpu-check.json");

const EXTRACT = { batch: 8, imageSize: 224, model: "vit-s14" as const };
const TRAIN = { batch: 32, microBatch: 8, h: 16, w: 16, d: 384, classes: 2, lr: 5e-4, gradClip: 1 };

/**
 * How far the GPU may be from the CPU. TF32 matrix products (TensorFlow's default on Ampere and
 * newer) keep 10 mantissa bits, ~5e-4 relative error per product, compounding over ViT-S's 12
 * blocks to ~1e-3 on the features; a wrong kernel or a lost transfer is off by O(1). AdamW's
 * first update is ~lr·sign(g), so a gradient near 0 may flip its sign between devices: the update
 * is compared by direction (cosine), not element by element.
 */
const TOLERANCE = {
  /** ‖gpu − cpu‖₂ / ‖cpu‖₂ of the extracted token grid. */
  featuresRelL2: 1e-2,
  /** |gpu − cpu| / |cpu| of the step's loss and of its pre-clip gradient norm. */
  lossRel: 5e-3,
  gradNormRel: 1e-2,
  /** Lowest cosine similarity between the two parameter updates. */
  updateCosine: 0.98,
};

interface Timing {
  firstMs: number;
  warmMs: number;
}

/** What one backend computed: scalars here, the big arrays in `dir` (read by the parent). */
interface SideResult {
  backend: string;
  device: string;
  package: string;
  extract: Timing;
  train: Timing & { loss: number; gradNorm: number; peakTfBytes: number };
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

async function timedAsync<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

/** Run the batch and the step on the backend already initialised; arrays go to `dir/<side>-*.f32`. */
async function runSide(b: BackendInfo, side: "gpu" | "cpu", dir: string): Promise<SideResult> {
  // The weights are written once by the parent; both sides read the same files.
  const model = await loadExtractorModel({ path: path.join(dir, "dinov2"), family: "dinov2", hash: false }, { extractor: "tfjs", log: () => undefined });
  // tf.randomNormal with a seed draws in JavaScript (tfjs-core's MPRandGauss): the same pixels on every backend.
  const pixels = tf.randomNormal([EXTRACT.batch, EXTRACT.imageSize, EXTRACT.imageSize, 3], 0, 1, "float32", 7) as tf.Tensor4D;
  const extractOnce = async (): Promise<Float32Array> => {
    const { cls, grid } = model.forwardAsync ? await model.forwardAsync(pixels) : model.forward(pixels);
    const out = (await grid.data()) as Float32Array; // waits for the device: the timing is the whole batch
    tf.dispose([cls, grid]);
    return out;
  };
  const [features, extractFirst] = await timedAsync(extractOnce);
  const [, extractWarm] = await timedAsync(extractOnce);
  fs.writeFileSync(path.join(dir, `${side}-features.f32`), Buffer.from(features.buffer, features.byteOffset, features.byteLength));
  pixels.dispose();
  model.dispose();

  const { tokens, labels } = makeBars({ n: TRAIN.batch, h: TRAIN.h, w: TRAIN.w, d: TRAIN.d, seed: 1, hasCls: false, task: "swap" });
  const grid = tf.tensor4d(tokens, [TRAIN.batch, TRAIN.h, TRAIN.w, TRAIN.d]);
  const targets = smoothedTargets(labels, TRAIN.classes, 0.1);
  const clf = buildClassifier({ preset: "deit-s", inDim: TRAIN.d, grid: { h: TRAIN.h, w: TRAIN.w }, numClasses: TRAIN.classes, useCachedCls: false, hasCls: false, seed: 0 });
  const opt = createAdamW(clf.params, clf.decayed, { betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.05 });
  const snapshot = (): Float32Array => {
    const parts = [...clf.params.values()].map((v) => v.dataSync() as Float32Array);
    const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  const before = snapshot();
  const probe = createMemoryProbe();
  const stepOnce = () => trainStep(clf, opt, { grid, targets }, { microBatch: TRAIN.microBatch, lr: TRAIN.lr, gradClip: TRAIN.gradClip, probe });
  // trainStep reads its loss back (dataSync) but not the update: read one parameter to wait for it.
  const [step, trainFirst] = timed(() => {
    const r = stepOnce();
    clf.params.values().next().value?.dataSync();
    return r;
  });
  const after = snapshot();
  for (let i = 0; i < after.length; i++) after[i] -= before[i];
  fs.writeFileSync(path.join(dir, `${side}-update.f32`), Buffer.from(after.buffer));
  const [, trainWarm] = timed(() => {
    stepOnce();
    clf.params.values().next().value?.dataSync();
  });
  tf.dispose([grid, targets]);
  opt.dispose();
  clf.dispose();
  return {
    backend: b.backend,
    device: b.device,
    package: b.package,
    extract: { firstMs: extractFirst, warmMs: extractWarm },
    train: { firstMs: trainFirst, warmMs: trainWarm, loss: step.loss, gradNorm: step.gradNorm, peakTfBytes: probe.peakTf },
  };
}

function readF32(file: string): Float32Array {
  const b = fs.readFileSync(file);
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

function relL2(a: Float32Array, ref: Float32Array): number {
  let d = 0;
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    d += (a[i] - ref[i]) ** 2;
    n += ref[i] ** 2;
  }
  return Math.sqrt(d / n);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return ab / Math.sqrt(aa * bb);
}

const relDiff = (a: number, ref: number): number => Math.abs(a - ref) / Math.abs(ref);
const round = (x: number, digits = 6): number => Number(x.toPrecision(digits));

/** The CPU reference: tfjs-node only, in this child process. Prints its SideResult as one JSON line. */
async function cpuChild(dir: string): Promise<void> {
  const b = await initBackend({ prefer: "native-cpu" });
  const r = await runSide(b, "cpu", dir);
  process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
}

function fail(result: Record<string, unknown>, message: string, write: boolean): never {
  const out = { ...result, ok: false, error: message };
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  if (write) writeResult(out);
  process.stderr.write(`gpu:check FAILED: ${message}\n`);
  process.exit(1);
}

function writeResult(r: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
  fs.writeFileSync(RESULT_FILE, JSON.stringify(r, null, 2) + "\n");
}

async function main(): Promise<void> {
  // The check reads only its own temporary files, whatever storage roots this worker has.
  delete process.env.LOFFTA_STORAGE_ROOTS;
  const childAt = process.argv.indexOf("--cpu-child");
  if (childAt >= 0) return cpuChild(process.argv[childAt + 1]);

  const base: Record<string, unknown> = {
    check: "gpu-check",
    date: new Date().toISOString(),
    host: os.hostname(),
    tolerance: TOLERANCE,
    tf32: process.env.NVIDIA_TF32_OVERRIDE === "0" ? "off (NVIDIA_TF32_OVERRIDE=0)" : "TensorFlow's default (on for Ampere and newer GPUs)",
  };
  let gpuBackend: BackendInfo;
  try {
    gpuBackend = await initBackend({ prefer: "gpu" });
  } catch (e) {
    // No GPU: nothing measured, so no result file (a CPU machine must not overwrite a GPU's result).
    const missing = e instanceof GpuBackendError ? e.missing : "unknown";
    fail({ ...base, stage: "device", missing }, (e as Error).message, false);
  }
  const binding = (tf.backend() as { binding?: { TF_Version?: unknown } }).binding;
  const device = {
    backend: gpuBackend.backend,
    device: gpuBackend.device,
    package: gpuBackend.package,
    gpu: gpuBackend.gpu ?? null,
    tensorflowVersion: typeof binding?.TF_Version === "string" ? binding.TF_Version : null,
  };
  process.stderr.write(`gpu:check: ${device.device}\n`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loffta-gpu-check-"));
  try {
    await writeRandomDinov2(path.join(dir, "dinov2"), DINOV2_SHAPES[EXTRACT.model], 1);
    process.stderr.write("gpu:check: extraction batch and training step on the GPU…\n");
    const gpu = await runSide(gpuBackend, "gpu", dir);
    process.stderr.write("gpu:check: the same on the CPU (tfjs-node, child process)…\n");
    const child = spawnSync(process.execPath, ["--import", "tsx", __filename, "--cpu-child", dir], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      // The reference must not touch the GPU, whatever this shell exports.
      env: { ...process.env, LOFFTA_TF_BACKEND: "auto", CUDA_VISIBLE_DEVICES: "" },
      maxBuffer: 1 << 24,
    });
    const line = child.stdout?.split("\n").find((l) => l.startsWith("RESULT "));
    if (child.status !== 0 || !line)
      fail({ ...base, stage: "cpu-reference", device, gpuSide: gpu }, `the CPU reference (tfjs-node) failed: exit ${child.status ?? child.signal}`, true);
    const cpu = JSON.parse(line.slice("RESULT ".length)) as SideResult;

    const fg = readF32(path.join(dir, "gpu-features.f32"));
    const fc = readF32(path.join(dir, "cpu-features.f32"));
    const ug = readF32(path.join(dir, "gpu-update.f32"));
    const uc = readF32(path.join(dir, "cpu-update.f32"));
    const features = { relL2: relL2(fg, fc), maxAbsDiff: maxAbsDiff(fg, fc) };
    const step = { lossRel: relDiff(gpu.train.loss, cpu.train.loss), gradNormRel: relDiff(gpu.train.gradNorm, cpu.train.gradNorm), updateCosine: cosine(ug, uc) };
    const extractOk = fg.length === fc.length && features.relL2 <= TOLERANCE.featuresRelL2;
    const trainOk =
      ug.length === uc.length &&
      step.lossRel <= TOLERANCE.lossRel &&
      step.gradNormRel <= TOLERANCE.gradNormRel &&
      step.updateCosine >= TOLERANCE.updateCosine;
    const result = {
      ...base,
      ok: extractOk && trainOk,
      device,
      extraction: {
        what: `random-weight DINOv2 ${EXTRACT.model}, ${EXTRACT.batch} images of ${EXTRACT.imageSize}², tfjs extractor`,
        gpu: gpu.extract,
        cpu: cpu.extract,
        speedupWarm: round(cpu.extract.warmMs / gpu.extract.warmMs, 3),
        relL2: round(features.relL2),
        maxAbsDiff: round(features.maxAbsDiff),
        ok: extractOk,
      },
      trainStep: {
        what: `DeiT-S on ${TRAIN.batch} token grids of ${TRAIN.h}×${TRAIN.w}×${TRAIN.d}, micro-batch ${TRAIN.microBatch}, AdamW lr ${TRAIN.lr}`,
        gpu: gpu.train,
        cpu: cpu.train,
        speedupWarm: round(cpu.train.warmMs / gpu.train.warmMs, 3),
        lossRel: round(step.lossRel),
        gradNormRel: round(step.gradNormRel),
        updateCosine: round(step.updateCosine),
        ok: trainOk,
      },
      cpuReference: { backend: cpu.backend, device: cpu.device, package: cpu.package },
    };
    writeResult(result);
    process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    if (!result.ok) {
      process.stderr.write(`gpu:check FAILED: the GPU's results differ from the CPU's beyond the tolerance (${path.relative(ROOT, RESULT_FILE)})\n`);
      process.exit(1);
    }
    process.stderr.write(`gpu:check ok: ${path.relative(ROOT, RESULT_FILE)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`gpu:check: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
