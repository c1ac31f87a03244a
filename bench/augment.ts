/**
 * Benchmark: what the tensor augmentations cost. LOFF (no augmentation) and LOFF-TA (the default
 * tensor augmentations: resized crop of the grid, hflip, noise 0.1·channel σ) trained by the real
 * trainer (core/train.ts: cache loader → augmentations → trainStep) on the same synthetic feature
 * cache written to a temp folder, alternating LOFF / LOFF-TA `--reps` times so drift in the
 * machine's load hits both; images/s is the trainer's own figure (the run page's, compute time of
 * each step after the warm-up steps). Settings: `tiny` on the demo's grid (MobileNetV2
 * block_13_expand_relu: 14×14×576 + CLS, batch 8) and `deit-s` on a ViT-B/14 grid
 * (16×16×768 + CLS, batch 32, micro-batch 8).
 * Writes bench/results/augment.json. Usage: npm run bench:augment [-- --reps N --only tiny]
 */
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import { allAugmentationsOff, augmentationsSchema } from "@loffta/graphql/domain";
import { parseRunConfig } from "@loffta/graphql/run-config";
import { initBackend } from "../apps/worker/src/core/backend";
import { openCache } from "../apps/worker/src/core/cache/reader";
import { writeBarsCache } from "../apps/worker/src/core/testing/synthetic";
import { train } from "../apps/worker/src/core/train";
import { median, writeResult } from "./machine";

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const REPS = arg("reps") === undefined ? null : Number(arg("reps"));
const ONLY = arg("only")?.split(",");

interface Setting {
  id: string;
  preset: "tiny" | "deit-s";
  h: number;
  d: number;
  batchSize: number;
  microBatch: number;
  steps: number;
  target: number;
  /** Alternations LOFF / LOFF-TA (the median is reported). */
  reps: number;
}
const SETTINGS: Setting[] = [
  { id: "tiny", preset: "tiny", h: 14, d: 576, batchSize: 8, microBatch: 8, steps: 60, target: 0.85, reps: 5 },
  { id: "deit-s", preset: "deit-s", h: 16, d: 768, batchSize: 32, microBatch: 8, steps: 5, target: 0.95, reps: 2 },
];

async function main(): Promise<void> {
  const info = await initBackend();
  const loadBefore = os.loadavg();
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), "loffta-bench-augment-"));
  const results: Record<string, unknown>[] = [];
  try {
    for (const s of SETTINGS.filter((x) => !ONLY || ONLY.includes(x.id))) {
      const dir = path.join(tmp, s.id);
      await writeBarsCache(dir, { h: s.h, w: s.h, d: s.d, seed: 1, splits: { train: s.batchSize * (s.steps + 2) }, shardSize: 256 });
      const cache = await openCache(dir);
      const base = { classifier: { preset: s.preset }, batchSize: s.batchSize, microBatch: s.microBatch, epochs: 1, seed: 1 };
      const configs = {
        LOFF: parseRunConfig({ ...base, augmentations: allAugmentationsOff(augmentationsSchema.parse({})) }),
        LOFF_TA: parseRunConfig(base),
      };
      const ips: Record<keyof typeof configs, number[]> = { LOFF: [], LOFF_TA: [] };
      const reps = REPS ?? s.reps;
      for (let r = 0; r < reps; r++) {
        for (const kind of ["LOFF", "LOFF_TA"] as const) {
          const sum = await train({ cache, config: configs[kind], evalSplit: null, maxSteps: s.steps });
          ips[kind].push(sum.imagesPerSec);
          process.stderr.write(`${s.id} ${kind} rep ${r + 1}: ${sum.imagesPerSec.toFixed(2)} img/s (load ${os.loadavg()[0].toFixed(1)})\n`);
        }
      }
      const loff = median(ips.LOFF);
      const ta = median(ips.LOFF_TA);
      results.push({
        setting: s.id,
        preset: s.preset,
        tokens: `${s.h}x${s.h}x${s.d} (+CLS)`,
        batchSize: s.batchSize,
        microBatch: s.microBatch,
        timedStepsPerRun: s.steps - 2,
        reps,
        augmentations: Object.entries(configs.LOFF_TA.augmentations)
          .filter(([, v]) => v.enabled)
          .map(([k]) => k),
        loffImagesPerSec: ips.LOFF,
        loffTaImagesPerSec: ips.LOFF_TA,
        medianLoff: loff,
        medianLoffTa: ta,
        loffTaOverLoff: ta / loff,
        target: s.target,
        met: ta / loff >= s.target,
      });
    }
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
  const out = {
    benchmark: "augment",
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, totalMemBytes: os.totalmem(), loadAvgBefore: loadBefore, loadAvgAfter: os.loadavg() },
    backend: info.device,
    results,
  };
  writeResult("augment", out);
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
