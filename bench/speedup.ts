/**
 * Benchmark: LOFF-TA (deit-s classifier trained on cached tokens) vs UNFROZEN_LINEAR (full
 * fine-tuning of the foundation model + linear head on images): training images/s and peak
 * memory on this machine, for random-weight DINOv2 ViT-S/14 and ViT-B/14 at 224² (16×16 grid)
 * and 448² (32×32 grid, cached 2×2-pooled to 16×16 as extraction writes a high-resolution cache:
 * LOFF-TA trains on the pooled grid, as a run on that cache does).
 * Every number is measured in its own fresh child process (measureInChild: honest peak RSS),
 * with the same batch for both methods within a setting (each with the largest micro-batch that
 * fits: fine-tuning's is set per setting, LOFF-TA's is the whole batch, and LOFF-TA is also
 * measured at fine-tuning's micro-batch for reference): 1 warm-up step of one
 * micro-batch (not timed), then `steps` timed optimizer steps (gradient accumulation, AdamW,
 * grad clipping). LOFF-TA steps include the default tensor augmentations, not reading the cache
 * (random tokens drawn before the timer, as a run reads shards ahead); fine-tuning steps start
 * from decoded random pixels (drawn before the timer; no image augmentation timed).
 * Writes bench/results/speedup.json. Usage: npm run bench:speedup [-- --steps N --loffta-steps N --only S224,B448]
 * `--batch N` trains the chosen settings at batch N instead (same micro-batches) and writes
 * bench/results/speedup-<settings>-batch<N>.json, leaving speedup.json as it is.
 */
import { mkdirSync, promises as fsp, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DINOV2_SHAPES, writeRandomDinov2 } from "../apps/worker/src/baselines/random-model";
import { measureInChild } from "../apps/worker/src/baselines/measure";
import type { MeasureResult, MeasureSpec } from "../apps/worker/src/baselines/measure";

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const STEPS = Number(arg("steps") ?? 2);
// LOFF-TA's steps are ~10× cheaper: more of them (its mean over 2 steps of 8 images scattered by
// ±25% between identical rows), at a cost of seconds.
const LOFFTA_STEPS = Number(arg("loffta-steps") ?? 6);
const ONLY = arg("only")?.split(",");
const BATCH = arg("batch") === undefined ? undefined : Number(arg("batch"));

interface Setting {
  id: string;
  label: string;
  model: "vit-s14" | "vit-b14";
  imageSize: number;
  pool: number;
  batchSize: number;
  microBatch: number;
}

// Micro-batches bound fine-tuning memory (~0.5 GB per 224² ViT-S image, ~5 GB per 448² ViT-B
// image of saved activations in tfjs): each setting uses the largest that stays under ~10 GB.
// One batch of 8 for every setting (a step's fixed costs, AdamW over the parameters, are shared
// by the same number of images in each row).
const SETTINGS: Setting[] = [
  { id: "S224", label: "ViT-S/14 @ 224² (grid 16×16)", model: "vit-s14", imageSize: 224, pool: 1, batchSize: 8, microBatch: 4 },
  { id: "B224", label: "ViT-B/14 @ 224² (grid 16×16)", model: "vit-b14", imageSize: 224, pool: 1, batchSize: 8, microBatch: 4 },
  { id: "S448", label: "ViT-S/14 @ 448² (grid 32×32, cached 2×2-pooled: 16×16)", model: "vit-s14", imageSize: 448, pool: 2, batchSize: 8, microBatch: 2 },
  { id: "B448", label: "ViT-B/14 @ 448² (grid 32×32, cached 2×2-pooled: 16×16)", model: "vit-b14", imageSize: 448, pool: 2, batchSize: 8, microBatch: 1 },
];

const pick = (r: MeasureResult) => ({
  imagesPerSec: r.imagesPerSec,
  stepMs: r.stepMs,
  peakRssBytes: r.peakRssBytes,
  peakTfBytes: r.peakTfBytes,
  numParams: r.numParams,
  wallMs: r.wallMs,
});

async function measure(spec: MeasureSpec, what: string): Promise<MeasureResult> {
  const load = os.loadavg()[0];
  process.stderr.write(`${what}: measuring (load ${load.toFixed(1)}) … `);
  const r = await measureInChild(spec, { timeoutMs: 600_000 });
  process.stderr.write(`${r.imagesPerSec.toFixed(3)} img/s, peak RSS ${(r.peakRssBytes / 1e9).toFixed(2)} GB, ${(r.wallMs / 1000).toFixed(0)} s\n`);
  return r;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-speedup-"));
  const loadStart = os.loadavg();
  const results: Record<string, unknown>[] = [];
  try {
    const dirs: Partial<Record<Setting["model"], string>> = {};
    for (const setting of SETTINGS) {
      if (ONLY && !ONLY.includes(setting.id)) continue;
      const s = BATCH === undefined ? setting : { ...setting, batchSize: BATCH };
      const shape = DINOV2_SHAPES[s.model];
      dirs[s.model] ??= await writeRandomDinov2(path.join(tmp, s.model), shape);
      const grid = s.imageSize / 14;
      const lofftaSpec = { kind: "cache" as const, grid: { h: grid, w: grid }, dim: shape.dim, pool: s.pool, preset: "deit-s" as const, batchSize: s.batchSize, steps: LOFFTA_STEPS };
      // Micro-batching does not change the update (accumulated gradients = the batch's mean;
      // no batch norm): each method uses the largest micro-batch that fits, which for LOFF-TA
      // (< 2 GB) is the whole batch. Also measured at fine-tuning's micro-batch, for reference.
      const loffta = await measure({ ...lofftaSpec, microBatch: s.batchSize }, `${s.id} LOFF_TA (micro ${s.batchSize})`);
      const lofftaSameMicro = await measure({ ...lofftaSpec, microBatch: s.microBatch }, `${s.id} LOFF_TA (micro ${s.microBatch})`);
      const unfrozen = await measure({ kind: "finetune", model: { path: dirs[s.model] as string }, imageSize: s.imageSize, batchSize: s.batchSize, microBatch: s.microBatch, steps: STEPS }, `${s.id} UNFROZEN_LINEAR`);
      results.push({
        id: s.id,
        setting: s.label,
        foundationModel: `DINOv2 ${s.model.toUpperCase()} shape, random weights (${(unfrozen.numParams / 1e6).toFixed(1)} M trainable params incl. head)`,
        imageSize: s.imageSize,
        cachedGrid: `${grid}×${grid}×${shape.dim} (+CLS)`,
        pool: s.pool,
        classifierGrid: `${grid / s.pool}×${grid / s.pool}`,
        batchSize: s.batchSize,
        microBatch: { loffta: s.batchSize, unfrozen: s.microBatch },
        timedSteps: { loffta: LOFFTA_STEPS, unfrozen: STEPS },
        loffta: pick(loffta),
        lofftaAtUnfrozenMicroBatch: pick(lofftaSameMicro),
        unfrozen: pick(unfrozen),
        speedup: loffta.imagesPerSec / unfrozen.imagesPerSec,
        speedupAtUnfrozenMicroBatch: lofftaSameMicro.imagesPerSec / unfrozen.imagesPerSec,
        memoryRatio: unfrozen.peakRssBytes / loffta.peakRssBytes,
        memoryRatioTfBytes: unfrozen.peakTfBytes / loffta.peakTfBytes,
      });
    }
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
  const out = {
    benchmark: "speedup",
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemBytes: os.totalmem(), loadAvgAtStart: loadStart, loadAvgAtEnd: os.loadavg() },
    method: {
      loffta: "core trainStep of the deit-s classifier (useCachedCls false) on random cached tokens + CLS (drawn before the timer), default RunConfig tensor augmentations (resized crop, hflip, noise) timed; at 448² the cache holds the 2×2-pooled 16×16 grid (pooled at extraction, as extract/job.ts writes it)",
      unfrozen: "UNFROZEN_LINEAR: every backbone tensor a tf.Variable + linear head on the CLS, core trainStep on random normalised pixels (drawn before the timer; no decoding, no image augmentation)",
      steps: `1 warm-up step of one micro-batch (not timed), then ${LOFFTA_STEPS} (LOFF-TA) or ${STEPS} (fine-tuning) timed optimizer steps; images/s = batch / mean step time`,
      memory: "peakRssBytes: getrusage max RSS of the fresh child process (includes Node + TensorFlow runtime; fine-tuning also includes loading the weights); peakTfBytes: tf.memory().numBytes sampled after each micro-batch forward",
      backend: "tfjs-node 4.22 (TensorFlow 2.21 C library, CPU)",
    },
    totalWallSec: (Date.now() - t0) / 1000,
    results,
  };
  mkdirSync(path.join(__dirname, "results"), { recursive: true });
  const file = BATCH === undefined ? "speedup.json" : `speedup-${(ONLY ?? SETTINGS.map((x) => x.id)).join("-")}-batch${BATCH}.json`;
  writeFileSync(path.join(__dirname, "results", file), JSON.stringify(out, null, 2) + "\n");
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
